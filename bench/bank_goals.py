"""How often the banks' truth gives a goal to a small fix in the product's copy, to one about a link or the docs, and to
other themes: the prior behind the offline agent giving copy fixes no goal (docs/benchmarks.md, Offline agent,
"Session 31"). A small fix is about a link or the docs when its id or title says so (link, 404, docs, url).

Usage (from the repository root, ../shared beside it):
  python3 bench/bank_goals.py [BANK.json ...]     # default: ../shared/scenario/bank-dev.json and scenarios/banks/*.json"""
import glob, json, re, sys

banks = sys.argv[1:] or ["../shared/scenario/bank-dev.json", *sorted(glob.glob("scenarios/banks/*.json"))]
counts = {kind: [0, 0] for kind in ("small fix in the copy", "small fix about a link or the docs", "other theme")}
for path in banks:
    for theme in json.load(open(path, encoding="utf-8"))["themes"]:
        if not theme.get("small_fix"):
            kind = "other theme"
        elif re.search(r"link|404|docs|url", theme["id"] + " " + theme["title"], re.IGNORECASE):
            kind = "small fix about a link or the docs"
        else:
            kind = "small fix in the copy"
        counts[kind][0] += 1
        counts[kind][1] += bool(theme.get("goal"))
print(f"{len(banks)} banks")
for kind, (themes, with_goal) in counts.items():
    print(f"  {kind}: {with_goal} of {themes} serve a goal")
