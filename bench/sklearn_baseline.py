#!/usr/bin/python3
"""scikit-learn lexical baseline, as in ../shared/datasets/README.md: TF-IDF (sublinear tf, word 1-2-grams,
min_df 2, English stop words) -> TruncatedSVD(100) -> L2 normalise -> KMeans(k = true labels, n_init 10).
Prints NMI, ARI, Hungarian accuracy and seconds (vectorise + SVD + KMeans) as one JSON line.
Usage: /usr/bin/python3 bench/sklearn_baseline.py FILE.csv [--seed 0]"""
import csv, json, sys, time
import numpy as np
from scipy.optimize import linear_sum_assignment
from sklearn.cluster import KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score
from sklearn.preprocessing import normalize

path = sys.argv[1]
seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 0
with open(path, newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
texts = [r["text"] for r in rows]
labels = [r["label"] for r in rows]
k = len(set(labels))

start = time.perf_counter()
x = TfidfVectorizer(sublinear_tf=True, ngram_range=(1, 2), min_df=2, stop_words="english").fit_transform(texts)
x = normalize(TruncatedSVD(100, random_state=seed).fit_transform(x))
predicted = KMeans(k, n_init=10, random_state=seed).fit_predict(x)
seconds = time.perf_counter() - start

classes = sorted(set(labels))
table = np.zeros((len(classes), k))
for l, p in zip(labels, predicted):
    table[classes.index(l), p] += 1
r, c = linear_sum_assignment(-table)
print(json.dumps({"file": path, "rows": len(rows), "k": k, "nmi": normalized_mutual_info_score(labels, predicted),
                  "ari": adjusted_rand_score(labels, predicted), "acc": table[r, c].sum() / len(rows), "seconds": seconds}))
