#!/usr/bin/env bash
# The e2e test of the Sigil extension in a real VS Code: code-server (VS Code 1.100) with a fresh state on
# 127.0.0.1, the packed .vsix installed with --install-extension, a temp QuickStart project with tracked calls and a
# trusted demo key, then e2e/vscode.test.mjs (node --test, TAP: "# pass N" / "# fail N") driving /usr/bin/chromium
# headless with playwright-core. Screenshots go to artifacts/e2e-vscode/ at the repository root. Everything started
# here (code-server, its extension host, sigil-lsp and its workers) is stopped at the end, also on failure.
#
# Env: CS_BIN (code-server's entry.js), CHROMIUM (/usr/bin/chromium), VSIX (extension-vscode/sigil-vscode.vsix),
#      PORT (free port), SHOTS (screenshot folder), KEEP=1 keeps the temp folder, E2E_ROUNDS (tracked app rounds).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ext="$(cd "$here/.." && pwd)"
root="$(cd "$ext/.." && pwd)"
CS_BIN=${CS_BIN:-/opt/code-server/node_modules/code-server/out/node/entry.js}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
VSIX=${VSIX:-$ext/sigil-vscode.vsix}
SHOTS=${SHOTS:-$root/artifacts/e2e-vscode}
t0=$(date +%s.%N)
lap() { printf '# [e2e %6.1fs] %s\n' "$(echo "$(date +%s.%N) - $t0" | bc)" "$*"; }
fail() { echo "error: $*" >&2; echo "# pass 0"; echo "# fail 1"; exit 1; }

[ -f "$CS_BIN" ] || fail "code-server not found at $CS_BIN: install it (sudo PREFIX=/opt/code-server bash eng/install-code-server.sh) or set CS_BIN to its out/node/entry.js"
[ -x "$CHROMIUM" ] || fail "chromium not found at $CHROMIUM: install it (sudo apt-get install chromium) or set CHROMIUM"
[ -f "$VSIX" ] || fail "the extension package $VSIX is missing: run 'npm run package' in extension-vscode first"
command -v dotnet >/dev/null || fail "dotnet is not on PATH (the .NET 10 SDK is needed)"
[ -d "$ext/node_modules/playwright-core" ] || [ -d "$root/node_modules/playwright-core" ] || fail "playwright-core is not installed: run 'npm install' at the repository root"

work=$(mktemp -d "${TMPDIR:-/tmp}/sigil-e2e.XXXXXX")
state="$work/cs" project="$work/QuickStart"
export SIGIL_KEYS_DIR="$work/keys"
mkdir -p "$state/ud/User" "$state/ext" "$state/xdg" "$SIGIL_KEYS_DIR" "$SHOTS"
rm -f "$SHOTS"/*.png
server_pid=""
cleanup() {
  local rc=$?
  if [ -n "$server_pid" ]; then
    # code-server runs in its own process group (setsid): the extension host, sigil-lsp and its workers are in it.
    kill -TERM -- "-$server_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 -- "-$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  # Anything else still using the temp folder was started by this run (e.g. a process that left the group): stop it by pid.
  local left
  left=$(pgrep -f "$work" || true)
  if [ -n "$left" ]; then
    echo "stopping leftover processes: $left" >&2
    kill -KILL $left 2>/dev/null || true
  fi
  if [ "${KEEP:-0}" = 1 ]; then echo "kept $work" >&2; else rm -rf "$work"; fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

lap "preparing the QuickStart project in $project"
bash "$here/prepare-project.sh" "$project" > "$work/prepare.log" 2>&1 || { cat "$work/prepare.log" >&2; fail "preparing the project failed"; }
lap "$(tail -n 1 "$work/prepare.log")"

cat > "$state/ud/User/settings.json" <<JSON
{
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "extensions.ignoreRecommendations": true,
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "git.enabled": false,
  "security.workspace.trust.enabled": false,
  "terminal.integrated.gpuAcceleration": "off",
  "chat.commandCenter.enabled": false,
  "sigil.run.iterations": 3,
  "sigil.run.optimizer": "best-of-n",
  "sigil.llm.endpoint": "",
  "sigil.promote.key": "demo",
  "sigil.trace.server": "messages"
}
JSON
export XDG_CONFIG_HOME="$state/xdg" XDG_DATA_HOME="$state/xdg" XDG_CACHE_HOME="$state/xdg"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
unset OPENAI_BASE_URL OPENAI_API_KEY
common=(--user-data-dir "$state/ud" --extensions-dir "$state/ext")
node "$CS_BIN" "${common[@]}" --install-extension "$VSIX" > "$work/install.log" 2>&1 || { cat "$work/install.log" >&2; fail "installing $VSIX failed"; }
lap "installed $(basename "$VSIX")"

port=${PORT:-$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}
setsid node "$CS_BIN" "${common[@]}" --bind-addr "127.0.0.1:$port" --auth none \
  --disable-telemetry --disable-update-check --disable-workspace-trust \
  --disable-getting-started-override > "$state/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 150); do curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.2; done
curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" || { cat "$state/server.log" >&2; fail "code-server did not start"; }
lap "code-server up on 127.0.0.1:$port (pid $server_pid)"

set +e
CS_URL="http://127.0.0.1:$port/?folder=$project" PROJECT="$project" SHOTS="$SHOTS" STATE="$state" CHROMIUM="$CHROMIUM" \
  node --test --test-reporter=tap --test-concurrency=1 "$here/vscode.test.mjs" 2>&1 | tee "$work/test.log"
rc=${PIPESTATUS[0]}
set -e
if [ "$rc" -ne 0 ]; then
  echo "--- Sigil output (extension host log) ---" >&2
  find "$state/ud/logs" -name '*Sigil*.log' -exec tail -n 60 {} \; >&2 2>/dev/null || true
fi
lap "screenshots in $SHOTS: $(ls "$SHOTS" | tr '\n' ' ')"
pass=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$work/test.log" | tail -1)
failn=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$work/test.log" | tail -1)
lap "done: rc=$rc"
echo "# pass ${pass:-0}"
echo "# fail ${failn:-1}"
exit "$rc"
