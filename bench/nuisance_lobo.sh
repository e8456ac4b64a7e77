#!/bin/sh
# Does the language direction learned from three products help on a fourth? For each bank: learn from the other three
# (seeds 101, 102), then cluster the held-out bank's scenarios without the direction and with it, and print both means.
# Usage (from the repository root, ../shared beside it): [K=1] [KEEP=0] sh bench/nuisance_lobo.sh [scenario options for the "with" runs]
# K: how many directions are learned and removed; KEEP: the share of each direction's component kept.
# Test scenarios: bank-dev seeds 1 2 3 11 21 22, ledgerly 1 2 12 21 22, trailhead 1 2 13 21 22, pipewright 1 2 3.
set -e
DIR=${SCENARIO_DIR:-/tmp/tb-train}
TEST=${TEST_DIR:-/tmp/tb-lobo}
mkdir -p "$DIR" "$TEST"
bank() { case $1 in dev) echo ../shared/scenario/bank-dev.json ;; *) echo scenarios/banks/bank-$1.json ;; esac; }
gen() { [ -f "$1/$2-$3.json" ] || python3 ../shared/tools/make_scenario.py "$(bank $2)" --seed "$3" --out "$1/$2-$3.json" >/dev/null; echo "$1/$2-$3.json"; }
tests() { case $1 in dev) seeds="1 2 3 11 21 22" ;; ledgerly) seeds="1 2 12 21 22" ;; trailhead) seeds="1 2 13 21 22" ;; pipewright) seeds="1 2 3" ;; esac
  for s in $seeds; do gen "$TEST" $1 $s; done; }
dotnet build bench/ClusteringBench -c Release -v q -nologo >/dev/null
D=bench/ClusteringBench/bin/Release/net10.0/ClusteringBench.dll
: > "$TEST/without.txt"; : > "$TEST/with.txt"
for hold in dev ledgerly trailhead pipewright; do
  train=$(for b in dev ledgerly trailhead pipewright; do [ $b = $hold ] || for s in 101 102; do gen "$DIR" $b $s; done; done)
  dotnet $D nuisance-train --out "$TEST/no-$hold.txt" --k ${K:-1} $train | grep -v '^info'
  files=$(tests $hold)
  dotnet $D scenario $files --nuisance none | grep recall >> "$TEST/without.txt"
  dotnet $D scenario $files --nuisance "$TEST/no-$hold.txt" --nk ${K:-1} --keep ${KEEP:-0} "$@" | grep recall >> "$TEST/with.txt"
done
echo "K=${K:-1} KEEP=${KEEP:-0} $*"
for f in "$TEST/without.txt" "$TEST/with.txt"; do python3 - "$f" <<'PY'
import re, sys
rows = [tuple(float(x) for x in re.search(r'recall (\S+) purity (\S+) dup (\d+) noiseFiled (\S+) nmi (\S+)', l).groups()) for l in open(sys.argv[1])]
n = len(rows)
print(f"{sys.argv[1].split('/')[-1][:-4]:8} over {n} held-out scenarios: recall {sum(r[0] for r in rows)/n:.3f}, purity {sum(r[1] for r in rows)/n:.3f}, "
      f"duplicates {sum(r[2] for r in rows)/n:.2f}, noise filed max {max(r[3] for r in rows):.3f}, NMI {sum(r[4] for r in rows)/n:.3f}")
PY
done
python3 - "$TEST/without.txt" "$TEST/with.txt" <<'PY'
import re, sys
nmi = [[float(re.search(r'nmi (\S+)', l).group(1)) for l in open(f)] for f in sys.argv[1:]]
print(f"NMI higher with the direction on {sum(b > a for a, b in zip(*nmi))} of {len(nmi[0])} scenarios")
PY
python3 - src/TriageBot.Core/Clustering/Embeddings/MiniLmNuisance.txt "$TEST"/no-dev.txt "$TEST"/no-ledgerly.txt "$TEST"/no-trailhead.txt "$TEST"/no-pipewright.txt <<'PY'
import sys
first = lambda p: next([float(x) for x in l.split()] for l in open(p) if not l.startswith('#') and l.strip())
shipped = first(sys.argv[1])
print("cosine to the shipped direction, learned without " + ", ".join(
    f"{p.split('no-')[-1][:-4]} {abs(sum(a * b for a, b in zip(shipped, first(p)))):.3f}" for p in sys.argv[2:]))
PY
