#!/usr/bin/env bash
# End-to-end check of run safety on a built warehouse (CI runs it; it can be run by hand):
#   jobs/check-run-safety.sh --warehouse W --landing L --work DIR
# W must have been built from L by jobs/nightly.sh. The check adds a new insurance file to a copy
# of L and starts a run that pauses after its last table commit, before its commit point (the test
# hook -Drural-stats.test.pause-at), then checks, while it holds the warehouse:
#   - a second run exits 3 at once and names the holder;
#   - jobs/export.sh still gives the last published run's figures, byte for byte;
# then lets the first run finish and checks that the export now differs, that the run recomputed
# only the indicator groups the new file touches and its export equals a rebuild from scratch of
# the same landing folder, byte for byte, and that jobs/runs.sh lists the published run and the
# refused one. Exit 0 when every check holds.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

while [[ $# -gt 0 ]]; do
  case $1 in
    --warehouse) wh=$2; shift 2 ;;
    --landing) landing=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    *) echo "error: unknown argument $1; usage: $0 --warehouse W --landing L --work DIR" >&2; exit 2 ;;
  esac
done
[[ -n ${wh:-} && -n ${landing:-} && -n ${work:-} ]] || {
  echo "error: usage: $0 --warehouse W --landing L --work DIR" >&2; exit 2; }

fail() { echo "FAILED: $*" >&2; exit 1; }
mkdir -p "$work"
jobs/export.sh --warehouse "$wh" --table indicators --out "$work/before.csv" 2>/dev/null

cp -r "$landing" "$work/landing"
mkdir -p "$work/landing/insurance"
printf 'year,person_id,village_code,required,enrolled\n2024,11010519491231002X,141123105201,1,1\n' \
  > "$work/landing/insurance/2099-01-01-run-safety-check.csv"

resume="$work/resume"
rm -f "$resume"
: >"$work/first.log" # polled below from the start, before the run's shell has opened it
RURAL_STATS_JAVA_OPTS="${RURAL_STATS_JAVA_OPTS:--Xmx2g} -Drural-stats.test.pause-at=published/indicators -Drural-stats.test.resume-file=$resume" \
  jobs/nightly.sh --landing "$work/landing" --warehouse "$wh" >"$work/first.log" 2>&1 &
first=$!
for _ in $(seq 1 600); do
  grep -q '^COMMIT-POINT [0-9]* published/indicators' "$work/first.log" && break
  kill -0 "$first" 2>/dev/null || { cat "$work/first.log" >&2; fail "the first run ended before its commit point"; }
  sleep 1
done
grep -q '^COMMIT-POINT [0-9]* published/indicators' "$work/first.log" || fail "the first run did not reach its commit point in 10 minutes"
echo "a run (pid $first) holds the warehouse, paused just before its commit point"

set +e
jobs/nightly.sh --landing "$work/landing" --warehouse "$wh" >"$work/second.log" 2>&1
code=$?
set -e
cat "$work/second.log"
[[ $code -eq 3 ]] || fail "the second run exited $code, not 3"
grep -q "^error: another run holds the warehouse" "$work/second.log" || fail "no 'another run holds' message"
echo "a second run exits 3 and names the holder"

jobs/export.sh --warehouse "$wh" --table indicators --out "$work/during.csv" 2>/dev/null
cmp "$work/before.csv" "$work/during.csv" || fail "an export during the run differs from the last published run"
echo "an export during the run gives the last published run's figures, byte for byte"

touch "$resume"
set +e
wait "$first"
code=$?
set -e
[[ $code -eq 0 ]] || { cat "$work/first.log" >&2; fail "the first run exited $code after it was resumed"; }
jobs/export.sh --warehouse "$wh" --table indicators --out "$work/after.csv" 2>/dev/null
if cmp -s "$work/before.csv" "$work/after.csv"; then
  fail "the export after the run equals the one before: the new file was not published"
fi
echo "after the run: $(diff "$work/before.csv" "$work/after.csv" | grep -c '^>') changed indicator rows published"
grep -E '^  [0-9]+ of [0-9]+ groups \(' "$work/first.log" \
  || fail "the run after one new insurance file did not recompute only some groups"
rm -rf "$work/rebuild"
jobs/nightly.sh --landing "$work/landing" --warehouse "$work/rebuild" >"$work/rebuild.log" 2>&1 \
  || { code=$?; [[ $code -eq 2 ]] || { cat "$work/rebuild.log" >&2; fail "the rebuild from scratch exited $code"; }; }
jobs/export.sh --warehouse "$work/rebuild" --table indicators --out "$work/rebuild.csv" 2>/dev/null
cmp "$work/after.csv" "$work/rebuild.csv" || fail "the groups recomputed after the new file differ from a rebuild from scratch"
echo "the groups recomputed after the new file give the export of a rebuild from scratch, byte for byte"
jobs/runs.sh --warehouse "$wh" 2>/dev/null | tee "$work/runs.txt" | head -12
grep -q "refused" "$work/runs.txt" || fail "jobs/runs.sh does not list the refused run"
echo "run safety: every check held"
