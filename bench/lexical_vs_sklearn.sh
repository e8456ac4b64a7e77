#!/bin/sh
# Our `eval --features lexical` (ML.NET) against scikit-learn's TF-IDF + LSA + KMeans on the same CSVs, k = true labels.
# Prints both sides and two wall-time ratios (ours / sklearn; <= 1.0 means we are faster):
#   in-process: featurise + reduce + cluster, timed inside each program (the clock starts after Python has imported
#               numpy/scipy/sklearn, whose code is compiled ahead of time, but includes .NET compiling ML.NET's code);
#   process:    the whole program from start to exit (runtime start, library load, CSV read, the same work, scoring).
# Ours runs as a ReadyToRun publish of bench/ClusteringBench (ML.NET's assemblies precompiled, as a release would ship).
# Run from the repo root: sh bench/lexical_vs_sklearn.sh   (SHARED=/path/to/shared when ../shared is elsewhere)
set -e
SHARED=${SHARED:-../shared}
OUT=bench/ClusteringBench/bin/r2r
dotnet publish bench/ClusteringBench -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$OUT" -v q >/dev/null
now() { date +%s.%N; }
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
for csv in "$SHARED/datasets/banking77/test.csv" "$SHARED/datasets/app_review_features/all.csv"; do
  k=$(/usr/bin/python3 -c "import csv,sys; print(len({r['label'] for r in csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8'))}))" "$csv")
  t0=$(now); sk=$(/usr/bin/python3 bench/sklearn_baseline.py "$csv"); t1=$(now)
  ours=$(dotnet "$OUT/ClusteringBench.dll" eval-json "$csv" "$k" lexical); t2=$(now)
  /usr/bin/python3 - "$sk" "$ours" "$t0" "$t1" "$t2" <<'PY'
import json, sys
sk, ours = json.loads(sys.argv[1]), json.loads(sys.argv[2])
t0, t1, t2 = map(float, sys.argv[3:6])
sk_proc, ours_proc = t1 - t0, t2 - t1
print(f"{sk['file']}: k={sk['k']}")
print(f"  sklearn  NMI {sk['nmi']:.3f}  ARI {sk['ari']:.3f}  ACC {sk['acc']:.3f}  in-process {sk['seconds']:.2f}s  process {sk_proc:.2f}s")
print(f"  ours     NMI {ours['nmi']:.3f}  ARI {ours['ari']:.3f}  ACC {ours['acc']:.3f}  in-process {ours['seconds']:.2f}s  process {ours_proc:.2f}s")
print(f"  NMI ours - sklearn {ours['nmi'] - sk['nmi']:+.3f}; time ratio ours/sklearn: in-process {ours['seconds'] / sk['seconds']:.2f}, process {ours_proc / sk_proc:.2f}")
PY
done
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
