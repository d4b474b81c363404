#!/usr/bin/env bash
# End-to-end check of the personal-data rules (issue 11) on a COPY of a warehouse built by
# jobs/nightly.sh from LANDING with the key in force (RURAL_STATS_PSEUDONYM_KEY_FILE or --key-file):
#   jobs/check-personal-data.sh --warehouse W --landing L [--work DIR]
#  1. file modes: nothing under raw/ is open to group or others; clean/ is owner+group only;
#  2. erases the two persons found in most landing files, then compares the indicator export with
#     that of a new warehouse built from a copy of L without their rows (must be byte-identical);
#  3. delivers one of them again under a new file name: the rows are set aside ("erased on
#     request") and the indicator export does not change;
#  4. rotates the key: the export is byte-identical, the old key is refused, the new one accepted;
#  5. searches every output of the check (console, logs, exports) for the landing's ID numbers.
# Exit 0 when every check passes; prints what failed otherwise.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
warehouse="" landing="" work="" key_file=${RURAL_STATS_PSEUDONYM_KEY_FILE:-}
while [[ $# -gt 0 ]]; do
  case "$1" in
    --warehouse) warehouse=$2; shift 2 ;;
    --landing) landing=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --key-file) key_file=$2; shift 2 ;;
    *) echo "error: unknown option $1; usage: $0 --warehouse W --landing L [--work DIR] [--key-file K]" >&2; exit 1 ;;
  esac
done
[[ -n "$warehouse" && -n "$landing" && -n "$key_file" ]] || {
  echo "error: give --warehouse, --landing and the key (--key-file or RURAL_STATS_PSEUDONYM_KEY_FILE)" >&2; exit 1; }
[[ -n "$work" ]] || { work=$(mktemp -d); trap 'rm -rf "$work"' EXIT; }
mkdir -p "$work"
chmod 700 "$work"
export RURAL_STATS_PSEUDONYM_KEY_FILE="$key_file"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }
# a nightly run published: exit 0, or 2 (published, but a file of the landing folder stands
# rejected as a whole, e.g. a header without a required column)
published() { [[ $1 -eq 0 || $1 -eq 2 ]]; }
run() { # run NAME CMD...: the command's console into $work/logs/NAME.log (and the exit code)
  local name=$1; shift
  local start=$(date +%s) rc=0
  "$@" >"$work/logs/$name.log" 2>&1 || rc=$?
  echo "  ($name: exit $rc, $(( $(date +%s) - start )) s)"
  return $rc
}
mkdir -p "$work/logs"

echo "=== 1. file modes after the nightly run"
open_raw=$(find "$warehouse/raw" -perm /077 | wc -l)
[[ "$open_raw" -eq 0 ]] && ok "raw/: $(find "$warehouse/raw" -type d | wc -l) folders 0700, $(find "$warehouse/raw" -type f | wc -l) files 0600 (none open to group or others)" \
  || fail "$open_raw entries under raw/ are open to group or others: $(find "$warehouse/raw" -perm /077 | head -3)"
open_clean=$(find "$warehouse/clean" "$warehouse/quality" -perm /007 | wc -l)
[[ "$open_clean" -eq 0 ]] && ok "clean/ and quality/: nothing open to others ($(stat -c '%a' "$warehouse/clean") / files $(find "$warehouse/clean" -type f -printf '%m\n' | sort -u | paste -sd,))" \
  || fail "$open_clean entries under clean/ or quality/ are open to others"

cp -a "$warehouse" "$work/wh"
python3 - "$landing" "$work" <<'PY'
import csv, io, os, re, shutil, sys
from collections import Counter
landing, work = sys.argv[1], sys.argv[2]
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
def valid(i):
    i = i.upper()
    if not re.fullmatch(r"[0-9]{17}[0-9X]", i): return False
    return "10X98765432"[sum(int(c) * w for c, w in zip(i, W)) % 11] == i[17]
files, seen = [], Counter()
for root, _, names in os.walk(landing):
    for n in sorted(names):
        if n.lower().endswith(".csv"):
            p = os.path.join(root, n); files.append(p)
            text = open(p, encoding="latin-1").read()
            ids = {m.upper() for m in re.findall(r"(?<![0-9])[0-9]{17}[0-9Xx](?![0-9A-Za-z])", text) if valid(m)}
            seen.update(ids)
with open(os.path.join(work, "all-ids"), "w") as f:
    f.write("\n".join(sorted(seen)) + "\n")
erased = [i for i, _ in sorted(seen.items(), key=lambda kv: (-kv[1], kv[0]))[:2]]
fd = os.open(os.path.join(work, "erase-ids"), os.O_WRONLY | os.O_CREAT, 0o600)
os.write(fd, ("\n".join(erased) + "\n").encode()); os.close(fd)
def rows(p):
    raw = open(p, encoding="latin-1", newline="").read()
    return raw, list(csv.reader(io.StringIO(raw, newline="")))
def has(row, ids): return any(v.strip().upper() in ids for v in row)
for dest, keep in (("landing-without", lambda r: not has(r, set(erased))), ("landing-redelivery", lambda r: True)):
    shutil.copytree(landing, os.path.join(work, dest))
