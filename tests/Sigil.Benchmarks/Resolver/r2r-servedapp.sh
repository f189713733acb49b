#!/usr/bin/env bash
# Copies the Release build of tests/Fixtures/ServedApp to DEST (default /tmp/servedapp-r2r) with its Sigil libraries and
# their dependencies ReadyToRun-compiled (crossgen2 from the NuGet cache, as `dotnet publish -p:PublishReadyToRun=true`
# would use; ServedApp.dll itself is left as built, so the benchmarks' check that it is the same app holds). Then:
#   dotnet run -c Release --project tests/Sigil.Benchmarks -- --resolver-cold --app DEST/ServedApp.dll
# An experiment for docs/benchmarks.md (issue 4): how much of the cold decision is JIT of Sigil's own code.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
dest="${1:-/tmp/servedapp-r2r}"
src="$root/tests/Fixtures/ServedApp/bin/Release/net10.0"
runtime="$(dotnet --list-runtimes | awk '/^Microsoft.NETCore.App /{v=$2} END{print v}')"
framework="$(dirname "$(dotnet --list-runtimes | awk '/^Microsoft.NETCore.App /{p=$3} END{print p}' | tr -d '[]')")/Microsoft.NETCore.App/$runtime"
crossgen="${NUGET_PACKAGES:-$HOME/.nuget/packages}/microsoft.netcore.app.crossgen2.linux-x64/$runtime/tools/crossgen2"
[ -f "$src/ServedApp.dll" ] || { echo "build first: dotnet build -c Release tests/Sigil.Benchmarks" >&2; exit 1; }
[ -x "$crossgen" ] || { echo "crossgen2 $runtime not in the NuGet cache: restore it once with any project that has <PublishReadyToRun>true</PublishReadyToRun> and <RuntimeIdentifier>linux-x64</RuntimeIdentifier>" >&2; exit 1; }
rm -rf "$dest"
cp -r "$src" "$dest"
for assembly in Sigil.Runtime Sigil.Manifests Sigil.Identity Blake3 NSec.Cryptography System.IO.Hashing; do
  "$crossgen" "$src/$assembly.dll" -o "$dest/$assembly.dll" -r "$framework/*.dll" -r "$src/*.dll" --targetos linux --targetarch x64 -O >/dev/null
  echo "ReadyToRun: $assembly"
done
echo "$dest/ServedApp.dll"
