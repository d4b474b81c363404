#!/usr/bin/env bash
# Lists the runs of a warehouse, newest first (published, failed, interrupted and repaired,
# refused by the lock, maintained), with files and rows read, rows rejected, the table versions
# each run left and the pseudonym key's fingerprint:
#   jobs/runs.sh --warehouse DIR
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
RURAL_STATS_JAVA_OPTS=${RURAL_STATS_JAVA_OPTS:--Xmx1g} rs_run org.ruralstats.jobs.RunsJob "$@"
