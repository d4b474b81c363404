#!/usr/bin/env bash
# The nightly job: ingest the landing folder into the warehouse and publish the indicators.
#
#   jobs/nightly.sh                                   run on the embedded Xing County sample
#   jobs/nightly.sh --landing DIR --warehouse DIR     run on your own landing folder
#
# Without --landing, the sample is generated under data-samples/xing-county (first run only).
# Without --warehouse, the warehouse is ./warehouse in the project folder.
# After a successful run, indicators.csv and rejects.csv are written to --export-dir
# (default: <warehouse>/exports).
# Exit codes: 0 all files loaded (rejected rows allowed); 2 published, but a file of the landing
# folder stands rejected as a whole; 1 the run failed and nothing published changed; 3 another
# run holds the warehouse lock (the message names it) and this run did nothing.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

landing=""
warehouse=""
export_dir=""
rest=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --landing) landing=${2:?--landing needs a folder}; shift 2 ;;
    --landing=*) landing=${1#*=}; shift ;;
    --warehouse) warehouse=${2:?--warehouse needs a folder}; shift 2 ;;
    --warehouse=*) warehouse=${1#*=}; shift ;;
    --export-dir) export_dir=${2:?--export-dir needs a folder}; shift 2 ;;
    --export-dir=*) export_dir=${1#*=}; shift ;;
    *) rest+=("$1"); shift ;;
  esac
done

if [[ -z "$landing" ]]; then
  landing="$RS_ROOT/data-samples/xing-county"
  if [[ ! -f "$landing/.complete" ]]; then
    echo "No landing folder given: generating the Xing County sample in $landing ..."
    "$RS_ROOT/jobs/sample.sh" --out "$landing" || exit 1
    touch "$landing/.complete"
  fi
fi
warehouse=${warehouse:-"$RS_ROOT/warehouse"}
export_dir=${export_dir:-"$warehouse/exports"}

rs_run org.ruralstats.jobs.NightlyJob --landing "$landing" --warehouse "$warehouse" \
  --export-dir "$export_dir" "${rest[@]}"
