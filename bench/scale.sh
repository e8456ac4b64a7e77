#!/bin/sh
# The 100,000-item goals of issue 5 (docs/benchmarks.md, "Scale"): clustering every item of a 115k-item backlog with its
# embeddings already stored (default features: embeddings + lexical), and the lexical path alone on ~100k short texts.
# Runs a ReadyToRun publish of bench/ClusteringBench (ML.NET precompiled, as a release would ship); prints wall and CPU
# seconds, peak working set and the load. Needs /tmp/s100k.json and, for `cluster`, the embeddings in the store:
#   python3 ../shared/tools/make_scenario.py ../shared/scenario/bank-dev.json --seed 5 --scale 500 --out /tmp/s100k.json
#   sh bench/scale.sh embed      # first time only (resumable; ~45 min on the shared box)
# Usage: sh bench/scale.sh [cluster|lexical|cluster-embeddings|embed] ...   (default: cluster lexical)
set -e
OUT=bench/ClusteringBench/bin/r2r
SCENARIO=${SCENARIO:-/tmp/s100k.json}
DB=${DB:-/tmp/scale-embeddings.db}
dotnet publish bench/ClusteringBench -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$OUT" -v q >/dev/null
for phase in ${*:-cluster lexical}; do
  echo "== $phase (load $(cut -d' ' -f1-3 /proc/loadavg))"
  dotnet "$OUT/ClusteringBench.dll" scale "$SCENARIO" "$DB" "$phase"
done
