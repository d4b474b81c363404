#!/usr/bin/env bash
# Writes a table of the warehouse as CSV:
#   jobs/export.sh --warehouse DIR --table indicators|rejects|orphans --out FILE [--as-of RUN_ID]
# It reads each table as the last published run (or run RUN_ID) left it, never a run in progress.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
rs_run org.ruralstats.jobs.ExportJob "$@"
