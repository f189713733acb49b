#!/usr/bin/env bash
# The README's first command: builds Sigil and the QuickStart sample, turns tracking on, runs the sample,
# turns tracking off and shows what was tracked. Needs only the .NET 10 SDK (no API key, no network beyond NuGet).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if ! command -v dotnet >/dev/null || ! dotnet --list-sdks | grep -q '^10\.'; then
  echo "error: the .NET 10 SDK is required (https://dot.net); 'dotnet --list-sdks' shows none." >&2
  exit 1
fi
step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "Building the sigil CLI and samples/QuickStart"
dotnet build server/Sigil.Cli/Sigil.Cli.csproj -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet build samples/QuickStart/QuickStart.csproj -c Release -nologo -v quiet -clp:ErrorsOnly

step "sigil init (idempotent)"
./sigil init --project samples/QuickStart

step "sigil tracker start"
./sigil tracker start --project samples/QuickStart

step "Running the QuickStart app (every pinned call is tracked)"
dotnet samples/QuickStart/bin/Release/net10.0/QuickStart.dll --rounds 3

step "sigil tracker stop"
./sigil tracker stop --project samples/QuickStart

step "sigil inspect-pins"
./sigil inspect-pins --project samples/QuickStart

step "sigil inspect-samples quickstart"
./sigil inspect-samples quickstart --project samples/QuickStart --last 12
