#!/usr/bin/env bash
# Benchmark of the nightly job, each run in a fresh JVM (jobs/nightly.sh), on a copy of a landing
# folder (default: the Xing County sample, generated once under data-samples/xing-county):
#   1. fresh      a new, empty warehouse
#   2. nothing    a rerun with nothing new
#   3. correction a rerun after one small correction file (a few insurance rows re-delivered with
#                 their enrolment flag flipped)
#   4. rebuild    the same landing folder, correction included, on a new warehouse; the correction
#                 run's exports must equal its exports byte for byte (printed at the end)
# Per run it prints wall time, CPU time (user + system), peak RSS, the exit code, and the seconds
# of each stage measured from the job's own output (each line is timestamped as it arrives): JVM
# and session start, ingest (and each source's own figure; two sources run side by side, so these
# overlap), indicators, commit + exports, summary; and the machine's load average (other processes
# inflate wall time). A table of every run goes to WORK/benchmark.tsv, each run's output to WORK/*.log.
# The first run after a build records the launchers' class-data archive and ends about half a minute
# later; when the build has none yet, an uncounted run on data-samples/small-landing records it first.
#
#   jobs/benchmark.sh [--landing DIR] [--work DIR] [--master URL] [-- NIGHTLY_OPTIONS...]
#   jobs/benchmark.sh --ingest-rows N [--work DIR]     the ingest-only benchmark on N generated
#                                                       insurance rows (1 in 1000 bad): rows/s, and
#                                                       per core, of a first load, nothing new, then
#                                                       a warm load of the same file into a new
#                                                       warehouse in the same JVM, once the JIT has
#                                                       compiled the code
#   jobs/benchmark.sh --counties 1,4,16 [--work DIR]   the scaling benchmark: a fresh run on the
#                                                       sample of N counties (jobs/sample.sh
#                                                       --counties N, generated once under
#                                                       data-samples/counties-N) for each N, with
#                                                       rows, rows/s and wall time per million rows
# Environment: RURAL_STATS_JAVA_OPTS as for every launcher.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

landing=""
work="${TMPDIR:-/tmp}/rural-stats-benchmark"
ingest_rows=""
counties=""
master=()
nightly_opts=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --landing) landing=${2:?--landing needs a folder}; shift 2 ;;
    --work) work=${2:?--work needs a folder}; shift 2 ;;
    --master) master=(--master "${2:?--master needs a URL}"); shift 2 ;;
    --ingest-rows) ingest_rows=${2:?--ingest-rows needs a number}; shift 2 ;;
    --rows) ingest_rows=${2:?--rows needs a number}; shift 2 ;; # the former option name
    --counties) counties=${2:?--counties needs a list such as 1,4,16}; shift 2 ;;
    --) shift; nightly_opts=("$@"); break ;;
    *) echo "error: unknown option $1; see the head of jobs/benchmark.sh for the usage." >&2; exit 1 ;;
  esac
done

if [[ -n "$ingest_rows" ]]; then
  rs_run org.ruralstats.jobs.IngestBenchmark --rows "$ingest_rows" --work "$work"
fi
[[ -x /usr/bin/time ]] || { echo "error: /usr/bin/time (GNU time) is needed for CPU time and peak memory; install the 'time' package." >&2; exit 1; }

if [[ -z "$landing" && -z "$counties" ]]; then
  landing="$RS_ROOT/data-samples/xing-county"
  if [[ ! -f "$landing/.complete" ]]; then
    "$RS_ROOT/jobs/sample.sh" --out "$landing" && touch "$landing/.complete"
  fi
fi
[[ -n "$counties" || -d "$landing" ]] || { echo "error: the landing folder $landing does not exist." >&2; exit 1; }
rs_ensure_built

rm -rf "$work"
mkdir -p "$work"
key="$work/pseudonym.key"
head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$key"
if [[ -z "$counties" ]]; then
  cp -r "$landing" "$work/landing"
  rm -f "$work/landing/.complete"
fi
printf 'run\twall_s\tcpu_s\tpeak_rss_mb\texit\tstart_s\tingest_s\tindicators_s\tcommit_exports_s\tsummary_s\n' >"$work/benchmark.tsv"

