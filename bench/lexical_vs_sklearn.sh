#!/bin/sh
# Our `eval --features lexical` (ML.NET) against scikit-learn's TF-IDF + LSA + KMeans on the same CSVs, k = true labels.
# Prints both sides and the wall-time ratio (ours / sklearn; <= 1.0 means we are faster).
# Run from the repo root: sh bench/lexical_vs_sklearn.sh   (SHARED=/path/to/shared when ../shared is elsewhere)
set -e
dotnet build bench/ClusteringBench -c Release -v q >/dev/null
SHARED=${SHARED:-../shared}
for csv in "$SHARED/datasets/banking77/test.csv" "$SHARED/datasets/app_review_features/all.csv"; do
  k=$(/usr/bin/python3 -c "import csv,sys; print(len({r['label'] for r in csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8'))}))" "$csv")
  sk=$(/usr/bin/python3 bench/sklearn_baseline.py "$csv")
  ours=$(dotnet bench/ClusteringBench/bin/Release/net10.0/ClusteringBench.dll eval-json "$csv" "$k" lexical)
  /usr/bin/python3 - "$sk" "$ours" <<'PY'
import json, sys
sk, ours = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(f"{sk['file']}: k={sk['k']}")
print(f"  sklearn  NMI {sk['nmi']:.3f}  ARI {sk['ari']:.3f}  ACC {sk['acc']:.3f}  {sk['seconds']:.2f}s")
print(f"  ours     NMI {ours['nmi']:.3f}  ARI {ours['ari']:.3f}  ACC {ours['acc']:.3f}  {ours['seconds']:.2f}s")
print(f"  NMI ours - sklearn {ours['nmi'] - sk['nmi']:+.3f}; time ratio ours/sklearn {ours['seconds'] / sk['seconds']:.2f}")
PY
done
