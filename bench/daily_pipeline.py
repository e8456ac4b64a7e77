"""The whole pipeline one day at a time, as the scheduled job meets the feedback: a sandbox serving a scenario's first
day, then `triagebot run` once a day with that day's items appended to the sandbox (POST /_sandbox/append), on one
store. The last day's report is scored against the scenario's truth, as `bench/demo_quality.sh` scores one run, and
Linear's state after the last day is written to OUT_DIR/SCENARIO/linear.json.

Usage (from the repository root, after `dotnet build src/TriageBot -c Release`):
  python3 bench/daily_pipeline.py OUT_DIR SCENARIO.json...
Environment variables starting with TRIAGEBOT_ reach every run (e.g. TRIAGEBOT_Clustering__ReleaseSimilarity=0).
Prints one score line per scenario (the same metrics as demo_quality.sh) and their mean."""
import copy, datetime, json, os, re, signal, subprocess, sys, time, urllib.request

CLI = ["dotnet", os.path.abspath("src/TriageBot/bin/Release/net10.0/triagebot.dll")]
KEYS = ["theme_recall", "ticket_purity", "duplicate_tickets", "noise_filed_rate", "items_missing", "small_fix_precision", "goal_accuracy", "nmi"]


def when(ts):
    return datetime.datetime.fromtimestamp(float(ts), datetime.timezone.utc)


def parse(s):
    return datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))


def days_of(scenario):
    """Every item with its UTC day: Slack messages (with their replies) and X posts by creation, GitHub issues by last update."""
    out = []
    for ch in scenario.get("slack", {}).get("channels", []):
        for m in ch.get("messages", []):
            out.append(("slack", ch["id"], m, when(m["ts"]).date()))
    for repo in scenario.get("github", {}).get("repos", []):
        for i in repo.get("issues", []):
            # On the day of its last update: an issue appended with a later update than the day would move the reader's
            # watermark past the issues appended after it, which GitHub itself never does.
            out.append(("github", (repo["owner"], repo["name"]), i, parse(i.get("updated_at") or i["created_at"]).date()))
    for p in scenario.get("x", {}).get("posts", []):
        out.append(("x", None, p, parse(p["created_at"]).date()))
    return out


def part(scenario, items, whole):
    """The scenario with only `items`; `whole` keeps everything else (users, repos' metadata, Linear, goals)."""
    s = copy.deepcopy(scenario) if whole else {}
    by = {}
    for kind, where, obj, _ in items:
        by.setdefault(kind, {}).setdefault(json.dumps(where), []).append(obj)
    if "slack" in scenario:
        s.setdefault("slack", {})["channels"] = [dict(ch, messages=by.get("slack", {}).get(json.dumps(ch["id"]), []))
                                                 for ch in scenario["slack"]["channels"]]
        if whole: s["slack"]["users"] = scenario["slack"].get("users", [])
    if "github" in scenario:
        s.setdefault("github", {})["repos"] = [dict(r, issues=by.get("github", {}).get(json.dumps([r["owner"], r["name"]]), []))
                                               for r in scenario["github"]["repos"]]
    if "x" in scenario:
        s.setdefault("x", {})["posts"] = by.get("x", {}).get("null", [])
        if "users" in scenario["x"]: s["x"]["users"] = scenario["x"]["users"]
    return s


def run_one(path, out):
    scenario = json.load(open(path, encoding="utf-8"))
    items = days_of(scenario)
    days = sorted({d for *_, d in items})
    os.makedirs(out, exist_ok=True)
    first = os.path.join(out, "day-1.json")
    json.dump(part(scenario, [x for x in items if x[3] == days[0]], True), open(first, "w", encoding="utf-8"))
    config = os.path.join(out, "sandbox.json")
    if os.path.exists(config): os.remove(config)
    log = open(os.path.join(out, "sandbox.log"), "w")
    sandbox = subprocess.Popen(CLI + ["sandbox", "--scenario", first, "--port", "0", "--write-config", config], cwd=out, stdout=log, stderr=log)
    try:
        while not os.path.exists(config) or os.path.getsize(config) == 0:
            if sandbox.poll() is not None: raise RuntimeError(f"sandbox exited: see {out}/sandbox.log")
            time.sleep(0.2)
        time.sleep(0.3)
        # The sandbox turns a source off when its first day has none of its items; the scheduled job reads it all along.
        settings = json.load(open(config, encoding="utf-8"))
        for source, key in (("Slack", "slack"), ("GitHub", "github"), ("X", "x")):
            if key in scenario and source in settings: settings[source]["Enabled"] = True
        json.dump(settings, open(config, "w", encoding="utf-8"), indent=2)
        # Every service sits under the sandbox's one base address (…/github/, …/linear/graphql); its admin API is at the root.
        base = settings["GitHub"]["BaseUrl"].rsplit("github/", 1)[0]
        for k, day in enumerate(days):
            if k > 0:
                body = json.dumps(part(scenario, [x for x in items if x[3] == day], False)).encode()
                urllib.request.urlopen(urllib.request.Request(base + "_sandbox/append", body, {"Content-Type": "application/json"})).read()
            now = datetime.datetime.combine(day, datetime.time(23, 59, 59), datetime.timezone.utc).isoformat().replace("+00:00", "Z")
            r = subprocess.run(CLI + ["run", "--config", config, "--now", now, "--out", f"day-{k + 1:02d}"], cwd=out, capture_output=True, text=True)
            if r.returncode != 0: raise RuntimeError(f"run on {day} failed: {r.stderr[-500:]}{r.stdout[-500:]}")
        # Linear as the last day left it (tickets, their comments and relations), for bench/orphan_tickets.py.
        state = json.loads(urllib.request.urlopen(base + "_sandbox/state").read())
        with open(os.path.join(out, "linear.json"), "w", encoding="utf-8") as f:
            json.dump(state["linear"], f)
        report = os.path.join(out, f"day-{len(days):02d}", "report.json")
        scored = subprocess.run(CLI + ["score", "--scenario", path, "--report", report], capture_output=True, text=True).stdout
        return {m.group(1): float(m.group(2)) for m in re.finditer(r"^(\w+)\s+([-0-9.]+)", scored, re.M)}, len(days)
    finally:
        # The sandbox command stops on Ctrl-C (SIGINT), as a person stops it.
        sandbox.send_signal(signal.SIGINT)
        try:
            sandbox.wait(timeout=3)
        except subprocess.TimeoutExpired:
            sandbox.kill()


def main():
    out, files = sys.argv[1], sys.argv[2:]
    rows = []
    print("scenario".ljust(22) + "days".rjust(5) + "".join(k[:12].rjust(13) for k in KEYS))
    for f in files:
        name = os.path.basename(f)[:-5]
        score, days = run_one(f, os.path.join(out, name))
        rows.append(score)
        print(name[:22].ljust(22) + f"{days:5d}" + "".join(f"{score.get(k, float('nan')):13.3f}" for k in KEYS), flush=True)
    def mean(k):
        vals = [r[k] for r in rows if k in r and r[k] == r[k]]
        return sum(vals) / len(vals) if vals else float("nan")
    print("mean".ljust(27) + "".join(f"{mean(k):13.3f}" for k in KEYS))


main()
