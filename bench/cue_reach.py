"""Where a text pattern (a cue being considered) occurs in generated scenarios, read against their truth: how many
reports of each truth theme match it (marked small fix or not) and how many truth-noise items do (pull requests, which
ingest drops, counted apart). With --labels instead of a pattern: which GitHub labels the truth-noise issues and the
themes' issues carry. A report is a Slack message with its replies, an issue with its title, body and comments, or a post.
Usage:
  python3 bench/cue_reach.py PATTERN SCENARIO.json...   # PATTERN: a Python regex, matched case-insensitively
  python3 bench/cue_reach.py --labels SCENARIO.json...
e.g. the docs cue of session 30:
  python3 bench/cue_reach.py '\\b(docs?[- ](level|only)|(docs?|documentation) (fix|bug|mistake|error|typo)s?|(outdated|out[- ]of[- ]date|stale) (docs?|documentation|example|sample|snippet))\\b' FILES"""
import collections, json, re, sys


def reports(scenario):
    """(canonical id, text, is a pull request) for every report of a scenario."""
    for channel in scenario.get("slack", {}).get("channels", []):
        for m in channel.get("messages", []):
            text = " ".join([m.get("text", "")] + [r.get("text", "") for r in m.get("replies", []) or []])
            yield f"slack:{channel['id']}:{m['ts']}", text, False
    for repo in scenario.get("github", {}).get("repos", []):
        name = repo.get("full_name") or f"{repo.get('owner')}/{repo.get('name')}"
        for issue in repo.get("issues", []):
            text = " ".join([issue.get("title") or "", issue.get("body") or ""] + [c.get("body", "") for c in issue.get("comments", []) or []])
            yield f"github:{name}#{issue['number']}", text, bool(issue.get("pull_request") or issue.get("is_pull_request")), issue
    for post in scenario.get("x", {}).get("posts", []):
        yield f"x:{post['id']}", post.get("text", ""), False


labels_mode = sys.argv[1] == "--labels"
pattern = None if labels_mode else re.compile(sys.argv[1], re.IGNORECASE)
themes, noise, noise_prs, files = collections.Counter(), 0, 0, 0
noise_labels, theme_labels, noise_issues, theme_issues = collections.Counter(), collections.Counter(), 0, 0
for path in sys.argv[2:]:
    scenario = json.load(open(path, encoding="utf-8"))
    files += 1
    owner = {i: t["id"] for t in scenario["truth"]["themes"] for i in t["items"]}
    small_fix = {t["id"]: bool(t.get("small_fix")) for t in scenario["truth"]["themes"]}
    for cid, text, is_pr, *issue in reports(scenario):
        if labels_mode:
            if not issue or is_pr:
                continue
            names = {l if isinstance(l, str) else l.get("name", "") for l in issue[0].get("labels", [])}
            if cid in owner:
                theme_issues += 1
                theme_labels.update(names or {"<none>"})
            else:
                noise_issues += 1
                noise_labels.update(names or {"<none>"})
        elif pattern.search(text or ""):
            if cid in owner:
                themes[(owner[cid], small_fix[owner[cid]])] += 1
            elif is_pr:
                noise_prs += 1
            else:
                noise += 1
if labels_mode:
    print(f"{files} scenarios: {noise_issues} truth-noise issues, labels {noise_labels.most_common(8)}")
    print(f"{theme_issues} theme issues, labels {theme_labels.most_common(8)}")
else:
    print(f"{files} scenarios: {sum(themes.values())} theme reports in {len(themes)} truth themes, {noise} truth-noise items, "
          f"{noise_prs} pull requests")
    for (theme, fix), n in themes.most_common():
        print(f"  {n:4d}  {theme}{'  (small fix)' if fix else ''}")
