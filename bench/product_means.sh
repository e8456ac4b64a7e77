#!/bin/sh
# The clustering bench over every product written blind that has been studied since (not the blind ones), one `mean`
# line per product and their average, for one setting of the bench's flags: how a knob is compared across products, and
# how far the seed alone moves the result (`--seed 2`, `--seed 3`).
# Usage (from the repository root, ../shared beside it, after a Release build of bench/ClusteringBench):
#   sh bench/product_means.sh [bench flags, e.g. --seed 2 or --weight 0.45]
# SETS overrides the products (names of the variables bench/dev_sets.sh sets, e.g. SETS="QUILLNOTE VAULTKEY").
set -e
D=${D:-bench/ClusteringBench/bin/Release/net10.0/ClusteringBench.dll}
eval "$(sh bench/dev_sets.sh)"
LINES=$(for s in ${SETS:-HEARTHLY LESSONLY PARCELLY TABLEBOOK CLINICLY FLEETLINE CASTWAVE SHELFWISE}; do
  eval "files=\$$s"
  [ -n "$files" ] || { echo "no set $s in bench/dev_sets.sh" >&2; exit 1; }
  echo "$s $(dotnet "$D" scenario "$@" $files 2>/dev/null | grep '^mean')"
done)
echo "$LINES"
echo "$LINES" | python3 -c '
import sys
keys = ["recall", "purity", "dup", "noiseFiled", "nmi"]
rows = [line.split() for line in sys.stdin if " mean " in line]
means = {k: sum(float(r[r.index(k) + 1]) for r in rows) / len(rows) for k in keys}
print(f"average of {len(rows)} products: " + " ".join(f"{k} {v:.3f}" for k, v in means.items()))
'
