#!/usr/bin/env bash
# The README's second command (and what .ci/run calls): restores, builds and runs every test project,
# then prints one line "N passed, N failed" summed over all test runners.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if ! command -v dotnet >/dev/null || ! dotnet --list-sdks | grep -q '^10\.'; then
  echo "error: the .NET 10 SDK is required; 'dotnet --list-sdks' shows none." >&2
  exit 1
fi
# Tools the tests use as real parts: git (publish, diff checks), bubblewrap (the sandbox's OS isolation), Neovim (a
# third-party LSP client), Chromium (the browser the VS Code e2e drives); node 20 runs code-server and the extension.
need=()
command -v git >/dev/null || need+=(git)
command -v bwrap >/dev/null || need+=(bubblewrap)
command -v nvim >/dev/null || need+=(neovim)
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v curl >/dev/null || need+=(curl)
command -v bc >/dev/null || need+=(bc)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing ${need[*]} (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    { apt-get install -y -qq "${need[@]}" || { apt-get update -qq && apt-get install -y -qq "${need[@]}"; }; } >/dev/null
  else
    echo "error: ${need[*]} required; install with: sudo apt-get install ${need[*]}" >&2; exit 1
  fi
fi
if ! command -v node >/dev/null || [ "$(node -p 'process.versions.node.split(".")[0]')" != 20 ]; then
  echo "error: Node.js 20 is required (code-server 4.100 runs on Node 20 only); found: $(node -v 2>/dev/null || echo none)" >&2
  exit 1
fi

results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# The real VS Code the e2e drives (code-server, ~3 min the first time: apt build tools, npm, native modules), installed
# while the solution builds; the extension's npm packages from the lock file.
export CS_PREFIX="${CS_PREFIX:-/opt/code-server}"
cs_pid=""
if [ ! -f "$CS_PREFIX/.installed-4.100.3" ]; then
  if [ "$(id -u)" != 0 ]; then echo "error: code-server is missing at $CS_PREFIX; install it with: sudo PREFIX=$CS_PREFIX bash eng/install-code-server.sh" >&2; exit 1; fi
  echo "installing code-server into $CS_PREFIX (log: artifacts/code-server-install.log)"
  PREFIX="$CS_PREFIX" bash eng/install-code-server.sh > "$root/artifacts/code-server-install.log" 2>&1 &
  cs_pid=$!
fi
npm ci --no-audit --no-fund --loglevel=error > "$results/npm-ci.log" 2>&1 || { cat "$results/npm-ci.log"; echo "0 passed, 1 failed"; exit 1; }

dotnet build Sigil.sln -nologo -v quiet -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }
if [ -n "$cs_pid" ] && ! wait "$cs_pid"; then
  tail -30 "$root/artifacts/code-server-install.log"; echo "error: installing code-server failed" >&2; echo "0 passed, 1 failed"; exit 1
fi
# One summary line per test project ("Passed!  - Failed: 0, Passed: 47, ..."); TRX files are kept as artifacts.
dotnet test Sigil.sln --no-build -nologo --logger trx --results-directory "$results" --blame-hang-timeout 5min 2>&1 | tee "$results/console.log"
status=${PIPESTATUS[0]}

# The VS Code extension: unit tests, then the e2e in a real VS Code (node --test: TAP "# pass N" / "# fail N").
npm test -w extension-vscode 2>&1 | tee "$results/vscode-unit.log"
unit_status=${PIPESTATUS[0]}
# The .vsix packs the Debug server built above (no second, Release compile of the whole graph).
SIGIL_SERVER_CONFIGURATION=Debug SIGIL_SERVER_NO_BUILD=1 npm run e2e -w extension-vscode 2>&1 | tee "$results/vscode-e2e.log"
e2e_status=${PIPESTATUS[0]}

passed=0; failed=0; runners=0
while read -r f p; do
  passed=$((passed + p)); failed=$((failed + f)); runners=$((runners + 1))
done < <(sed -n 's/^\(Passed\|Failed\)! *- *Failed: *\([0-9]*\), *Passed: *\([0-9]*\).*/\2 \3/p' "$results/console.log")
projects=$(find tests -name '*.Tests.csproj' | wc -l)
if [ "$runners" -ne "$projects" ]; then
  echo "error: $runners of $projects test projects reported results (a test host crashed or was not run)" >&2
  failed=$((failed + 1))
fi
for log in vscode-unit vscode-e2e; do
  p=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$results/$log.log" | tail -1)
  f=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$results/$log.log" | tail -1)
  if [ -z "$p" ] || [ -z "$f" ]; then
    echo "error: $log printed no test summary (see artifacts/test-results/$log.log)" >&2
    failed=$((failed + 1))
  else
    passed=$((passed + p)); failed=$((failed + f))
  fi
done
if [ "$unit_status" -ne 0 ] || [ "$e2e_status" -ne 0 ]; then status=1; fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
