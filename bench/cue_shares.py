"""Sums up the per-theme lines of `ClusteringBench cues` (one per truth theme: the share of its reports with a small-fix
cue, and whether the truth calls it a small fix): how well the small-fix cue tells small-fix themes from the others.
Usage: dotnet $D cues FILES... > OUT; python3 bench/cue_shares.py OUT"""
import re, sys

fixes, others = [], []
for line in open(sys.argv[1], encoding="utf-8"):
    if m := re.match(r"\s+\S+\s+small fix ([\d.]+)\s+request [\d.]+\s+\(\d+ reports(, truth: small fix)?", line):
        (fixes if m.group(2) else others).append(float(m.group(1)))
print(f"small-fix themes {len(fixes)}: mean share {sum(fixes) / len(fixes):.3f}, at or above 0.4: {sum(x >= 0.4 for x in fixes)}")
print(f"other themes {len(others)}: mean share {sum(others) / len(others):.3f}, at or above 0.2: {sum(x >= 0.2 for x in others)}")
