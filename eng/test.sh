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
# Tools the tests use as real parts: git (publish, diff checks), bubblewrap (the sandbox's OS isolation).
need=()
command -v git >/dev/null || need+=(git)
command -v bwrap >/dev/null || need+=(bubblewrap)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing ${need[*]} (apt-get)"
    { apt-get install -y -qq "${need[@]}" || { apt-get update -qq && apt-get install -y -qq "${need[@]}"; }; } >/dev/null
  else
    echo "error: ${need[*]} required; install with: sudo apt-get install ${need[*]}" >&2; exit 1
  fi
fi

results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build Sigil.sln -nologo -v quiet -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }
# One summary line per test project ("Passed!  - Failed: 0, Passed: 47, ..."); TRX files are kept as artifacts.
dotnet test Sigil.sln --no-build -nologo --logger trx --results-directory "$results" --blame-hang-timeout 5min 2>&1 | tee "$results/console.log"
status=${PIPESTATUS[0]}

passed=0; failed=0; runners=0
while read -r f p; do
  passed=$((passed + p)); failed=$((failed + f)); runners=$((runners + 1))
done < <(sed -n 's/^\(Passed\|Failed\)! *- *Failed: *\([0-9]*\), *Passed: *\([0-9]*\).*/\2 \3/p' "$results/console.log")
projects=$(find tests -name '*.Tests.csproj' | wc -l)
if [ "$runners" -ne "$projects" ]; then
  echo "error: $runners of $projects test projects reported results (a test host crashed or was not run)" >&2
  failed=$((failed + 1))
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