redone = False
for p in files:
    raw, recs = rows(p)
    nl = "\r\n" if "\r\n" in raw else "\n"
    rel = os.path.relpath(p, landing)
    out = io.StringIO(newline="")
    w = csv.writer(out, lineterminator=nl)
    w.writerow(recs[0]); [w.writerow(r) for r in recs[1:] if not has(r, set(erased))]
    open(os.path.join(work, "landing-without", rel), "w", encoding="latin-1", newline="").write(out.getvalue())
    mine = [r for r in recs[1:] if has(r, {erased[0]})]
    if mine and not redone:
        out = io.StringIO(newline="")
        w = csv.writer(out, lineterminator=nl)
        w.writerow(recs[0]); [w.writerow(r) for r in mine]
        d = os.path.join(work, "landing-redelivery", os.path.dirname(rel), "9999-12-31-redelivery.csv")
        open(d, "w", encoding="latin-1", newline="").write(out.getvalue())
        print(f"  redelivery: {len(mine)} row(s) of the first erased person in {os.path.dirname(rel)}/9999-12-31-redelivery.csv")
        redone = True
print(f"  {len(seen)} valid ID numbers in the landing folder; erasing the 2 found in most files")
PY

echo "=== 2. erasure of two persons vs. a build from the landing folder without their rows"
# The two touch different warehouses and run side by side: each JVM alone leaves part of the
# machine's two cores idle.
run erase jobs/erase.sh --warehouse "$work/wh" --ids "$work/erase-ids" --reason "e2e check: request 2025-001" \
  --export-dir "$work/after-erase" >"$work/logs/erase.line" 2>&1 &
erase_pid=$!
rc=0; run build-without jobs/nightly.sh --landing "$work/landing-without" --warehouse "$work/wh-without" \
  --export-dir "$work/without" || rc=$?
erase_rc=0; wait "$erase_pid" || erase_rc=$?
cat "$work/logs/erase.line"
[[ $erase_rc -eq 0 ]] || fail "erase.sh failed: $(tail -3 "$work/logs/erase.log")"
grep -E '^erased ' "$work/logs/erase.log" || true
published "$rc" || fail "nightly.sh on the landing folder without them ended with $rc: $(tail -3 "$work/logs/build-without.log")"
cmp "$work/after-erase/indicators.csv" "$work/without/indicators.csv" \
  && ok "indicator export after the erasure is byte-identical to the build without their rows ($(( $(wc -l < "$work/without/indicators.csv") - 1 )) rows)" \
  || fail "indicator export after the erasure differs from the build without their rows: $(diff "$work/after-erase/indicators.csv" "$work/without/indicators.csv" | head -5)"

echo "=== 3. a later delivery of an erased person"
rc=0; run redelivery jobs/nightly.sh --landing "$work/landing-redelivery" --warehouse "$work/wh" \
  --export-dir "$work/after-redelivery" || rc=$?
published "$rc" || fail "the nightly run with the redelivery ended with $rc: $(tail -3 "$work/logs/redelivery.log")"
n=$(grep -c 'redelivery.csv,[0-9]*,.*erased on request' "$work/after-redelivery/rejects.csv" || true)
[[ "$n" -gt 0 ]] && ok "$n redelivered row(s) set aside as 'erased on request': $(grep 'erased on request' "$work/after-redelivery/rejects.csv" | head -2 | paste -sd' ')" \
  || fail "no 'erased on request' reject for the redelivered file"
cmp "$work/after-erase/indicators.csv" "$work/after-redelivery/indicators.csv" \
  && ok "indicator export unchanged by the redelivery" || fail "the redelivery changed the indicator export"

echo "=== 4. key rotation"
head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$work/new.key"
chmod 600 "$work/new.key"
run rotate jobs/rotate-key.sh --warehouse "$work/wh" --new-key-file "$work/new.key" --export-dir "$work/after-rotation" \
  || fail "rotate-key.sh failed: $(tail -3 "$work/logs/rotate.log")"
grep -E '^rotated ' "$work/logs/rotate.log" || true
cmp "$work/after-redelivery/indicators.csv" "$work/after-rotation/indicators.csv" \
  && ok "indicator export byte-identical after the rotation" || fail "the rotation changed the indicator export"
rc=0; run old-key jobs/nightly.sh --landing "$work/landing-redelivery" --warehouse "$work/wh" || rc=$?
[[ $rc -eq 1 ]] && grep -q 'pseudonym key differs' "$work/logs/old-key.log" \
  && ok "the old key is refused (exit 1: $(grep -o 'the pseudonym key differs[^,]*' "$work/logs/old-key.log" | head -1))" \
  || fail "a run with the old key was not refused (exit $rc)"
rc=0; RURAL_STATS_PSEUDONYM_KEY_FILE="$work/new.key" run new-key jobs/nightly.sh --landing "$work/landing-redelivery" \
  --warehouse "$work/wh" --export-dir "$work/new-key" || rc=$?
published "$rc" && cmp -s "$work/after-rotation/indicators.csv" "$work/new-key/indicators.csv" \
  && ok "the new key is accepted (exit $rc, export unchanged)" || fail "a run with the new key failed or changed the export (exit $rc)"

echo "=== 5. ID numbers in any output of the check"
open_raw=$(find "$work/wh/raw" -perm /077 | wc -l)
[[ "$open_raw" -eq 0 ]] && ok "raw/ still owner-only after erasure and rotation" || fail "$open_raw entries under raw/ open after the check"
hits=$(grep -rlaF -f "$work/all-ids" "$work/logs" "$work/after-erase" "$work/without" "$work/after-redelivery" \
  "$work/after-rotation" "$work/new-key" 2>/dev/null | wc -l || true)
[[ "$hits" -eq 0 ]] && ok "no ID number of the landing folder ($(wc -l < "$work/all-ids")) in any console output, log or export" \
  || fail "ID numbers found in: $(grep -rlaF -f "$work/all-ids" "$work/logs" "$work"/after-* "$work/without" | head -5)"
if [[ $failures -gt 0 ]]; then
  echo "personal-data check: $failures check(s) FAILED (logs in $work/logs)"
  exit 1
fi
echo "personal-data check: every check passed"
