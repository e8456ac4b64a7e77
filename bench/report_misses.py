"""What a set of pipeline runs got wrong, read against the truth as SCORING.md reads it: truth themes of 3+ reports no
ticket holds half of (and where their reports went), truth themes filed twice (each piece's size), ticketed themes
read as a small fix that the truth says are not, and ticketed themes whose goal is not the truth's, by kind
("false": a goal where the truth has none, "missed": none where it has one, "wrong": another goal). Then the totals.
DIR is a SCENARIO_DIR that `bench/demo_quality.sh` filled (run-NAME/report.json per scenario).
Usage: python3 bench/report_misses.py DIR SCENARIO.json..."""
import collections, json, os, sys

run_dir, files = sys.argv[1], sys.argv[2:]
totals = collections.Counter()
for path in files:
    name = os.path.basename(path)[:-len(".json")]
    report_path = os.path.join(run_dir, f"run-{name}", "report.json")
    if not os.path.exists(report_path):
        print(f"{name}: no report in {run_dir}")
        continue
    scenario = json.load(open(path, encoding="utf-8"))
    report = json.load(open(report_path, encoding="utf-8"))
    truth = {t["id"]: t for t in scenario["truth"]["themes"]}
    owner = {i: t["id"] for t in scenario["truth"]["themes"] for i in t["items"]}
    where = collections.defaultdict(collections.Counter)  # truth theme -> (report theme or "noise") -> reports
    for item in report["items"]["noise"]:
        where[owner.get(item, "noise")]["noise"] += 1
    pieces = collections.defaultdict(list)  # truth theme -> ticketed themes whose majority it is
    for theme in report["themes"]:
        counts = collections.Counter(owner.get(i, "noise") for i in theme["items"])
        for truth_id, n in counts.items():
            where[truth_id][theme["id"] + ("" if theme.get("ticket") else " (no ticket)")] += n
        if not theme.get("ticket"):
            continue
        majority = counts.most_common(1)[0][0]
        if majority == "noise":
            continue
        pieces[majority].append((theme, counts[majority]))
        if theme["small_fix"] and not truth[majority].get("small_fix"):
            totals["small fix read wrongly"] += 1
            print(f"{name}: small fix read wrongly: '{theme['title'][:60]}' ({len(theme['items'])} reports, mostly {majority})")
        goal, wanted = theme.get("goal"), truth[majority].get("goal")
        totals["ticketed themes"] += 1
        if goal != wanted:
            kind = "missed" if goal is None else "false" if wanted is None else "wrong"
            totals[f"goal {kind}"] += 1
            print(f"{name}: goal {kind}: {majority} given {goal}, truth {wanted}")
    for truth_id, theme in truth.items():
        size = len(theme["items"])
        if size >= 3 and not any(n * 2 >= size for _, n in pieces.get(truth_id, [])):
            totals["missed themes"] += 1
            print(f"{name}: missed {truth_id} ({size}): " + ", ".join(f"{k} {v}" for k, v in where[truth_id].most_common()))
    for truth_id, held in pieces.items():
        if len(held) > 1:
            totals["duplicate tickets"] += len(held) - 1
            print(f"{name}: filed {len(held)} times: {truth_id}: " + ", ".join(f"{len(t['items'])} reports" for t, _ in held))
print("totals: " + ", ".join(f"{k} {v}" for k, v in sorted(totals.items())))
