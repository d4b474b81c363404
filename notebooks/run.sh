#!/usr/bin/env bash
# Executes the three notebooks top to bottom, headless, against a warehouse built by jobs/nightly.sh,
# and writes the executed copies (with their outputs) to DIR.
#
#   notebooks/run.sh --warehouse W --out DIR
#
#   notebooks/run.sh --warehouse W --out DIR --check-committed
#                    also compares each cell's outputs with the committed notebook's: the same kinds
#                    of output, every table and printed schema with the same columns (the rows may
#                    differ, as the warehouses do); a difference means the committed outputs are out
#                    of date
# Exit codes: 0 every cell of every notebook ran; 1 a cell failed (the notebook's executed copy up
# to the failing cell is in DIR, the error on stderr), an output holds an ID-shaped value, or (with
# --check-committed) the committed outputs are out of date; 2 bad arguments or no kernel installed
# (run notebooks/setup.sh).
# To refresh the committed outputs: notebooks/run.sh --warehouse warehouse --out notebooks
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
notebooks=(01-warehouse-tour 02-why-did-it-change 03-data-quality)
usage="usage: notebooks/run.sh --warehouse W --out DIR [--check-committed]"
warehouse=""
out=""
check_committed=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --warehouse) warehouse=${2:-}; shift 2 || true ;;
    --warehouse=*) warehouse=${1#*=}; shift ;;
    --out) out=${2:-}; shift 2 || true ;;
    --out=*) out=${1#*=}; shift ;;
    --check-committed) check_committed=1; shift ;;
    *) echo "error: unknown argument '$1'. $usage" >&2; exit 2 ;;
  esac
done
[[ -n "$warehouse" && -n "$out" ]] || { echo "error: --warehouse and --out are both required. $usage" >&2; exit 2; }
[[ -d "$warehouse/meta/runs/_delta_log" ]] || {
  echo "error: $warehouse is not a warehouse with a successful run (no meta/runs). Build one with jobs/nightly.sh --landing L --warehouse $warehouse." >&2; exit 2; }
jupyter kernelspec list 2>/dev/null | awk '{print $1}' | grep -qx rural-stats-java || {
  echo "error: the Jupyter kernel 'rural-stats-java' is not installed. Run notebooks/setup.sh first." >&2; exit 2; }
mkdir -p "$out"
export RURAL_STATS_WAREHOUSE
RURAL_STATS_WAREHOUSE=$(cd "$warehouse" && pwd)
out=$(cd "$out" && pwd)

failed=()
for nb in "${notebooks[@]}"; do
  start=$(date +%s)
  # The kernel starts in the notebook's folder; every cell may take up to 20 minutes.
  if jupyter nbconvert --to notebook --execute "$here/$nb.ipynb" \
      --ExecutePreprocessor.kernel_name=rural-stats-java --ExecutePreprocessor.timeout=1200 \
      --output-dir "$out" --output "$nb.ipynb" --log-level=WARN 2> "$out/$nb.log"; then
    echo "$nb: ok in $(( $(date +%s) - start )) s -> $out/$nb.ipynb"
  else
    echo "$nb: FAILED after $(( $(date +%s) - start )) s (log: $out/$nb.log):" >&2
    grep -v '^\s*$' "$out/$nb.log" | tail -n 25 >&2
    failed+=("$nb")
  fi
done

# No ID number in any output: every output of every executed notebook is scanned.
leaks=$(/usr/bin/python3 - "$out" "${notebooks[@]}" <<'PY'
import json, os, re, sys
out, names = sys.argv[1], sys.argv[2:]
ID = re.compile(r"(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])")
for name in names:
    path = os.path.join(out, name + ".ipynb")
    if not os.path.exists(path):
        continue
    for i, cell in enumerate(json.load(open(path, encoding="utf-8"))["cells"]):
        for o in cell.get("outputs", []):
            if ID.search(json.dumps(o, ensure_ascii=False)):
                print(f"{name}.ipynb cell {i + 1}")
PY
)
if [[ -n "$leaks" ]]; then
  echo "error: ID-shaped values in the outputs of: $leaks. Do not select ID columns (raw/rows) in a displayed cell." >&2
  failed+=("ID check")
fi
# The committed outputs against these: per code cell the kinds of output, in order, each table's
# header row and each printed schema's columns. Rows and figures differ from warehouse to warehouse;
# columns do not.
if [[ -n "$check_committed" && "$out" != "$here" ]]; then
  stale=$(/usr/bin/python3 - "$here" "$out" "${notebooks[@]}" <<'PY'
import json, os, re, sys
here, out, names = sys.argv[1], sys.argv[2], sys.argv[3:]
HEAD = re.compile(r"<thead>.*?</thead>", re.S)
TH = re.compile(r"<th>(.*?)</th>", re.S)
def shape(cell):
    kinds = []
    for o in cell.get("outputs", []):
        data = o.get("data", {})
        html = "".join(data.get("text/html", []))
        text = "".join(data.get("text/plain", [])) + "".join(o.get("text", []))
        tables = [", ".join(TH.findall(h)) for h in HEAD.findall(html)]
        schema = [l.strip()[4:].split(":")[0] for l in text.splitlines() if l.lstrip().startswith("|-- ")]
        kinds.append((o["output_type"] + " (" + ", ".join(sorted(data) or ["text"]) + ")", tables,
                      ", ".join(schema)))
    return kinds
def difference(a, b):
    if [k[0] for k in a] != [k[0] for k in b]:
        return "outputs were " + "; ".join(k[0] for k in a) + ", now " + "; ".join(k[0] for k in b)
    for x, y in zip(a, b):
        if x[1] != y[1]:
            return "table columns were [" + "] [".join(x[1]) + "], now [" + "] [".join(y[1]) + "]"
        if x[2] != y[2]:
            return "schema columns were [" + x[2] + "], now [" + y[2] + "]"
    return None
for name in names:
    path = os.path.join(out, name + ".ipynb")
    if not os.path.exists(path):
        continue
    committed = json.load(open(os.path.join(here, name + ".ipynb"), encoding="utf-8"))["cells"]
    now = json.load(open(path, encoding="utf-8"))["cells"]
    for i, (a, b) in enumerate(zip(committed, now)):
        d = a["cell_type"] == "code" and difference(shape(a), shape(b))
        if d:
            print(f"{name}.ipynb cell {i + 1}: {d}")
PY
)
  if [[ -n "$stale" ]]; then
    echo "error: the committed notebooks' outputs are out of date (other kinds of output, or other columns in a table or schema):" >&2
    echo "$stale" >&2
    echo "Refresh them from a warehouse of the Xing sample: notebooks/run.sh --warehouse W --out notebooks" >&2
    failed+=("committed outputs")
  else
    echo "The committed notebooks' outputs are current: the same kinds of output, the same columns."
  fi
fi
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "All ${#notebooks[@]} notebooks ran; no ID-shaped value in any output."
