"""Where the reports attached to each ticket are at the end of a daily run (bench/daily_pipeline.py): in the ticket's own
theme, in another theme that has a ticket, in another theme with none, or in noise. Reads each scenario's last day's
report.json and the Linear state after it (linear.json); an attachment's report is read back from its URL (an X post's
status id, a GitHub issue's number, a Slack permalink's channel and timestamp). A ticket two themes share is read
once for each of them.
Usage: python3 bench/daily_pipeline.py OUT FILES; python3 bench/ticket_evidence.py OUT/*"""
import collections, glob, json, os, re, sys


def item_of(url):
    if m := re.search(r"x\.com/[^/]+/status/(\d+)", url):
        return "x:" + m.group(1)
    if m := re.search(r"github\.com/([^/]+)/([^/]+)/issues/(\d+)", url):
        return f"github:{m.group(1)}/{m.group(2)}#{m.group(3)}"
    if m := re.search(r"/archives/([A-Z0-9]+)/p(\d{10})(\d{6})", url):
        return f"slack:{m.group(1)}:{m.group(2)}.{m.group(3)}"
    return None


KINDS = ["own theme", "another ticketed theme", "another theme, no ticket", "noise", "unread URL"]
total = collections.Counter()
for run in sys.argv[1:]:
    days = sorted(glob.glob(os.path.join(run, "day-*", "report.json")))
    if not days or not os.path.exists(os.path.join(run, "linear.json")):
        continue
    report = json.load(open(days[-1], encoding="utf-8"))
    issues = {i["identifier"]: i for i in json.load(open(os.path.join(run, "linear.json"), encoding="utf-8"))["issues"]}
    theme_of = {item: t["id"] for t in report["themes"] for item in t["items"]}
    ticketed = {t["id"] for t in report["themes"] if t.get("ticket")}
    counts = collections.Counter()
    for theme in report["themes"]:
        issue = issues.get((theme.get("ticket") or {}).get("identifier"))
        for attachment in (issue or {}).get("attachments", []):
            item = item_of(attachment["url"])
            home = theme_of.get(item)
            counts["unread URL" if item is None else "own theme" if home == theme["id"] else "noise" if home is None
                   else "another ticketed theme" if home in ticketed else "another theme, no ticket"] += 1
    total.update(counts)
    print(f"{os.path.basename(run):16s} " + "  ".join(f"{k} {counts[k]}" for k in KINDS))
print(f"{'all':16s} " + "  ".join(f"{k} {total[k]}" for k in KINDS))