# stage_times NAME T0 WALL USER SYS RSS_KB EXIT LOG: prints one run's figures, appends its table row.
stage_times() {
  awk -v name="$1" -v t0="$2" -v wall="$3" -v user="$4" -v sys="$5" -v rss="$6" -v rc="$7" \
    -v tsv="$work/benchmark.tsv" '
    { t = $1; sub(/^[^ ]+ /, "") }
    /^rural-stats nightly run / && !s { s = t }
    /^ingest:$/ { i = t }
    /^indicators:$/ { x = t }
    / indicator rows \(/ || /^  unchanged: / { r = t }
    /^nothing new: / { i = t; x = t; r = t } # decided before Spark starts (NothingNew)
    /^=== Summary ===/ || /^error: / { p = t }
    /^  [a-z_]+ +[0-9]+ file\(s\)/ { src[++n] = $1; sec[n] = $(NF - 1) }
    END {
      end = t0 + wall
      if (!s) s = end
      if (!i) i = s
      if (!p) p = end
      if (!x) x = p
      if (!r) r = x
      printf "%-10s wall %6.1f s   cpu %6.1f s   peak RSS %5.0f MB   exit %s\n", name, wall, user + sys, rss / 1024, rc
      printf "           start %5.1f s | ingest %5.1f s | indicators %5.1f s | commit+exports %5.1f s | summary %5.1f s\n", \
        s - t0, x - i, r - x, p - r, end - p
      line = "           sources:"
      for (k = 1; k <= n; k++) line = line sprintf(" %s %s", src[k], sec[k])
      if (n) print line
      printf "%s\t%.1f\t%.1f\t%.0f\t%s\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\n", name, wall, user + sys, rss / 1024, rc, \
        s - t0, x - i, r - x, p - r, end - p >> tsv
    }' "$8"
}

# run NAME [LANDING]: one nightly run in a fresh JVM (landing: WORK/landing, warehouse:
# WORK/warehouse and exports WORK/exports, as a scheduled job keeps them, unless LANDING is given,
# then WORK/warehouse-NAME and WORK/exports-NAME), its output timestamped. The exports of each run
# are kept in WORK/exports-NAME.
run() {
  local name=$1 log="$work/$1.log" tfile="$work/$1.time" rc=0 t0
  local run_landing=${2:-$work/landing} run_wh="$work/warehouse${2:+-$1}" run_ex="$work/exports${2:+-$1}"
  t0=$EPOCHREALTIME
  set +e
  RURAL_STATS_PSEUDONYM_KEY_FILE="$key" /usr/bin/time -f '%e %U %S %M' -o "$tfile" \
    "$RS_ROOT/jobs/nightly.sh" ${master[@]+"${master[@]}"} --landing "$run_landing" \
    --warehouse "$run_wh" --export-dir "$run_ex" \
    ${nightly_opts[@]+"${nightly_opts[@]}"} 2>&1 \
    | while IFS= read -r line; do printf '%s %s\n' "$EPOCHREALTIME" "$line"; done >"$log"
  rc=${PIPESTATUS[0]}
  set -e
  if [[ "$run_ex" != "$work/exports-$name" && -d "$run_ex" ]]; then
    rm -rf "$work/exports-$name"
    cp -rp "$run_ex" "$work/exports-$name"
  fi
  read -r wall user sys rss <"$tfile" || { tail -n 20 "$log" >&2; echo "error: run $name did not finish (log: $log)" >&2; return 1; }
  stage_times "$name" "$t0" "$wall" "$user" "$sys" "$rss" "$rc" "$log"
  echo "           load average at the end of the run: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# warm_up: the first nightly run after a build records the class-data archive (jobs/lib.sh,
# rs_cds_flags) and ends about half a minute later; a scheduled job pays that once per build, not
# every night. When this build has no archive yet, one uncounted run on the committed small landing
# folder records it first, so that the timed runs measure what every later night sees.
warm_up() {
  [[ ${#master[@]} -eq 0 ]] || return 0
  local archive t0=$EPOCHREALTIME
  archive=$(rs_cds_archive "$RS_JAR:$(cat "$RS_CP_FILE")")
  [[ -n "$archive" && ! -f "$archive" && ! -f "$archive.recorded" ]] || return 0
  echo "class-data archive: none for this build yet; a run on data-samples/small-landing records it first (not counted)"
  if ! RURAL_STATS_PSEUDONYM_KEY_FILE="$key" "$RS_ROOT/jobs/nightly.sh" \
    --landing "$RS_ROOT/data-samples/small-landing" --warehouse "$work/warehouse-warm-up" \
    >"$work/warm-up.log" 2>&1; then
    tail -n 20 "$work/warm-up.log" >&2
    echo "error: the warm-up run failed (log: $work/warm-up.log)" >&2
    exit 1
  fi
  rm -rf "$work/warehouse-warm-up"
  awk -v t0="$t0" -v t1="$EPOCHREALTIME" 'BEGIN { printf "class-data archive recorded (%.0f s)\n", t1 - t0 }'
}

# A correction file: the header and three rows of the newest insurance file with an English
# header, their enrolment flag flipped (a re-delivery that changes a few rows).
add_correction() {
  local dir="$work/landing/insurance" base out
  base=$(grep -il '^[^,]*,*.*enrolled' "$dir"/*.csv | sort | tail -n 1 || true)
  [[ -n "$base" ]] || { echo "error: no insurance file with an 'enrolled' column in $dir for the correction run" >&2; return 1; }
  out="$dir/2025-01-20_correction.csv"
  awk -F, -v OFS=, '
    { sub(/\r$/, "") }
    NR == 1 { for (i = 1; i <= NF; i++) if (tolower($i) == "enrolled") c = i; print; next }
    NR <= 4 { v = tolower($c); $c = (v == "1" || v == "y" || v == "true" || v == "是") ? "0" : "1"; print; next }
    { exit }' "$base" >"$out"
  echo "correction file: $out ($(($(wc -l <"$out") - 1)) rows of $(basename "$base"), enrolled flipped)"
}

warm_up
if [[ -n "$counties" ]]; then
  echo "rural-stats scaling benchmark: counties $counties, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  for n in ${counties//,/ }; do
    sample="$RS_ROOT/data-samples/counties-$n"
    if [[ ! -f "$sample/.complete" ]]; then
      rm -rf "$sample"
      "$RS_ROOT/jobs/sample.sh" --out "$sample" --counties "$n" >/dev/null && touch "$sample/.complete"
    fi
    files=$(find "$sample" -iname '*.csv' | wc -l)
    rows=$(( $(find "$sample" -iname '*.csv' -exec cat {} + | wc -l) - files ))
    echo "$n county(ies): $files files, $rows data rows, $(du -sm "$sample" | cut -f1) MB"
    run "counties-$n" "$sample"
    awk -v n="$n" -v rows="$rows" -F'\t' '$1 == "counties-" n {
      printf "           %d rows: %.0f rows/s, %.1f s per million rows\n", rows, rows / $2, $2 / rows * 1e6 }' \
      "$work/benchmark.tsv"
    rm -rf "$work/warehouse-counties-$n"
  done
  echo "table: $work/benchmark.tsv; logs: $work/counties-*.log"
  exit 0
fi

echo "rural-stats benchmark: landing $landing ($(find "$work/landing" -iname '*.csv' | wc -l) files, $(du -sm "$work/landing" | cut -f1) MB), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
run fresh
run nothing
add_correction
run correction
# the same landing folder, correction included, on a new warehouse: what the correction run must equal
run rebuild "$work/landing"
rm -rf "$work/warehouse-rebuild"
cmp -s "$work/exports-fresh/indicators.csv" "$work/exports-nothing/indicators.csv" \
  && echo "nothing-new rerun: indicators.csv byte-identical to the fresh run" \
  || echo "nothing-new rerun: indicators.csv DIFFERS from the fresh run"
for f in indicators.csv rejects.csv; do
  cmp -s "$work/exports-correction/$f" "$work/exports-rebuild/$f" \
    && echo "correction run: $f byte-identical to a rebuild from scratch" \
    || echo "correction run: $f DIFFERS from a rebuild from scratch"
done
echo "table: $work/benchmark.tsv; logs: $work/{fresh,nothing,correction,rebuild}.log"
