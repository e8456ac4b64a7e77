"""Replays the offline agent's goal decision with other thresholds, from `AgentBench --all` output: each theme's best goal
is kept when its score reaches the threshold and beats the runner-up by the margin (GoalMatcher's rule), else no goal.
Prints goal accuracy per product (scenario files grouped by the name before the seed) for a fixed threshold and for a
threshold read from each scenario's own scores (Otsu's split or the median of the themes' best scores, clamped to a
range), a cap on how many themes one goal keeps, a share of the goal's best theme's score, and a higher bar for the themes the agent reads as small fixes, and
which products each variant makes worse than the shipped rule (GoalMatcher's threshold and margin,
mirrored below). First, the agent's own decisions: how its wrong goals split (a goal where the truth has none, none where
it has one, another goal), and how many themes the replay of the shipped rule decides otherwise than the agent did (the
scores are printed to two decimals, so a score at the threshold can round either way).
Usage: dotnet bench/AgentBench/bin/Release/net10.0/AgentBench.dll --all FILES > OUT; python3 bench/goal_thresholds.py OUT"""
import collections, re, statistics, sys

THRESHOLD, MARGIN = 0.34, 1.2  # GoalMatcher.Threshold and GoalMatcher.Margin

rows, current, scenario = [], None, None
for line in open(sys.argv[1], encoding="utf-8"):
    if (m := re.match(r"^(\S+)\s+\d+\s+[\d.]+\s", line)) and not line.startswith(" "):
        scenario = m.group(1)
    elif m := re.match(r"^    (\S+)\s+goal (\S+) \(truth (\S+)\)", line):
        current = dict(scenario=scenario, product=re.sub(r"-\d.*", "", scenario), goal=m.group(2), truth=m.group(3),
                       small_fix="small-fix True" in line, truth_small_fix="(truth True)" in line)
    elif current and (m := re.match(r"^        (.*)", line)):
        # Every goal's score, best first: "g3=0.63[application record|entry] g1=0.17[spray] …".
        current["scores"] = [(goal, float(v)) for goal, v in re.findall(r"(\w+)=([\d.]+)\[", m.group(1))]
        rows.append(current)
        current = None

by_scenario = collections.defaultdict(list)
for r in rows: by_scenario[r["scenario"]].append(r)


def otsu(values):
    values = sorted(values)
    splits = [(len(values[:i]) * len(values[i:]) * (statistics.mean(values[:i]) - statistics.mean(values[i:])) ** 2,
               (values[i - 1] + values[i]) / 2) for i in range(1, len(values))]
    return max(splits)[1] if splits else THRESHOLD


def decide(theme, bar):
    """The best goal when it reaches the bar and beats the runner-up by the margin, else none ("-")."""
    (goal, first), second = theme["scores"][0], (theme["scores"][1][1] if len(theme["scores"]) > 1 else 0)
    return goal if first >= bar and first >= second * MARGIN else "-"


def accuracy(mode, low, high, cap=None, small_fix_bar=None, share=None):
    """Per product. cap: each goal keeps only its `cap` best-scored themes of a scenario; small_fix_bar: the bar for a
    theme the agent reads as a small fix (most of the truth's small fixes serve no goal: the line printed below); share:
    a theme keeps its goal only when its score is at least this share of the best score a theme of the scenario has for
    that goal (a near-miss shares a goal's words but less of them than the goal's own themes)."""
    per_product = collections.defaultdict(lambda: [0, 0])
    for themes in by_scenario.values():
        bests = [t["scores"][0][1] for t in themes]
        bar = low if mode == "fixed" else min(high, max(low, otsu(bests) if mode == "otsu" else statistics.median(bests)))
        goals = [decide(t, small_fix_bar if small_fix_bar and t["small_fix"] else bar) for t in themes]
        if cap or share:
            by_goal = collections.defaultdict(list)
            for i, g in enumerate(goals):
                if g != "-": by_goal[g].append(i)
            for members in by_goal.values():
                ranked = sorted(members, key=lambda i: -themes[i]["scores"][0][1])
                best = themes[ranked[0]]["scores"][0][1]
                for rank, i in enumerate(ranked):
                    if (cap and rank >= cap) or (share and themes[i]["scores"][0][1] < share * best): goals[i] = "-"
        for t, g in zip(themes, goals):
            per_product[t["product"]][0] += g == t["truth"]
            per_product[t["product"]][1] += 1
    return {p: right / total for p, (right, total) in per_product.items()}


kinds = collections.Counter()
for t in rows:
    if t["goal"] == t["truth"]: continue
    kinds["a goal where the truth has none" if t["truth"] == "-" else "none where the truth has one" if t["goal"] == "-" else "another goal"] += 1
print(f"the agent: {len(rows)} themes, goal right on {len(rows) - sum(kinds.values())}; wrong: " + ", ".join(f"{k} {v}" for k, v in kinds.items()))
replayed = sum(decide(t, THRESHOLD) != t["goal"] for t in rows)
print(f"the shipped rule replayed decides {replayed} themes otherwise than the agent did")

fixes = [t for t in rows if t["truth_small_fix"]]
others = [t for t in rows if not t["truth_small_fix"]]
print(f"truth small fixes with no goal: {sum(t['truth'] == '-' for t in fixes)} of {len(fixes)}; "
      f"other truth themes with no goal: {sum(t['truth'] == '-' for t in others)} of {len(others)}")

shipped = accuracy("fixed", THRESHOLD, THRESHOLD)
variants = [(f"{mode} {low:.2f}-{high:.2f}", dict(mode=mode, low=low, high=high)) for mode, low, high in
            [("fixed", THRESHOLD, THRESHOLD), ("fixed", 0.40, 0.40), ("fixed", 0.45, 0.45), ("otsu", 0.30, 0.50),
             ("otsu", 0.34, 0.45), ("median", 0.30, 0.50)]]
variants += [(f"each goal's best {cap} themes", dict(mode="fixed", low=THRESHOLD, high=THRESHOLD, cap=cap)) for cap in (3, 4)]
variants += [(f"small fixes at {bar:.2f}", dict(mode="fixed", low=THRESHOLD, high=THRESHOLD, small_fix_bar=bar)) for bar in (0.40, 0.60)]
variants += [(f"{share:.1f} of the goal's best theme", dict(mode="fixed", low=THRESHOLD, high=THRESHOLD, share=share)) for share in (0.3, 0.4, 0.5)]
for name, args in variants:
    result = accuracy(**args)
    worse = [f"{p} {result[p] - shipped[p]:+.3f}" for p in sorted(result) if result[p] < shipped[p] - 1e-9]
    print(f"{name}: mean of products {statistics.mean(result.values()):.3f}, "
          f"better on {sum(result[p] > shipped[p] + 1e-9 for p in result)}, worse on {len(worse)}: {', '.join(worse)}")
