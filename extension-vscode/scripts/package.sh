#!/usr/bin/env bash
# Packs sigil-vscode.vsix with the language server inside: publishes server/Sigil.LanguageServer (framework-dependent,
# Release) into extension-vscode/server/, then `vsce package` (its vscode:prepublish builds the bundles, minified). Retries the publish when a
# concurrent build holds a file lock. SIGIL_SKIP_PUBLISH=1 reuses server/ when it is there (quick repacks).
# SIGIL_SERVER_CONFIGURATION=Debug SIGIL_SERVER_NO_BUILD=1 publishes the Debug build already made (eng/test.sh: it has
# just built the solution, so the e2e packs that instead of compiling everything again in Release).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$here"
if [ "${SIGIL_SKIP_PUBLISH:-0}" = 1 ] && [ -f server/sigil-lsp.dll ]; then
  echo "SIGIL_SKIP_PUBLISH=1: packing the server already in server/" >&2
else
rm -rf server
configuration="${SIGIL_SERVER_CONFIGURATION:-Release}"
no_build=()
[ "${SIGIL_SERVER_NO_BUILD:-0}" = 1 ] && no_build=(--no-build)
for attempt in 1 2 3; do
  if dotnet publish "$root/server/Sigil.LanguageServer/Sigil.LanguageServer.csproj" -c "$configuration" "${no_build[@]}" --no-self-contained \
       -o "$here/server" -nologo -v quiet -clp:ErrorsOnly -nodeReuse:false -p:UseSharedCompilation=false; then
    break
  fi
  if [ "$attempt" = 3 ]; then echo "error: dotnet publish of the language server failed" >&2; exit 1; fi
  echo "dotnet publish failed (attempt $attempt; a concurrent build may hold a lock): retrying in 5 s" >&2
  sleep 5
done
fi
for f in sigil-lsp.dll Sigil.Worker.dll; do
  [ -f "server/$f" ] || { echo "error: server/$f is missing after publish" >&2; exit 1; }
done
npx --no-install vsce package --no-dependencies --allow-missing-repository -o sigil-vscode.vsix
ls -la sigil-vscode.vsix
