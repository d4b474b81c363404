#!/usr/bin/env bash
# Key rotation, under the warehouse lock, all or nothing:
#   jobs/rotate-key.sh --warehouse DIR --new-key-file FILE [--key-file CURRENT]
# Derives every pseudonym again from the raw zone under the new key; afterwards the warehouse
# accepts the new key only. Destroy the old key afterwards (README, "Key rotation").
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
rs_run org.ruralstats.jobs.RotateKeyJob "$@"
