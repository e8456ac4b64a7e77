#!/usr/bin/env bash
# Runs every test of TriageBot, installing first what the tests need (on Debian, as root or with sudo).
# Ends with one line "N passed, N failed" and exits non-zero when a test failed or nothing ran.
set -uo pipefail
cd "$(dirname "$0")/.."

sudo_cmd=""
[ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && sudo_cmd="sudo"
missing=()
command -v python3 >/dev/null || missing+=(python3)   # tests generate scenarios with ../shared/tools
# The PostgreSQL store's tests start a throwaway server with the machine's initdb and pg_ctl (none is left running),
# unless TRIAGEBOT_TEST_POSTGRES names one.
if [ -z "${TRIAGEBOT_TEST_POSTGRES:-}" ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null; then
  missing+=(postgresql)
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  $sudo_cmd apt-get update -qq && $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

log=$(mktemp)
dotnet test TriageBot.sln -c Release --nologo -v q 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# vstest prints one summary line per test assembly: "Passed!  - Failed: 0, Passed: 12, Skipped: 0, ..."
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -ne 0 ] || [ "$passed" -eq 0 ]; then exit 1; fi
