#!/usr/bin/env bash
# Checks an indicator export against the published figures of the Xing County seed report:
#   jobs/check-seed-figures.sh INDICATORS_CSV [FIGURES_CSV]
# FIGURES_CSV (default data-samples/xing-county.seed-figures.csv) has the columns
# indicator_code,area_code,year,value. Every figure must be found exactly; exit 1 otherwise.
set -euo pipefail
export_csv=${1:?usage: jobs/check-seed-figures.sh INDICATORS_CSV [FIGURES_CSV]}
figures=${2:-"$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/data-samples/xing-county.seed-figures.csv"}
[[ -f "$export_csv" ]] || { echo "error: $export_csv does not exist; run jobs/export.sh first" >&2; exit 1; }
awk -F, '
  NR == FNR { if (FNR > 1) { want[$1 "," $2 "," $3] = $4; order[++n] = $1 "," $2 "," $3 } next }
  FNR > 1 { got[$1 "," $2 "," $4] = $7 }
  END {
    bad = 0
    for (i = 1; i <= n; i++) {
      k = order[i]
      if (!(k in got)) { printf "MISSING  %-40s expected %s\n", k, want[k]; bad++ }
      else if (got[k] != want[k]) { printf "WRONG    %-40s expected %s, got %s\n", k, want[k], got[k]; bad++ }
      else { printf "ok       %-40s %s\n", k, got[k] }
    }
    printf "%d passed, %d failed\n", n - bad, bad
    exit bad > 0
  }' "$figures" "$export_csv"
