"""Where the duplicate tickets are, from the output of `ClusteringBench scenario -v`: per file, the themes that share a
truth majority beyond the largest are duplicates. Prints how many themes of each size are a truth theme's largest
("main"), a duplicate, or mostly noise (a theme held without a ticket, "held" in the THEME line, is counted apart and
is neither: the score reads ticketed themes only); and, for the three-item themes, how many are more alike than a bar to a larger
theme (of any kind, and of the same kind), read from the PAIR lines (the bench prints pairs above 0.25 only); and how
many duplicates are read as a small fix beside a largest piece that is not (a small-fix split of the problem's own
reports, or a small fix no merge rule joins to its problem). Also where the filed noise sits (inside a real problem's
theme, or in a theme most of whose reports are noise), and what folding each held theme into the theme it reads like
("held like th-…") would do: how many share that theme's majority, and which missed truth themes (MISS lines) it would
bring to half their reports.
Usage: python3 bench/dup_sizes.py BENCH_OUTPUT...
  e.g. dotnet $D scenario -v $FLEETLINE > /tmp/fleetline.txt; python3 bench/dup_sizes.py /tmp/fleetline.txt"""
import collections, re, sys

by_size = collections.defaultdict(collections.Counter)
three = []  # (kind, best similarity to a larger theme, best to a larger theme of the same kind)
small_fix_pieces = 0
noise_filed = collections.Counter()  # "in a problem's theme" / "in a noise theme": noise reports in ticketed themes
held_fold = collections.Counter()  # held themes: "same majority" as the theme they read like, or "another problem"
fold_finds = []  # (truth theme, its reports in the theme read like, with the held theme's, its size)


def flush(themes, pairs, misses):
    global small_fix_pieces
    by_majority = collections.defaultdict(list)
    by_id = {t["id"]: t for t in themes}
    for t in themes:
        if t["held"]:
            by_size[min(t["n"], 10)]["held"] += 1
            like = by_id.get(t["like"] or "")
            if like is None: continue
            same = like["majority"] == t["majority"]
            held_fold["same majority" if same else "another problem"] += 1
            if same and t["majority"] in misses:
                before = like["counts"].get(t["majority"], 0)
                after, size = before + t["counts"].get(t["majority"], 0), misses[t["majority"]]
                if 2 * after >= size: fold_finds.append((t["majority"], before, after, size))
            continue
        by_majority[t["majority"]].append((t["n"], t["kind"]))
        if t["n"] >= 2: noise_filed["in a noise theme" if t["majority"] == "noise" else "in a problem's theme"] += t["counts"].get("noise", 0)
    for majority, pieces in by_majority.items():
        pieces.sort(key=lambda p: -p[0])
        for rank, (size, read_as) in enumerate(pieces):
            kind = "noise" if majority == "noise" else ("duplicate" if rank > 0 else "main")
            if kind == "duplicate" and read_as == "SmallFix" and pieces[0][1] != "SmallFix": small_fix_pieces += 1
            by_size[min(size, 10)][kind] += 1
            if size != 3 or kind == "noise": continue
            near = []
            for sim, left, right in pairs:
                for (x, nx, kx), (y, ny, ky) in ((left, right), (right, left)):
                    if x == majority and nx == 3 and ny > 3: near.append((sim, kx == ky))
            three.append((kind, max([s for s, _ in near], default=0), max([s for s, same in near if same], default=0)))


for path in sys.argv[1:]:
    themes, pairs, misses = [], [], {}
    for line in open(path, encoding="utf-8"):
        if re.match(r"^\S+\.json:", line):
            flush(themes, pairs, misses)
            themes, pairs, misses = [], [], {}
        elif m := re.match(r"  THEME (\S+) n=(\d+) majority=(\S+) kind=(\w+)( held(?: like (\S+))?)?.* named \S+ (.*)", line):
            # Before the bench named the theme a held one reads like, it printed " held" alone.
            counts = {k: int(v) for k, v in re.findall(r"(\S+):(\d+)", m.group(7))}
            themes.append(dict(id=m.group(1), n=int(m.group(2)), majority=m.group(3), kind=m.group(4), held=m.group(5) is not None,
                               like=m.group(6), counts=counts))
        elif m := re.match(r"  PAIR (\S+) \S+ (\S+)\((\d+)\) ~ (\S+)\((\d+)\) kinds (\w+)/(\w+)", line):
            pairs.append((float(m.group(1)), (m.group(2), int(m.group(3)), m.group(6)), (m.group(4), int(m.group(5)), m.group(7))))
        elif m := re.match(r"  MISS (\S+) \((\d+)\)", line):
            misses[m.group(1)] = int(m.group(2))
    flush(themes, pairs, misses)

print("size  main  duplicate  noise  held")
for size in sorted(by_size):
    c = by_size[size]
    print(f"{'10+' if size == 10 else size:>4}  {c['main']:>4}  {c['duplicate']:>9}  {c['noise']:>5}  {c['held']:>4}")
for kind in ("duplicate", "main"):
    rows = [t for t in three if t[0] == kind]
    print(f"three-item {kind}s {len(rows)}: " + ", ".join(
        f"> {bar:.2f} to a larger theme {sum(1 for _, a, _ in rows if a > bar)} (same kind {sum(1 for _, _, s in rows if s > bar)})"
        for bar in (0.25, 0.30, 0.35)))
print(f"duplicates read as a small fix beside a largest piece that is not: {small_fix_pieces} of "
      f"{sum(c['duplicate'] for c in by_size.values())}")
print("noise filed: " + ", ".join(f"{k} {v}" for k, v in sorted(noise_filed.items())))
print(f"held themes {sum(c['held'] for c in by_size.values())}; of those the bench names a theme for, "
      + ", ".join(f"{k} {v}" for k, v in sorted(held_fold.items()))
      + f"; folded in, {len(fold_finds)} missed truth themes would reach half: "
      + ", ".join(f"{name} {before} -> {after} of {size}" for name, before, after, size in fold_finds))
