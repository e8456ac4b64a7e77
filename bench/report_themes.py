"""Every theme of one run's report read against the scenario's truth: size, ticket action, the truth themes its
reports belong to (noise included) and its title, largest first. For a look at one report, e.g. the last day of
`bench/daily_pipeline.py`: which themes hold noise, which mix several problems, which are filed twice.
Usage: python3 bench/report_themes.py SCENARIO.json REPORT.json"""
import collections, json, sys

scenario = json.load(open(sys.argv[1], encoding="utf-8"))
report = json.load(open(sys.argv[2], encoding="utf-8"))
owner = {i: t["id"] for t in scenario["truth"]["themes"] for i in t["items"]}
for theme in sorted(report["themes"], key=lambda t: -len(t["items"])):
    counts = collections.Counter(owner.get(i, "noise") for i in theme["items"])
    ticket = (theme.get("ticket") or {}).get("action", "-")
    parts = " ".join(f"{k}:{v}" for k, v in counts.most_common(4)) + (f" (+{len(counts) - 4} more)" if len(counts) > 4 else "")
    print(f"{theme['id']:16} {len(theme['items']):4} {ticket:9} truth {len(counts):2} [{parts}] {theme['title'][:50]}")
