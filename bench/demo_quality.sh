#!/bin/sh
# The whole pipeline (sandbox, readers, clustering, offline agent, Linear filing) on several generated scenarios,
# each scored exactly as ../shared/scenario/SCORING.md defines; prints every metric per scenario and the means.
# Usage (from the repository root, ../shared beside it): sh bench/demo_quality.sh [scenario files...]
# Without files: bank-dev, ledgerly, trailhead and pipewright, seeds 1 and 21 each (generated into $SCENARIO_DIR).
set -e
DIR=${SCENARIO_DIR:-/tmp/tb-demo-quality}
mkdir -p "$DIR"
gen() { [ -f "$DIR/$1-$2.json" ] || python3 ../shared/tools/make_scenario.py "$3" --seed "$2" --out "$DIR/$1-$2.json" >/dev/null; echo "$DIR/$1-$2.json"; }
if [ $# -gt 0 ]; then FILES="$*"; else
FILES="$(for s in 1 21; do gen dev $s ../shared/scenario/bank-dev.json; done)
$(for s in 1 21; do gen ledgerly $s scenarios/banks/bank-ledgerly.json; done)
$(for s in 1 21; do gen trailhead $s scenarios/banks/bank-trailhead.json; done)
$(for s in 1 21; do gen pipewright $s scenarios/banks/bank-pipewright.json; done)"
fi
dotnet build src/TriageBot -c Release -v q -nologo >/dev/null
CLI="dotnet src/TriageBot/bin/Release/net10.0/triagebot.dll"
: > "$DIR/scores.txt"
for f in $FILES; do
  out="$DIR/run-$(basename "$f" .json)"
  rm -rf "$out"
  $CLI demo --scenario "$f" --out "$out" >/dev/null 2>&1
  echo "== $(basename "$f")" >> "$DIR/scores.txt"
  $CLI score --scenario "$f" --report "$out/report.json" | grep -E '^[a-z_]+ +[0-9]' >> "$DIR/scores.txt"
done
python3 - "$DIR/scores.txt" <<'PY'
import re, sys, collections
runs, cur = [], None
for line in open(sys.argv[1]):
    if line.startswith('== '): cur = {'name': line[3:].strip()}; runs.append(cur); continue
    m = re.match(r'(\w+)\s+([-0-9.]+)', line)
    if m: cur[m.group(1)] = float(m.group(2))
keys = ['theme_recall', 'ticket_purity', 'duplicate_tickets', 'noise_filed_rate', 'items_missing', 'small_fix_precision', 'goal_accuracy', 'nmi', 'small_fix_recall']
print('scenario'.ljust(22) + ''.join(k[:12].rjust(13) for k in keys))
for r in runs: print(r['name'][:22].ljust(22) + ''.join(f"{r.get(k, float('nan')):13.3f}" for k in keys))
# A metric a run leaves undefined (small-fix precision with no small-fix ticket: "nan") is left out of its mean.
def mean(k):
    vals = [r[k] for r in runs if k in r]
    return sum(vals) / len(vals) if vals else float('nan')
print('mean'.ljust(22) + ''.join(f"{mean(k):13.3f}" for k in keys))
PY
