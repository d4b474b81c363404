#!/usr/bin/env bash
# Prints a leaders' report (report.html of jobs/report.sh) to PDF with headless Chromium, as a
# leader would print it, and checks the printed pages: A4, and no page left nearly blank, that is
# whose text ends in the top fifth of the page (as when one headline card or a section's last line
# runs over onto a page of its own):
#   jobs/check-report-print.sh REPORT_DIR [MIN_FILL_PERCENT]
# MIN_FILL_PERCENT (default 20): how far down every page's text must reach. Writes
# REPORT_DIR/report.pdf. Needs the Debian packages chromium and poppler-utils. Exit 1 when a check
# fails.
set -euo pipefail
dir=${1:?usage: jobs/check-report-print.sh REPORT_DIR [MIN_FILL_PERCENT]}
min_fill=${2:-20}
page="$dir/report.html"
[[ -f "$page" ]] || { echo "error: $page does not exist; run jobs/report.sh --out $dir first" >&2; exit 1; }
for tool in chromium pdfinfo pdftotext; do
  command -v "$tool" >/dev/null || {
    echo "error: $tool is not installed; as root run: apt-get install -y chromium fonts-noto-cjk poppler-utils" >&2
    exit 1
  }
done
dir=$(cd "$dir" && pwd)
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chromium --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
  --user-data-dir="$profile" --virtual-time-budget=10000 --run-all-compositor-stages-before-draw \
  --print-to-pdf="$dir/report.pdf" --no-pdf-header-footer "file://$dir/report.html" 2>"$profile/chromium.log" \
  || { cat "$profile/chromium.log" >&2; echo "error: Chromium could not print $page" >&2; exit 1; }
[[ -s "$dir/report.pdf" ]] || { cat "$profile/chromium.log" >&2; echo "error: Chromium wrote no PDF of $page" >&2; exit 1; }
info=$(pdfinfo "$dir/report.pdf")
pages=$(awk '/^Pages:/ { print $2 }' <<<"$info")
grep -q '(A4)' <<<"$info" || { echo "$info"; echo "FAILED   $dir/report.pdf is not on A4 pages"; exit 1; }
# per page: how far down its lowest word reaches, in percent of the page's height, and its first words
pdftotext -bbox "$dir/report.pdf" - | awk -v min="$min_fill" -v pages="$pages" '
  function report() {
    if (n == 0) return
    fill = 100 * low / height
    if (fill < min) { bad++; printf "FAILED   page %d of %d: its text ends %.0f%% down the page (%s)\n", n, pages, fill, words }
    else printf "ok       page %d of %d: text down to %.0f%% of the page\n", n, pages, fill
  }
  /<page / { report(); n++; low = 0; words = ""; count = 0
             match($0, /height="[0-9.]+"/); height = substr($0, RSTART + 8, RLENGTH - 9) }
  /<word / { match($0, /yMax="[0-9.]+"/); y = substr($0, RSTART + 6, RLENGTH - 7) + 0
             if (y > low) low = y
             if (count++ < 6) { w = $0; sub(/.*">/, "", w); sub(/<\/word>.*/, "", w); words = words (words == "" ? "" : " ") w } }
  END { report(); if (n != pages) { printf "FAILED   pdftotext read %d of %d pages\n", n, pages; exit 1 }
        printf "%d pages, %d nearly blank\n", n, bad; exit bad > 0 }'
