#!/usr/bin/env bash
# Housekeeping, under the warehouse lock (a nightly run waits for it, exit 3): compacts the small
# files of every table (Delta OPTIMIZE) and removes the data files no kept run needs (Delta VACUUM
# with a retention reaching back to the start of the oldest kept published run, never shorter), so
# jobs/export.sh --as-of RUN_ID works for each of the last N published runs:
#   jobs/maintain.sh --warehouse DIR [--keep-runs N]     (default N: 30)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
rs_run org.ruralstats.jobs.MaintainJob "$@"
