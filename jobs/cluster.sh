#!/usr/bin/env bash
# A real Spark standalone cluster on this machine (loopback): one master and two workers, built from
# the project's own Maven dependencies (no Spark distribution is downloaded).
#
#   jobs/cluster.sh start    starts master + 2 workers, waits until both workers are registered,
#                            prints the master URL (spark://127.0.0.1:PORT) on stdout
#   jobs/cluster.sh status   the master URL, its web UI, the alive workers and the applications
#   jobs/cluster.sh stop     stops the workers, then the master
#
# Then: jobs/nightly.sh --master "$(jobs/cluster.sh url)" --key-file KEY --landing ... --warehouse ...
#
# Environment:
#   RURAL_STATS_CLUSTER_DIR      state folder: pid files, logs, SPARK_HOME (default target/cluster)
#   RURAL_STATS_MASTER_PORT      master port (default: the first free one from 7077)
#   RURAL_STATS_WORKER_MEMORY    memory each worker offers its executors (default 3g)
#   RURAL_STATS_WORKER_CORES     cores each worker offers (default 1)
#   RURAL_STATS_CLUSTER_TIMEOUT  seconds to wait for the master, then for the workers (default 300;
#                                ~3 s and ~30 s on an idle 2-core machine)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

STATE=${RURAL_STATS_CLUSTER_DIR:-"$RS_ROOT/target/cluster"}
SH="$STATE/spark-home"
WORKERS=2

# port_free PORT: true when nothing listens on 127.0.0.1:PORT.
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

first_free_port() {
  local p=$1
  while ! port_free "$p"; do p=$((p + 1)); done
  echo "$p"
}

alive() { [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

# A SPARK_HOME whose jars/ are the Spark side of the project's dependencies (links into the Maven
# repository): what a Spark installation provides, without the application jar's dependencies.
make_spark_home() {
  rm -rf "$SH"
  mkdir -p "$SH/jars" "$SH/conf"
  local jar
  while IFS= read -r jar; do
    [[ -n "$jar" ]] && ln -s "$jar" "$SH/jars/$(basename "$jar")"
  done < <(rs_spark_classpath | tr ':' '\n')
  echo "Spark home $SH: $(find "$SH/jars" -name '*.jar' | wc -l) jars" >&2
}

start_jvm() { # start_jvm NAME CLASS ARGS... : a detached JVM, its pid in $STATE/NAME.pid
  local name=$1
  shift
  SPARK_HOME="$SH" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1 \
    nohup java -Xmx512m "${RS_JVM_FLAGS[@]}" -cp "$SH/conf:$SH/jars/*" "$@" \
    >"$STATE/logs/$name.log" 2>&1 </dev/null &
  echo $! >"$STATE/$name.pid"
}

registered_workers() { grep -c 'Registering worker' "$STATE/logs/master.log" 2>/dev/null || true; }

cmd_start() {
  if alive "$STATE/master.pid"; then
    echo "error: a cluster of this project is already running (master $(cat "$STATE/master.url")); run jobs/cluster.sh stop first." >&2
    exit 1
  fi
  rs_ensure_built
  mkdir -p "$STATE/logs"
  rm -f "$STATE"/*.pid "$STATE/master.url"
  make_spark_home
  local port ui
  port=${RURAL_STATS_MASTER_PORT:-$(first_free_port 7077)}
  ui=$(first_free_port 8080)
  [[ "$ui" == "$port" ]] && ui=$(first_free_port $((port + 1)))
  local url="spark://127.0.0.1:$port"
  start_jvm master org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" --webui-port "$ui"
  echo "$url" >"$STATE/master.url"
  echo "http://127.0.0.1:$ui" >"$STATE/master.webui"
  local i timeout=${RURAL_STATS_CLUSTER_TIMEOUT:-300}
  local deadline=$((SECONDS + timeout))
  until grep -q 'ALIVE' "$STATE/logs/master.log" 2>/dev/null; do
    if ! alive "$STATE/master.pid" || ((SECONDS > deadline)); then
      tail -n 20 "$STATE/logs/master.log" >&2
      echo "error: the Spark master did not start within $timeout s (log: $STATE/logs/master.log); see the lines above." >&2
      cmd_stop >/dev/null 2>&1
      exit 1
    fi
    sleep 1
  done
  for ((i = 1; i <= WORKERS; i++)); do
    mkdir -p "$STATE/work/worker$i"
    start_jvm "worker$i" org.apache.spark.deploy.worker.Worker "$url" \
      --cores "${RURAL_STATS_WORKER_CORES:-1}" --memory "${RURAL_STATS_WORKER_MEMORY:-3g}" \
      --host 127.0.0.1 --webui-port 0 --work-dir "$STATE/work/worker$i"
  done
  deadline=$((SECONDS + timeout))
  until (($(registered_workers) >= WORKERS)); do
    for ((i = 1; i <= WORKERS; i++)); do
      if ! alive "$STATE/worker$i.pid"; then
        tail -n 20 "$STATE/logs/worker$i.log" >&2
        echo "error: Spark worker $i died at start (log: $STATE/logs/worker$i.log); see the lines above." >&2
        cmd_stop >/dev/null 2>&1
        exit 1
      fi
    done
    if ((SECONDS > deadline)); then
      echo "error: only $(registered_workers) of $WORKERS workers registered with $url within $timeout s (logs: $STATE/logs)." >&2
      cmd_stop >/dev/null 2>&1
      exit 1
    fi
    sleep 1
  done
  echo "Spark standalone cluster up: master $url (web UI $(cat "$STATE/master.webui")), $WORKERS workers registered; logs in $STATE/logs" >&2
  echo "$url"
}

stop_pid() { # stop_pid PIDFILE: SIGTERM, wait up to 20 s, then SIGKILL
  local f=$1 pid
  alive "$f" || { rm -f "$f"; return 0; }
  pid=$(cat "$f")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 20); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
  rm -f "$f"
}

cmd_stop() {
  local i stopped=0
  for ((i = 1; i <= WORKERS; i++)); do
    alive "$STATE/worker$i.pid" && stopped=1
    stop_pid "$STATE/worker$i.pid"
  done
  alive "$STATE/master.pid" && stopped=1
  stop_pid "$STATE/master.pid"
  if ((stopped)); then echo "Spark cluster stopped."; else echo "No cluster of this project was running."; fi
}

cmd_status() {
  if ! alive "$STATE/master.pid"; then
    echo "stopped (no master running from $STATE)"
    return 3
  fi
  echo "master  $(cat "$STATE/master.url")  pid $(cat "$STATE/master.pid")  web UI $(cat "$STATE/master.webui")"
  local i
  for ((i = 1; i <= WORKERS; i++)); do
    if alive "$STATE/worker$i.pid"; then echo "worker$i pid $(cat "$STATE/worker$i.pid")"; else echo "worker$i not running"; fi
  done
  if command -v curl >/dev/null; then
    curl -fsS "$(cat "$STATE/master.webui")/json/" 2>/dev/null \
      | grep -E '"(status|aliveworkers|cores|coresused|memory|memoryused)"|"name"|"state"' | sed 's/^ */  /' || true
  fi
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  url) alive "$STATE/master.pid" && cat "$STATE/master.url" || { echo "error: no cluster is running; run jobs/cluster.sh start" >&2; exit 1; } ;;
  *) echo "usage: jobs/cluster.sh start|stop|status|url" >&2; exit 1 ;;
esac
