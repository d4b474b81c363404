#!/usr/bin/env bash
# Writes the Xing County (兴县) sample landing folder: jobs/sample.sh --out DIR [--counties N]
# (N > 1: DIR/<county code>/<source>/ for Xing County and N-1 synthetic Lüliang counties).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
rs_run org.ruralstats.sample.XingCountySampleGenerator "$@"
