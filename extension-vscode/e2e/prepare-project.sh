#!/usr/bin/env bash
# Makes a QuickStart project for the e2e in $1 (a new folder): copies samples/QuickStart's sources, imports
# samples/Directory.Build.props|targets (so it builds from this repository's sources like the sample), builds it, runs
# it with the tracker on (E2E_ROUNDS, default 30, rounds of tracked calls: with 12 the holdout of SumOfSquares holds 1 sample and no run can be accepted, so nothing could be promoted), makes + trusts a signing key "demo" in $SIGIL_KEYS_DIR, and commits it all to a new git repository.
# Never touches samples/. Build servers are not left running (-nodeReuse:false, no shared compilation).
set -euo pipefail
dest=${1:?usage: prepare-project.sh DEST_FOLDER}
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
: "${SIGIL_KEYS_DIR:?set SIGIL_KEYS_DIR to a temp folder for the demo key}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
build_flags=(-nologo -v quiet -clp:ErrorsOnly\;NoSummary -nodeReuse:false -p:UseSharedCompilation=false)
retry() { # concurrent builds in the same tree may hit file locks
  local i
  for i in 1 2 3; do "$@" && return 0; echo "  (attempt $i failed; retrying in 5 s)" >&2; sleep 5; done
  return 1
}

mkdir -p "$dest"
for f in Kernels.cs Program.cs QuickStartSpec.cs QuickStart.csproj sigil.json; do
  cp "$root/samples/QuickStart/$f" "$dest/"
done
cat > "$dest/Directory.Build.props" <<XML
<Project>
  <Import Project="$root/samples/Directory.Build.props" />
</Project>
XML
cat > "$dest/Directory.Build.targets" <<XML
<Project>
  <Import Project="$root/samples/Directory.Build.targets" />
</Project>
XML

cli="$root/server/Sigil.Cli/bin/Debug/net10.0/sigil.dll"
if [ ! -f "$cli" ]; then
  retry dotnet build "$root/server/Sigil.Cli/Sigil.Cli.csproj" "${build_flags[@]}"
fi
sigil() { dotnet "$cli" "$@"; }

retry dotnet build "$dest/QuickStart.csproj" "${build_flags[@]}"
sigil tracker start --project "$dest" > /dev/null
SIGIL_PROJECT_DIR="$dest" dotnet "$dest/bin/Debug/net10.0/QuickStart.dll" --rounds "${E2E_ROUNDS:-30}" > /dev/null
sigil tracker stop --project "$dest" > /dev/null
sigil keys new demo --trust --project "$dest" > /dev/null
# A git repository (publish makes a branch): everything committed, build output and .sigil/ ignored; a local identity.
printf 'bin/\nobj/\n.sigil/\n' > "$dest/.gitignore"
git -C "$dest" init -q -b main
git -C "$dest" config user.name "Sigil e2e"
git -C "$dest" config user.email "e2e@sigil.invalid"
git -C "$dest" add .gitignore Directory.Build.props Directory.Build.targets Kernels.cs Program.cs QuickStartSpec.cs QuickStart.csproj sigil.json sigil.keys.json
git -C "$dest" commit -q -m "QuickStart for the e2e"
echo "prepared $dest: $(sigil tracker status --project "$dest" 2>/dev/null | tr '\n' ' ' | cut -c1-160)"
