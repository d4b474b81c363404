#!/usr/bin/env bash
# Writes the Xing County (兴县) sample landing folder: jobs/sample.sh --out DIR
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
rs_run org.ruralstats.sample.XingCountySampleGenerator "$@"
