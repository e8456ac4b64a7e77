"""Which themes two sets of pipeline runs filed differently, read against the truth. Both directories are
`SCENARIO_DIR`s that `bench/demo_quality.sh` filled (run-NAME/report.json per scenario), on the same files.
Prints, for each side, the themes of 2+ reports left without a ticket and what most of their reports are (a truth
theme or noise); then the themes NEW filed that BASE did not, with the same reading and whether each is a second
ticket for its truth theme; and the totals.
Usage: python3 bench/run_diff.py BASE_DIR NEW_DIR SCENARIO.json..."""
import collections, json, os, sys

base, new, files = sys.argv[1], sys.argv[2], sys.argv[3:]
totals = collections.Counter()
for path in files:
    scenario = json.load(open(path, encoding="utf-8"))
    name = os.path.basename(path)[:-5]
    owner = {i: t["id"] for t in scenario["truth"]["themes"] for i in t["items"]}
    def majority(theme): return collections.Counter(owner.get(i, "noise") for i in theme["items"]).most_common(1)[0][0]
    reports = {side: json.load(open(os.path.join(d, f"run-{name}", "report.json"), encoding="utf-8")) for side, d in (("base", base), ("new", new))}
    for side, report in reports.items():
        for theme in report["themes"]:
            if theme.get("ticket") or len(theme["items"]) < 2: continue
            m = majority(theme)
            totals[f"{side} unfiled, mostly {'noise' if m == 'noise' else 'a truth theme'}"] += 1
            print(f"{name:16} {side:4} unfiled  {m:30} {len(theme['items']):3} {theme['title'][:60]}")
    filed_before = {t["id"] for t in reports["base"]["themes"] if t.get("ticket")}
    tickets_per_truth = collections.Counter(majority(t) for t in reports["new"]["themes"] if t.get("ticket"))
    for theme in reports["new"]["themes"]:
        if not theme.get("ticket") or theme["id"] in filed_before: continue
        m = majority(theme)
        second = m != "noise" and tickets_per_truth[m] > 1
        totals[f"new filed, mostly {'noise' if m == 'noise' else 'a truth theme'}"] += 1
        totals["new filed, a second ticket for its truth theme"] += second
        print(f"{name:16} new  filed    {m:30} {len(theme['items']):3} {theme['title'][:60]}{'  (second ticket)' if second else ''}")
for key, value in sorted(totals.items()): print(f"{key}: {value}")
