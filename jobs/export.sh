#!/usr/bin/env bash
# Writes a table of the warehouse as CSV:
#   jobs/export.sh --warehouse DIR --table indicators|rejects|orphans --out FILE
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
rs_run org.ruralstats.jobs.ExportJob "$@"
