#!/usr/bin/env bash
# Writes the leaders' report of one area and year: a self-contained DIR/report.html (opens from
# disk, no network) and the written brief DIR/brief.md:
#   jobs/report.sh --warehouse W --out DIR [--year Y] [--area CODE]
# Default area: the top area of the warehouse (province, city or county); default year: the latest.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
rs_run org.ruralstats.jobs.ReportJob "$@"
