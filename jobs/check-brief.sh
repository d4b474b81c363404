#!/usr/bin/env bash
# Checks a written brief (brief.md of jobs/report.sh) states every figure of the county's own
# report that its area and year cover:
#   jobs/check-brief.sh BRIEF_MD [PHRASES]
# PHRASES (default data-samples/xing-county.seed-brief.txt) holds one extended regular expression
# per line (# starts a comment); each must match the brief. Exit 1 when one does not.
set -euo pipefail
brief=${1:?usage: jobs/check-brief.sh BRIEF_MD [PHRASES]}
phrases=${2:-"$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/data-samples/xing-county.seed-brief.txt"}
[[ -f "$brief" ]] || { echo "error: $brief does not exist; run jobs/report.sh first" >&2; exit 1; }
pass=0 fail=0
while IFS= read -r phrase; do
  [[ -z "$phrase" || "$phrase" == \#* ]] && continue
  if grep -Eq -- "$phrase" "$brief"; then
    echo "ok       $phrase"; pass=$((pass + 1))
  else
    echo "MISSING  $phrase"; fail=$((fail + 1))
  fi
done < "$phrases"
echo "$pass passed, $fail failed"
[[ $fail -eq 0 ]]
