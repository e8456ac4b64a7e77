"""Goal rules the offline agent could use, replayed on the scores it already prints: goal accuracy per product (the
mean over each product's files, then over products) for the rule in GoalMatcher and for variants of it.
Input: the output of `AgentBench --verbose --all` (each truth theme's line, its judge counts with request and problem
cues, and every goal's score on the next line). A product is a file name's part before its first '-'.
Usage (from the repository root, after a Release build of bench/AgentBench):
  dotnet bench/AgentBench/bin/Release/net10.0/AgentBench.dll --verbose --all FILES... > OUT
  python3 bench/goal_rules.py OUT            # the sweeps
  /usr/bin/python3 bench/goal_rules.py OUT --learned   # also a logistic regression, each product left out (needs scikit-learn)
First: how often the truth gives a goal, by the share of a theme's reports with request cues, and how many of the
truth's small fixes have none. Variants: the threshold; a higher threshold for themes whose reports mostly ask for something (30 % request cues,
Cues.RequestShare) or that the judge reads as a small fix; the threshold re-fitted with each product left out in turn."""
import collections, math, re, sys

THRESHOLD, MARGIN = 0.34, 1.2  # GoalMatcher.Threshold and .Margin
HEAD = re.compile(r"^    (\S+)\s+goal (\S+) \(truth (\S+)\)\s+small-fix (\S+) \(truth (\S+)\).*of (\d+)\] req (\d+) prob (\d+)")


def read(path):
    rows, scenario, lines = [], None, open(path, encoding="utf-8").read().splitlines()
    for i, line in enumerate(lines):
        if re.match(r"^\S+\s+\d+\s+[0-9.]+\s", line):
            scenario = line.split()[0]
        elif m := HEAD.match(line):
            n = int(m.group(6))
            scores = sorted(((g, float(s)) for g, s in re.findall(r"(g\w+)=([0-9.]+)\[", lines[i + 1])), key=lambda x: -x[1])
            rows.append(dict(product=scenario.split("-")[0], pred=None if m.group(2) == "-" else m.group(2),
                             truth=None if m.group(3) == "-" else m.group(3), small_fix=m.group(4) == "True",
                             truth_small_fix=m.group(5) == "True", n=n,
                             request=int(m.group(7)) / n, problem=int(m.group(8)) / n, scores=scores))
    return rows


def goal(row, threshold=THRESHOLD, request_bar=None, small_fix_bar=None):
    (best, score), runner_up = row["scores"][0], (row["scores"][1][1] if len(row["scores"]) > 1 else 0)
    bar = threshold
    if request_bar is not None and row["request"] >= 0.3: bar = max(bar, request_bar)
    if small_fix_bar is not None and row["small_fix"]: bar = max(bar, small_fix_bar)
    return None if score < bar or score < runner_up * MARGIN else best


def per_product(rows, decide):
    right, total = collections.Counter(), collections.Counter()
    for r in rows:
        total[r["product"]] += 1
        right[r["product"]] += decide(r) == r["truth"]
    return {p: right[p] / total[p] for p in sorted(total)}


def show(name, accuracy):
    print(f"{name:34} mean {sum(accuracy.values()) / len(accuracy):.3f}  " + " ".join(f"{p[:5]} {a:.2f}" for p, a in accuracy.items()))


rows = [r for path in sys.argv[1:] if not path.startswith("--") for r in read(path)]
replayed = sum(goal(r) == r["pred"] for r in rows)
print(f"{len(rows)} truth themes; the replayed rule gives the agent's own goal for {replayed}")
# How often the truth gives a goal, by the share of a theme's reports that ask for something.
for low, high in ((0, 0.1), (0.1, 0.3), (0.3, 0.5), (0.5, 1.01)):
    band = [r for r in rows if low <= r["request"] < high]
    if band:
        print(f"request cues {low:.0%}-{min(high, 1):.0%}: {len(band)} themes, {sum(r['truth'] is not None for r in band) / len(band):.2f} with a goal in the truth")
small = [r for r in rows if r["truth_small_fix"]]
if small:
    print(f"small fixes in the truth: {len(small)}, {sum(r['truth'] is None for r in small)} of them without a goal")
show("as the agent maps (0.34)", per_product(rows, goal))
for t in (0.30, 0.37, 0.40, 0.43, 0.46):
    show(f"threshold {t:.2f}", per_product(rows, lambda r, t=t: goal(r, threshold=t)))
for b in (0.45, 0.6, 0.8):
    show(f"requests need {b:.2f}", per_product(rows, lambda r, b=b: goal(r, request_bar=b)))
for b in (0.5, 0.7, 1.0):
    show(f"small fixes need {b:.2f}", per_product(rows, lambda r, b=b: goal(r, small_fix_bar=b)))

# The threshold each product would get from the others: what a re-fit is worth on a product it never saw.
grid = [x / 100 for x in range(28, 56)]
table = {t: per_product(rows, lambda r, t=t: goal(r, threshold=t)) for t in grid}
products = sorted({r["product"] for r in rows})
refit = {}
for p in products:
    chosen = max(grid, key=lambda t: sum(a for q, a in table[t].items() if q != p))
    refit[p] = table[chosen][p]
    print(f"  {p:12} left out: threshold {chosen:.2f}, {table[THRESHOLD][p]:.3f} -> {refit[p]:.3f}")
show("threshold re-fitted, product left out", refit)

if "--learned" in sys.argv:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    def features(r):
        best = r["scores"][0][1]
        second = r["scores"][1][1] if len(r["scores"]) > 1 else 0
        return [best, math.log(best + 0.01), second, math.log((best + 0.01) / (second + 0.01)), r["small_fix"], r["request"], r["problem"], math.log(r["n"])]

    X = np.array([features(r) for r in rows], float)
    y = np.array([r["truth"] == r["scores"][0][0] for r in rows])
    owner = np.array([r["product"] for r in rows])
    learned = {}
    for p in products:
        train = owner != p
        weight = np.array([1.0 / np.sum(owner == q) for q in owner[train]])  # every product counts alike
        model = LogisticRegression(max_iter=5000).fit(X[train], y[train], sample_weight=weight)
        take = model.predict_proba(X[owner == p])[:, 1] > 0.5
        test = [r for r in rows if r["product"] == p]
        learned[p] = sum((r["scores"][0][0] if t else None) == r["truth"] for r, t in zip(test, take)) / len(test)
    show("learned, product left out", learned)
