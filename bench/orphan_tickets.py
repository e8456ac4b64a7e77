"""Tickets a daily run filed that no theme holds at the end: from the output of bench/daily_pipeline.py, every ticket in
any day's report against those in the last day's report. A ticket is left behind when its theme merged into another
theme (whose own ticket takes the reports from then on) or dissolved. Linear keeps such a ticket open; the run report,
and so SCORING.md's duplicate count, no longer shows it. For each left-behind ticket: the day its theme last held it,
its size then, and where that day's reports are at the end (the theme holding most of them and whether it has a ticket
of its own, or noise). And how long tickets stay without a theme: the gaps after which a ticket's theme (or a theme that
took the ticket) came back, against how long the left-behind ones have been gone at the end; a ticket that a merge left
behind one day may hold a theme again a few days later.
Since session 26 the pipeline marks the ticket of a theme that merged into another a duplicate of the ticket that stays
(an issue relation and a comment; the ticket stays open): with OUT/SCENARIO/linear.json (written by daily_pipeline.py),
the left-behind tickets so marked are counted apart, as they no longer look like a second ticket for one problem.
Usage: python3 bench/orphan_tickets.py OUT/SCENARIO...   (each a directory with day-NN/report.json; -v lists the tickets)
  e.g. python3 bench/daily_pipeline.py /tmp/dp FILES; python3 bench/orphan_tickets.py /tmp/dp/*"""
import collections, glob, json, os, sys

verbose = "-v" in sys.argv
total_ever = total_left = total_into_ticketed = total_marked = total_back = 0
gaps_back, gone_for = collections.Counter(), collections.Counter()
for run in [a for a in sys.argv[1:] if a != "-v"]:
    paths = sorted(glob.glob(os.path.join(run, "day-*", "report.json")))
    if not paths: continue
    days = [(os.path.basename(os.path.dirname(p)), json.load(open(p, encoding="utf-8"))["themes"]) for p in paths]
    last_seen = {}  # ticket identifier -> (day, theme id, items)
    for day, themes in days:
        for t in themes:
            if t.get("ticket"): last_seen[t["ticket"]["identifier"]] = (day, t["id"], t["items"])
    held = [{t["ticket"]["identifier"] for t in themes if t.get("ticket")} for _, themes in days]
    for ident in set().union(*held):
        present = [ident in h for h in held]
        gap = 0
        for here in present[present.index(True):]:
            if here and gap: gaps_back[gap] += 1
            gap = 0 if here else gap + 1
        if gap: gone_for[gap] += 1
    final = days[-1][1]
    live = held[-1]
    theme_of = {i: t for t in final for i in t["items"]}
    ticket_of = {t["id"]: t["ticket"]["identifier"] for t in final if t.get("ticket")}
    left = {k: v for k, v in last_seen.items() if k not in live}
    into_ticketed = 0
    linear_path = os.path.join(run, "linear.json")
    duplicates = set()
    if os.path.exists(linear_path):
        issues = json.load(open(linear_path, encoding="utf-8")).get("issues", [])
        duplicates = {i["identifier"] for i in issues if any(r.get("type") == "duplicate" for r in i.get("relations", []))}
    marked = len(set(left) & duplicates)
    # A ticket marked a duplicate that a theme holds again on the last day takes new reports while Linear calls it a
    # duplicate: what marking the clusterer's own merges would cost (session 24, and session 26 with a build that did).
    back = len(live & duplicates)
    for ident, (day, theme, items) in sorted(left.items()):
        where = collections.Counter(theme_of[i]["id"] if i in theme_of else "noise" for i in items)
        top, n = where.most_common(1)[0]
        ticket = ticket_of.get(top)
        into_ticketed += ticket is not None
        if verbose: print(f"  {ident} ({theme}, {len(items)} reports on {day}): {n} now in {top}{' (' + ticket + ')' if ticket else ''}"
                          f"{', marked a duplicate' if ident in duplicates else ''}")
    print(f"{os.path.basename(run.rstrip('/'))}: {len(last_seen)} tickets filed, {len(live)} held by a theme at the end, "
          f"{len(left)} left behind ({into_ticketed} whose reports now sit mostly in another ticketed theme; {marked} marked a duplicate)"
          f"{f'; {back} marked a duplicate yet held by a theme again' if back else ''}")
    total_ever += len(last_seen); total_left += len(left); total_into_ticketed += into_ticketed; total_marked += marked; total_back += back
print(f"total: {total_ever} tickets filed, {total_left} left behind ({total_into_ticketed} whose reports sit mostly in another ticketed theme; "
      f"{total_marked} marked a duplicate of the ticket that stays, {total_left - total_marked} not); "
      f"{total_back} tickets marked a duplicate are held by a theme again on the last day")
print(f"days without a theme before a ticket held one again: {dict(sorted(gaps_back.items()))}; "
      f"days the left-behind tickets have been without one at the end: {dict(sorted(gone_for.items()))}")
