#!/usr/bin/env bash
# Erasure on request, under the warehouse lock (exit 3 while another run holds it):
#   jobs/erase.sh --warehouse DIR --ids FILE --reason TEXT [--key-file KEY]
# FILE holds the ID numbers, one per line (never on the command line, which other users see).
# Removes every row of those persons from the raw zone, the rejects and every clean table,
# republishes the indicators and records the erasure in meta/erasures (pseudonym, time, reason,
# rows; never the ID). Later deliveries of them are set aside ("erased on request").
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
rs_run org.ruralstats.jobs.EraseJob "$@"
