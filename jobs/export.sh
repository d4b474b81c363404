#!/usr/bin/env bash
# Writes a table of the warehouse:
#   jobs/export.sh --warehouse DIR --table indicators|rejects|orphans [--format csv|xlsx] --out FILE
#                  [--year Y] [--level LEVEL] [--area CODE]    (filters: indicators only)
#                  [--as-of RUN_ID]
# It reads each table as the last published run (or run RUN_ID) left it, never a run in progress.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
rs_run org.ruralstats.jobs.ExportJob "$@"
