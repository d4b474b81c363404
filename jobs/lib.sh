#!/usr/bin/env bash
# Shared by the job launchers: builds the project when needed (first run on a fresh machine
# downloads the dependencies from Maven Central) and runs one of its main classes in a JVM.
# Environment:
#   RURAL_STATS_JAVA_OPTS  extra JVM options (default: -Xmx4g)
#   RURAL_STATS_CDS        "off" disables the class-data archive (see rs_cds_flags)
set -euo pipefail

RS_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RS_JAR="$RS_ROOT/target/rural-stats.jar"
# The application jar for spark-submit: the project and its non-Spark dependencies (pom.xml, shade).
RS_APP_JAR="$RS_ROOT/target/rural-stats-app.jar"
# Class path of the dependencies, Spark included (scope compile = compile + provided).
RS_CP_FILE="$RS_ROOT/target/classpath.txt"

rs_needs_build() {
  [[ -f "$RS_JAR" && -f "$RS_APP_JAR" && -f "$RS_CP_FILE" ]] || return 0
  [[ -n "$(find "$RS_ROOT/pom.xml" "$RS_ROOT/src/main" -newer "$RS_JAR" -print -quit)" ]]
}

rs_build() {
  command -v mvn >/dev/null || { echo "error: Maven (mvn) is not on PATH; install Maven 3.8+ and Java 17, then rerun." >&2; exit 1; }
  command -v java >/dev/null || { echo "error: java is not on PATH; install Java 17, then rerun." >&2; exit 1; }
  mkdir -p "$RS_ROOT/target"
  local log="$RS_ROOT/target/build.log"
  echo "Building rural-stats (the first build downloads dependencies and takes a few minutes; log: $log) ..." >&2
  if ! (cd "$RS_ROOT" && mvn -B -ntp -DskipTests -Dspotless.check.skip=true package \
      dependency:build-classpath -Dmdep.includeScope=compile -Dmdep.outputFile="$RS_CP_FILE") \
      >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    echo "error: the build failed (full log: $log). Fix the error above and rerun." >&2
    exit 1
  fi
  touch "$RS_APP_JAR" "$RS_JAR"
}

# rs_ensure_built: builds the project once if it is missing or older than its sources.
# Launchers started together build once: the others wait on the lock (flock, where there is one).
rs_ensure_built() {
  mkdir -p "$RS_ROOT/target" # a fresh checkout has none: the lock file lives there
  if command -v flock >/dev/null; then
    (
      flock 9
      if rs_needs_build; then rs_build; fi
    ) 9>"$RS_ROOT/target/.build.lock"
  elif rs_needs_build; then
    rs_build
  fi
}

# rs_spark_classpath: the dependency class path without what the application jar carries, i.e.
# what a Spark installation provides. Keep the pattern in step with the shade includes of pom.xml.
rs_spark_classpath() {
  tr ':' '\n' <"$RS_CP_FILE" \
    | grep -Ev '/(io/delta|io/unitycatalog|com/fasterxml/jackson/datatype/jackson-datatype-jdk8|com/fasterxml/jackson/dataformat/jackson-dataformat-yaml|org/apache/commons/commons-csv|info/picocli|org/apache/poi|org/apache/xmlbeans|com/zaxxer/SparseBitSet|com/github/virtuald/curvesapi|org/webjars)/' \
    | paste -sd: -
}

# JVM flags of every launcher (Spark's own list of --add-opens; harmless insurance on Java 17).
RS_JVM_FLAGS=(
  -XX:+UseParallelGC
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false
)

# The JIT's optimizing compiler (C2) compiles a method once it has run 5,000 times (or looped
# 40,000 times) by default. A run is some two hundred queries: Spark's and Delta's planning code
# reaches that count and keeps the one compiler thread of a 2-core machine busy for most of a run,
# while the code that repays it is what runs per row. Ten times those counts leave the planning code
# to the quick compiler (C1) and still compile the row loops fully (docs/decisions.md, "The JIT's
# second tier"). With those counts more methods stay in C1's profiled code, for which the JVM sets
# aside half of its default 240 MB for compiled code: the test suite's JVM filled that half to 98%
# and a fresh Xing run to 64%, so the launchers reserve 512 MB (only what is compiled takes memory).
# They come before RURAL_STATS_JAVA_OPTS, so a flag given there wins.
RS_JIT_FLAGS=(
  -XX:Tier4InvocationThreshold=50000
  -XX:Tier4MinInvocationThreshold=6000
  -XX:Tier4CompileThreshold=150000
  -XX:Tier4BackEdgeThreshold=400000
  -XX:ReservedCodeCacheSize=512m
)

# The executors of a run submitted with jobs/nightly.sh --master are JVMs the cluster's workers
# start, with the JVM's own collector (G1) and JIT counts unless the application names others. They
# get the launchers' collector and counts (above): on the project's two-worker cluster the Xing
# sample took 131 and 132 s against 169 and 162 s with the JVM's defaults, exports byte-identical
# (docs/decisions.md, "The executors' JVM flags"). A --conf spark.executor.extraJavaOptions=...
# replaces them.
RS_EXECUTOR_JAVA_OPTS="-XX:+UseParallelGC ${RS_JIT_FLAGS[*]}"

