#!/usr/bin/env bash
# The README's first command: builds Sigil and the QuickStart sample, turns tracking on, runs the sample,
# turns tracking off, shows what was tracked, then improves both pins offline (sigil run), lists and compares the
# solutions. Needs only the .NET 10 SDK (no API key, no network beyond NuGet).
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
# Debug, the configuration sigil run opens the project with (its generator reference is built alongside).
dotnet build samples/QuickStart/QuickStart.csproj -nologo -v quiet -clp:ErrorsOnly

step "sigil init (idempotent)"
./sigil init --project samples/QuickStart

step "sigil tracker start"
./sigil tracker start --project samples/QuickStart

step "Running the QuickStart app (every pinned call is tracked)"
dotnet samples/QuickStart/bin/Debug/net10.0/QuickStart.dll --rounds 30 > /dev/null

step "sigil tracker stop"
./sigil tracker stop --project samples/QuickStart

step "sigil inspect-pins"
./sigil inspect-pins --project samples/QuickStart

step "sigil inspect-samples quickstart"
./sigil inspect-samples quickstart --project samples/QuickStart --last 12

step "sigil run quickstart (offline: MADS over Root's numeric literals, no LLM endpoint needed)"
./sigil run quickstart --name v1 --optimizer mads --niter 12 --pin Root --project samples/QuickStart

step "sigil run quickstart (offline: the rule-based generator on SumOfSquares)"
./sigil run quickstart --name v1 --optimizer best-of-n --niter 5 --pin SumOfSquares --project samples/QuickStart

step "sigil inspect-solutions quickstart"
./sigil inspect-solutions quickstart --project samples/QuickStart --top 3

step "sigil compare quickstart v1 (fresh paired trials of each pin's best against the baseline)"
./sigil compare quickstart v1 --project samples/QuickStart

step "sigil keys new (a demo signing key, kept outside the repository) and trust it"
keys_dir="${SIGIL_KEYS_DIR:-${XDG_CONFIG_HOME:-$HOME/.config}/sigil/keys}"
if [ -f "$keys_dir/quickstart-demo.key" ]; then
  ./sigil keys trust quickstart-demo --project samples/QuickStart
else
  ./sigil keys new quickstart-demo --trust --project samples/QuickStart
fi

step "sigil promote quickstart v1 (signed manifest + each approved method compiled ahead of time)"
./sigil promote quickstart v1 --key quickstart-demo --force --project samples/QuickStart

step "sigil verify (exactly as the production resolver will)"
./sigil verify samples/QuickStart/sigil.manifest.json --project samples/QuickStart

step "Running the QuickStart app in prod mode: the resolver serves the approved candidates"
SIGIL_MODE=prod SIGIL_MANIFEST=sigil.manifest.json dotnet samples/QuickStart/bin/Debug/net10.0/QuickStart.dll --rounds 30 > /dev/null
tail -n 1 samples/QuickStart/.sigil/resolver/resolver.log

step "sigil inspect-solutions quickstart (the 'served' column counts the calls each candidate served)"
./sigil inspect-solutions quickstart --project samples/QuickStart --top 2
