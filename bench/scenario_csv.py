"""Writes a scenario's first N theme and noise items as a labelled CSV (id,text,label), for the commands that read one
(`eval --csv`, ClusteringBench `lexical-profile`). Text: an issue's title, body and comments, a Slack thread's
messages, a post's text; label: the truth theme, or "noise".
Usage: python3 bench/scenario_csv.py SCENARIO.json N > OUT.csv"""
import csv, json, sys

scenario = json.load(open(sys.argv[1], encoding="utf-8"))
limit = int(sys.argv[2])
label = {i: t["id"] for t in scenario["truth"]["themes"] for i in t["items"]}
label.update({i: "noise" for i in scenario["truth"]["noise"]})
rows = []
for channel in scenario["slack"]["channels"]:
    for m in channel["messages"]:
        text = " ".join([m.get("text", "")] + [r.get("text", "") for r in m.get("replies", [])])
        rows.append((f"slack:{channel['id']}:{m['ts']}", text))
for repo in scenario["github"]["repos"]:
    for i in repo["issues"]:
        text = " ".join([i["title"] + ".", i.get("body") or ""] + [c.get("body", "") for c in i.get("comments", [])])
        rows.append((f"github:{repo['owner']}/{repo['name']}#{i['number']}", text))
rows += [(f"x:{p['id']}", p["text"]) for p in scenario["x"]["posts"]]
out = csv.writer(sys.stdout)
out.writerow(["id", "text", "label"])
for id_, text in [r for r in rows if r[0] in label][:limit]:
    out.writerow([id_, text, label[id_]])