# rs_cds_archive CLASS_PATH: prints the path of the class-data archive of this build and class
# path (it may not exist yet), or nothing when the archive is off (RURAL_STATS_CDS=off) or
# target/cds is not writable.
rs_cds_archive() {
  [[ "${RURAL_STATS_CDS:-on}" == off ]] && return 0
  local dir="$RS_ROOT/target/cds" id
  mkdir -p "$dir" 2>/dev/null && [[ -w "$dir" ]] || return 0
  id=$({ stat -c '%n %s %Y' "$RS_JAR" "$RS_APP_JAR" "$(readlink -f "$(command -v java)")"; printf '%s\n' "$1"; } | cksum | cut -d' ' -f1)
  printf '%s\n' "$dir/$id.jsa"
}

# rs_cds_flags CLASS_PATH MAIN_CLASS: sets RS_CDS_FLAGS, the JVM's class-data sharing (a JDK
# feature) for this build and class path. A job loads some 20,000 classes (Spark, Delta, Hadoop)
# before its first row. The first nightly run after a build records the classes it loaded in an
# archive under target/cds (writing it makes that run end about half a minute later); every later
# run of any job maps them from there and starts several seconds sooner. One run records at a time
# (a lock); the archive is checked (-Xshare:on) before it is first used.
rs_cds_flags() {
  RS_CDS_FLAGS=()
  local dir="$RS_ROOT/target/cds" id archive quiet=-Xlog:cds=off,cds+dynamic=off
  archive=$(rs_cds_archive "$1")
  [[ -n "$archive" ]] || return 0
  id=$(basename "$archive" .jsa)
  if [[ -f "$archive" ]]; then
    RS_CDS_FLAGS=("-XX:SharedArchiveFile=$archive" "$quiet")
    return 0
  fi
  # fd 8 stays open through exec: the recording JVM holds the lock until it has written the archive
  exec 8>"$dir/.lock"
  if ! flock -n 8; then
    exec 8>&-
    return 0
  fi
  if [[ -f "$archive.recorded" ]]; then
    if java -Xshare:on "-XX:SharedArchiveFile=$archive.recorded" "$quiet" -cp "$1" -version >/dev/null 2>&1; then
      mv -f "$archive.recorded" "$archive"
      exec 8>&-
      RS_CDS_FLAGS=("-XX:SharedArchiveFile=$archive" "$quiet")
      return 0
    fi
    rm -f "$archive.recorded"
  fi
  if [[ "$2" != org.ruralstats.jobs.NightlyJob ]]; then
    exec 8>&-
    return 0
  fi
  find "$dir" -maxdepth 1 -name '*.jsa*' ! -name "$id.*" -delete 2>/dev/null || true
  echo "note: this first nightly run after a build records the classes it loads in $dir, so that later runs start sooner; it ends about half a minute later than usual." >&2
  # -Drural-stats.cds.recording: the job then runs in full even with nothing new (NothingNew), so
  # that the archive holds Spark's classes
  RS_CDS_FLAGS=("-XX:ArchiveClassesAtExit=$archive.recorded" "$quiet" -Drural-stats.cds.recording=true)
}

# rs_run MAIN_CLASS [ARGS...]: builds if needed, then runs MAIN_CLASS with the project on the class path.
# Spark settings for the job (what spark-submit --conf would give) go in RS_SPARK_PROPS as -Dspark.K=V.
rs_run() {
  local main=$1
  shift
  rs_ensure_built
  local cp
  cp="$RS_JAR:$(cat "$RS_CP_FILE")"
  rs_cds_flags "$cp" "$main"
  # shellcheck disable=SC2086
  exec java "${RS_JIT_FLAGS[@]}" ${RURAL_STATS_JAVA_OPTS:--Xmx4g} "${RS_JVM_FLAGS[@]}" ${RS_CDS_FLAGS[@]+"${RS_CDS_FLAGS[@]}"} \
    ${RS_SPARK_PROPS[@]+"${RS_SPARK_PROPS[@]}"} -cp "$cp" "$main" "$@"
}

# rs_submit MASTER MAIN_CLASS [SPARK_SUBMIT_OPTIONS...] -- [ARGS...]: builds if needed, then submits
# the application jar to MASTER through Spark's own SparkSubmit (client mode: this JVM is the driver).
rs_submit() {
  local master=$1 main=$2
  shift 2
  local opts=()
  while [[ $# -gt 0 && "$1" != "--" ]]; do opts+=("$1"); shift; done
  [[ $# -gt 0 ]] && shift
  rs_ensure_built
  export SPARK_SCALA_VERSION=2.13
  case "$master" in
    spark://127.0.0.1:* | spark://localhost:* | local*) export SPARK_LOCAL_IP=${SPARK_LOCAL_IP:-127.0.0.1} ;;
  esac
  # shellcheck disable=SC2086
  exec java "${RS_JIT_FLAGS[@]}" ${RURAL_STATS_JAVA_OPTS:--Xmx4g} "${RS_JVM_FLAGS[@]}" \
    -Dlog4j2.configurationFile="$RS_ROOT/src/main/resources/log4j2.properties" -cp "$(rs_spark_classpath)" \
    org.apache.spark.deploy.SparkSubmit --master "$master" --deploy-mode client --class "$main" \
    ${opts[@]+"${opts[@]}"} "$RS_APP_JAR" "$@"
}
