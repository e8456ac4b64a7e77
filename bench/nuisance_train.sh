#!/bin/sh
# Learns the MiniLM nuisance directions that ship in src/TriageBot.Core/Clustering/Embeddings/MiniLmNuisance.txt.
# Usage (from the repository root, ../shared beside it): sh bench/nuisance_train.sh [OUT]
# Training scenarios: the four banks (bank-dev in ../shared, ledgerly, trailhead and pipewright in scenarios/banks) at
# seeds 101 and 102, which no quality bench scores. `sh bench/nuisance_lobo.sh` checks that what is learned from three
# products helps on the fourth.
set -e
OUT=${1:-src/TriageBot.Core/Clustering/Embeddings/MiniLmNuisance.txt}
DIR=${SCENARIO_DIR:-/tmp/tb-train}
mkdir -p "$DIR"
gen() { [ -f "$DIR/$1-$2.json" ] || python3 ../shared/tools/make_scenario.py "$3" --seed "$2" --out "$DIR/$1-$2.json" >/dev/null; echo "$DIR/$1-$2.json"; }
FILES="$(for s in 101 102; do gen dev $s ../shared/scenario/bank-dev.json; gen ledgerly $s scenarios/banks/bank-ledgerly.json;
  gen trailhead $s scenarios/banks/bank-trailhead.json; gen pipewright $s scenarios/banks/bank-pipewright.json; done)"
dotnet build bench/ClusteringBench -c Release -v q -nologo >/dev/null
dotnet bench/ClusteringBench/bin/Release/net10.0/ClusteringBench.dll nuisance-train --out "$OUT" --k ${K:-1} $FILES | grep -v '^info'
