#!/usr/bin/env bash
# The nightly job: ingest the landing folder into the warehouse and publish the indicators.
#
#   jobs/nightly.sh                                   run on the embedded Xing County sample
#   jobs/nightly.sh --landing DIR --warehouse DIR     run on your own landing folder
#
# Without --landing, the sample is generated under data-samples/xing-county (first run only).
# Without --warehouse, the warehouse is ./warehouse in the project folder.
# After a successful run, indicators.csv and rejects.csv are written to --export-dir
# (default: <warehouse>/exports).
#
# On a Spark cluster (submitted through Spark's own SparkSubmit, client mode, with the application
# jar target/rural-stats-app.jar; the pseudonym key must then be given explicitly):
#   jobs/nightly.sh --master spark://HOST:PORT --landing DIR --warehouse DIR --key-file FILE \
#       [--conf spark.K=V ...] [--spark-opt OPTION ...]
# --conf settings win over the job's defaults (also without --master, where they become -Dspark.K=V).
# With --master the executors get 2 GB and the launchers' collector and JIT counts
# (RS_EXECUTOR_JAVA_OPTS in jobs/lib.sh) unless --conf spark.executor.memory or
# spark.executor.extraJavaOptions says otherwise.
# --spark-opt passes one more option to SparkSubmit (e.g. --spark-opt=--executor-memory=2g).
# Exit codes: 0 all files loaded (rejected rows allowed); 2 published, but a file of the landing
# folder stands rejected as a whole; 1 the run failed and nothing published changed; 3 another
# run holds the warehouse lock (the message names it) and this run did nothing.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

landing=""
warehouse=""
export_dir=""
master=""
confs=()
submit_opts=()
rest=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --landing) landing=${2:?--landing needs a folder}; shift 2 ;;
    --landing=*) landing=${1#*=}; shift ;;
    --warehouse) warehouse=${2:?--warehouse needs a folder}; shift 2 ;;
    --warehouse=*) warehouse=${1#*=}; shift ;;
    --export-dir) export_dir=${2:?--export-dir needs a folder}; shift 2 ;;
    --export-dir=*) export_dir=${1#*=}; shift ;;
    --master) master=${2:?--master needs a master URL, e.g. spark://127.0.0.1:7077}; shift 2 ;;
    --master=*) master=${1#*=}; shift ;;
    --conf) confs+=("${2:?--conf needs KEY=VALUE}"); shift 2 ;;
    --conf=*) confs+=("${1#*=}"); shift ;;
    --spark-opt) submit_opts+=("${2:?--spark-opt needs an option}"); shift 2 ;;
    --spark-opt=*) submit_opts+=("${1#*=}"); shift ;;
    *) rest+=("$1"); shift ;;
  esac
done

if [[ -z "$landing" ]]; then
  landing="$RS_ROOT/data-samples/xing-county"
  if [[ ! -f "$landing/.complete" ]]; then
    echo "No landing folder given: generating the Xing County sample in $landing ..."
    "$RS_ROOT/jobs/sample.sh" --out "$landing" || exit 1
    touch "$landing/.complete"
  fi
fi
warehouse=${warehouse:-"$RS_ROOT/warehouse"}
export_dir=${export_dir:-"$warehouse/exports"}

for c in ${confs[@]+"${confs[@]}"}; do
  [[ "$c" == spark.*=* ]] || { echo "error: --conf $c is not a Spark setting KEY=VALUE with a key starting spark." >&2; exit 1; }
done
job_args=(--landing "$landing" --warehouse "$warehouse" --export-dir "$export_dir" ${rest[@]+"${rest[@]}"})

if [[ -n "$master" ]]; then
  submit=(--name "rural-stats nightly")
  # Defaults for a small standalone cluster; a --conf of the same key wins (SparkSubmit keeps the last).
  submit+=(--conf spark.executor.memory=${RURAL_STATS_EXECUTOR_MEMORY:-2g})
  submit+=(--conf "spark.executor.extraJavaOptions=$RS_EXECUTOR_JAVA_OPTS")
  for c in ${confs[@]+"${confs[@]}"}; do submit+=(--conf "$c"); done
  submit+=(${submit_opts[@]+"${submit_opts[@]}"})
  rs_submit "$master" org.ruralstats.jobs.NightlyJob "${submit[@]}" -- "${job_args[@]}"
else
  RS_SPARK_PROPS=()
  for c in ${confs[@]+"${confs[@]}"}; do RS_SPARK_PROPS+=("-D$c"); done
  rs_run org.ruralstats.jobs.NightlyJob "${job_args[@]}"
fi
