"""What kind of goal errors a pipeline run makes, from the runs `bench/demo_quality.sh` leaves in its SCENARIO_DIR: over
the ticketed themes whose majority is a truth theme (as SCORING.md's goal accuracy), how many have the truth's goal, a
goal the truth does not give (a near-miss), none where the truth has one, or another goal; then each wrong pair by count.

Usage (from the repository root): SCENARIO_DIR=DIR sh bench/demo_quality.sh FILES; python3 bench/goal_errors.py DIR FILES"""
import collections, json, os, sys

out, files = sys.argv[1], sys.argv[2:]
kinds, wrong = collections.Counter(), collections.Counter()
for path in files:
    name = os.path.basename(path)[:-len(".json")]
    truth = json.load(open(path, encoding="utf-8"))["truth"]
    label = {i: t["id"] for t in truth["themes"] for i in t["items"]}
    goal = {t["id"]: t.get("goal") for t in truth["themes"]}
    report = json.load(open(os.path.join(out, f"run-{name}", "report.json"), encoding="utf-8"))
    for theme in report["themes"]:
        if not theme.get("ticket"):
            continue
        majority = collections.Counter(label.get(i, "noise") for i in theme["items"]).most_common(1)[0][0]
        if majority == "noise":
            continue
        want, got = goal[majority], theme.get("goal")
        kind = "right" if got == want else "a goal the truth does not give" if want is None else "none" if got is None else "another goal"
        kinds[kind] += 1
        if kind != "right":
            wrong[(name.rsplit("-", 1)[0], majority, want, got)] += 1
print(", ".join(f"{k}: {v}" for k, v in kinds.most_common()))
for (product, theme, want, got), n in wrong.most_common():
    print(f"  {n} {product} {theme}: truth {want or '-'}, given {got or '-'}")
