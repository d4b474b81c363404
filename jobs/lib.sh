#!/usr/bin/env bash
# Shared by the job launchers: builds the project when needed (first run on a fresh machine
# downloads the dependencies from Maven Central) and runs one of its main classes in a JVM.
# Environment:
#   RURAL_STATS_JAVA_OPTS  extra JVM options (default: -Xmx4g)
set -euo pipefail

RS_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RS_JAR="$RS_ROOT/target/rural-stats.jar"
RS_CP_FILE="$RS_ROOT/target/runtime-classpath.txt"

rs_needs_build() {
  [[ -f "$RS_JAR" && -f "$RS_CP_FILE" ]] || return 0
  [[ -n "$(find "$RS_ROOT/pom.xml" "$RS_ROOT/src/main" -newer "$RS_JAR" -print -quit)" ]]
}

rs_build() {
  command -v mvn >/dev/null || { echo "error: Maven (mvn) is not on PATH; install Maven 3.8+ and Java 17, then rerun." >&2; exit 1; }
  command -v java >/dev/null || { echo "error: java is not on PATH; install Java 17, then rerun." >&2; exit 1; }
  mkdir -p "$RS_ROOT/target"
  local log="$RS_ROOT/target/build.log"
  echo "Building rural-stats (the first build downloads dependencies and takes a few minutes; log: $log) ..." >&2
  if ! (cd "$RS_ROOT" && mvn -B -ntp -DskipTests -Dspotless.check.skip=true package \
      dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$RS_CP_FILE") \
      >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    echo "error: the build failed (full log: $log). Fix the error above and rerun." >&2
    exit 1
  fi
  touch "$RS_JAR"
}

# rs_run MAIN_CLASS [ARGS...]: builds if needed, then runs MAIN_CLASS with the project on the class path.
rs_run() {
  local main=$1
  shift
  (
    flock 9
    if rs_needs_build; then rs_build; fi
  ) 9>"$RS_ROOT/target/.build.lock" 2>/dev/null || { mkdir -p "$RS_ROOT/target"; if rs_needs_build; then rs_build; fi; }
  # shellcheck disable=SC2086
  exec java ${RURAL_STATS_JAVA_OPTS:--Xmx4g} -XX:+UseParallelGC \
    --add-opens=java.base/java.lang=ALL-UNNAMED \
    --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
    --add-opens=java.base/java.lang.reflect=ALL-UNNAMED \
    --add-opens=java.base/java.io=ALL-UNNAMED \
    --add-opens=java.base/java.net=ALL-UNNAMED \
    --add-opens=java.base/java.nio=ALL-UNNAMED \
    --add-opens=java.base/java.util=ALL-UNNAMED \
    --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
    --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED \
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
    --add-opens=java.base/sun.nio.cs=ALL-UNNAMED \
    --add-opens=java.base/sun.security.action=ALL-UNNAMED \
    --add-opens=java.base/sun.util.calendar=ALL-UNNAMED \
    -Djdk.reflect.useDirectMethodHandle=false \
    -cp "$RS_JAR:$(cat "$RS_CP_FILE")" "$main" "$@"
}
