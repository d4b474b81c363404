#!/usr/bin/env bash
# Shared by the job launchers: builds the project when needed (first run on a fresh machine
# downloads the dependencies from Maven Central) and runs one of its main classes in a JVM.
# Environment:
#   RURAL_STATS_JAVA_OPTS  extra JVM options (default: -Xmx4g)
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
rs_ensure_built() {
  (
    flock 9
    if rs_needs_build; then rs_build; fi
  ) 9>"$RS_ROOT/target/.build.lock" 2>/dev/null || { mkdir -p "$RS_ROOT/target"; if rs_needs_build; then rs_build; fi; }
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

# rs_run MAIN_CLASS [ARGS...]: builds if needed, then runs MAIN_CLASS with the project on the class path.
# Spark settings for the job (what spark-submit --conf would give) go in RS_SPARK_PROPS as -Dspark.K=V.
rs_run() {
  local main=$1
  shift
  rs_ensure_built
  # shellcheck disable=SC2086
  exec java ${RURAL_STATS_JAVA_OPTS:--Xmx4g} "${RS_JVM_FLAGS[@]}" ${RS_SPARK_PROPS[@]+"${RS_SPARK_PROPS[@]}"} \
    -cp "$RS_JAR:$(cat "$RS_CP_FILE")" "$main" "$@"
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
  exec java ${RURAL_STATS_JAVA_OPTS:--Xmx4g} "${RS_JVM_FLAGS[@]}" \
    -Dlog4j2.configurationFile="$RS_ROOT/src/main/resources/log4j2.properties" -cp "$(rs_spark_classpath)" \
    org.apache.spark.deploy.SparkSubmit --master "$master" --deploy-mode client --class "$main" \
    ${opts[@]+"${opts[@]}"} "$RS_APP_JAR" "$@"
}
