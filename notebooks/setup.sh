#!/usr/bin/env bash
# One command to make the notebooks runnable on this machine:
#   1. Jupyter (Debian packages jupyter-notebook, jupyter-nbconvert, jupyter-client, python3-nbconvert,
#      python3-ipykernel) when absent;
#   2. the project (target/rural-stats.jar and its runtime class path), as jobs/nightly.sh builds it;
#   3. the kernel (notebooks/kernel, a small Maven module on org.dflib.jjava:jjava-jupyter);
#   4. the kernel spec "rural-stats-java" installed for this user (jupyter kernelspec install --user).
#
#   notebooks/setup.sh [--test]     --test also runs the kernel's own tests (about a minute)
#   notebooks/setup.sh --jupyter-only   step 1 alone (CI installs Jupyter while it builds and tests)
#
# Environment: RURAL_STATS_NOTEBOOK_JAVA_OPTS  JVM options of the kernel (default -Xmx4g)
set -euo pipefail
start=$(date +%s)
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
run_tests=false
jupyter_only=false
for arg in "$@"; do
  case "$arg" in
    --test) run_tests=true ;;
    --jupyter-only) jupyter_only=true ;;
    *) echo "error: unknown option '$arg'. Usage: notebooks/setup.sh [--test | --jupyter-only]" >&2; exit 2 ;;
  esac
done

# 1. Jupyter from Debian (PyPI is not needed). Debian's packages live under /usr/bin/python3.
if ! command -v jupyter >/dev/null || ! jupyter nbconvert --version >/dev/null 2>&1 \
    || ! jupyter kernelspec list >/dev/null 2>&1 \
    || ! /usr/bin/python3 -c 'import notebook, nbconvert, ipykernel' 2>/dev/null; then
  echo "Installing Jupyter from Debian (jupyter-notebook, jupyter-nbconvert, jupyter-client, python3-ipykernel) ..."
  sudo=""
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "error: Jupyter is missing and installing it needs root; run as root or install sudo, then rerun notebooks/setup.sh." >&2; exit 1; }
    sudo=sudo
  fi
  $sudo apt-get -o DPkg::Lock::Timeout=600 update -q
  $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends \
    jupyter-notebook jupyter-nbconvert jupyter-client python3-nbconvert python3-ipykernel
fi
echo "Jupyter: $(jupyter notebook --version 2>/dev/null | head -1) (notebook), $(jupyter nbconvert --version 2>/dev/null) (nbconvert)"
if $jupyter_only; then
  echo "Jupyter ready in $(( $(date +%s) - start )) s."
  exit 0
fi

# 2. The project, built the same way the job launchers build it.
source "$here/../jobs/lib.sh"
if rs_needs_build; then rs_build; fi

# 3. The kernel, compiled against the project's jar.
kernel_dir="$here/kernel"
tests=(-DskipTests)
$run_tests && tests=()
echo "Building the notebook kernel (log: $kernel_dir/target/build.log) ..."
mkdir -p "$kernel_dir/target"
if ! mvn -B -ntp -f "$kernel_dir/pom.xml" "${tests[@]}" package dependency:build-classpath \
    -DincludeScope=runtime -Dmdep.outputFile="$kernel_dir/target/kernel-classpath.txt" \
    >"$kernel_dir/target/build.log" 2>&1; then
  tail -n 40 "$kernel_dir/target/build.log" >&2
  echo "error: building the notebook kernel failed (log: $kernel_dir/target/build.log). Fix the error above and rerun notebooks/setup.sh." >&2
  exit 1
fi
$run_tests && grep -E "Tests run:.*Fail" "$kernel_dir/target/build.log" | tail -1

# 4. The kernel spec: java with the kernel, the project's jar and the project's runtime class path.
java_bin=$(command -v java)
class_path="$kernel_dir/target/rural-stats-notebook-kernel.jar:$(cat "$kernel_dir/target/kernel-classpath.txt"):$RS_JAR:$(cat "$RS_CP_FILE")"
spec="$kernel_dir/target/kernelspec/rural-stats-java"
mkdir -p "$spec"
# shellcheck disable=SC2086
/usr/bin/python3 - "$spec/kernel.json" "$java_bin" "$class_path" ${RURAL_STATS_NOTEBOOK_JAVA_OPTS:--Xmx4g} <<'PY'
import json, sys
out, java, cp, *opts = sys.argv[1:]
opens = ["java.lang", "java.lang.invoke", "java.lang.reflect", "java.io", "java.net", "java.nio",
         "java.util", "java.util.concurrent", "java.util.concurrent.atomic", "sun.nio.ch",
         "sun.nio.cs", "sun.security.action", "sun.util.calendar"]
argv = [java, *opts, "-XX:+UseParallelGC", *[f"--add-opens=java.base/{p}=ALL-UNNAMED" for p in opens],
        "-Djdk.reflect.useDirectMethodHandle=false", "-cp", cp,
        "org.ruralstats.notebooks.kernel.JShellKernel", "{connection_file}"]
json.dump({"argv": argv, "display_name": "Java (rural-stats)", "language": "java",
           "interrupt_mode": "message"}, open(out, "w"), indent=1)
PY
jupyter kernelspec install --user --replace --name rural-stats-java "$spec" >/dev/null
echo "Kernel spec 'rural-stats-java' installed ($(jupyter kernelspec list | awk '$1 == "rural-stats-java" {print $2}'))."
echo "Setup took $(( $(date +%s) - start )) s. Open the notebooks with: cd notebooks && jupyter notebook"
