"""How the offline agent's small-fix judge (SmallFixJudge) would do at other shares, from the per-theme lines of
`AgentBench --all` (each ends with the judge's counts: "[cues C large L of N]", and says "(truth True|False)"):
by theme size, how far the share of cue-carrying reports strays in themes that are not small fixes, and how many small
fixes fall below the share; then, per rule, small fixes found and other themes wrongly read as small fixes.
A rule is what the judge does: no cue, or more large-work reports than cued ones, is never a small fix; a theme of five
or fewer with no large-work report needs one cue; a larger one needs two cues and the share.
Usage: dotnet bench/AgentBench/bin/Release/net10.0/AgentBench.dll --all FILES > OUT; python3 bench/small_fix_shares.py OUT..."""
import re, sys

rows = []  # (is a small fix in truth, cued, large, reports)
for path in sys.argv[1:]:
    for line in open(path, encoding="utf-8"):
        if m := re.search(r"small-fix \w+ \(truth (\w+)\).*\[cues (\d+) large (\d+) of (\d+)\]", line):
            rows.append((m.group(1) == "True", int(m.group(2)), int(m.group(3)), int(m.group(4))))


def judged(cued, large, n, share_for):
    if cued == 0 or large > cued: return False
    if n <= 5 and large == 0: return True
    return cued >= 2 and cued / n >= share_for(n)


print(f"{len(rows)} truth themes: {sum(r[0] for r in rows)} small fixes, {sum(not r[0] for r in rows)} others")
print("reports  others-decided  highest-share  small-fixes  below-0.40  in-0.25-0.40")
for lo, hi in ((6, 10), (10, 15), (15, 20), (20, 30), (30, 60), (60, 10**9)):
    others = [c / n for t, c, l, n in rows if not t and lo <= n < hi and l <= c and c >= 2]
    fixes = [c / n for t, c, l, n in rows if t and lo <= n < hi]
    print(f"{lo:>3}-{'' if hi == 10**9 else hi - 1:<4} {len(others):>14}  {max(others, default=0):>13.3f}  {len(fixes):>11}  "
          f"{sum(s < 0.4 for s in fixes):>10}  {sum(0.25 <= s < 0.4 for s in fixes):>12}")
rules = [(f"flat {s:.2f}", (lambda s: lambda n: s)(s)) for s in (0.40, 0.35, 0.30, 0.28, 0.25, 0.22)]
rules.append(("0.25 from 20 reports, else 0.40 (SmallFixJudge)", lambda n: 0.25 if n >= 20 else 0.40))
for name, share_for in rules:
    found = sum(1 for t, c, l, n in rows if t and judged(c, l, n, share_for))
    wrong = sum(1 for t, c, l, n in rows if not t and judged(c, l, n, share_for))
    print(f"{name:48} small fixes found {found}, others read as small fixes {wrong}")
