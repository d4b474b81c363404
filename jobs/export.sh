#!/usr/bin/env bash
# Writes a table of the warehouse:
#   jobs/export.sh --warehouse DIR --table indicators|rejects|orphans [--format csv|xlsx] --out FILE
#                  [--year Y] [--level LEVEL] [--area CODE]    (filters: indicators only)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
rs_run org.ruralstats.jobs.ExportJob "$@"
