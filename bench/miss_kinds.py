"""Why truth themes were missed, and what became of the small-fix splits, from the output of `ClusteringBench scenario -v`
(with `--merges` for the parts that read the bench's merge judgements).

Usage (from the repository root, after a Release build of bench/ClusteringBench):
  dotnet bench/ClusteringBench/bin/Release/net10.0/ClusteringBench.dll scenario -v --merges FILES > OUT
  python3 bench/miss_kinds.py OUT... [--banks BANK.json...]
  e.g. python3 bench/miss_kinds.py /tmp/castwave.txt --banks scenarios/banks/*.json ../shared/scenario/bank-dev.json

It prints, for the missed truth themes (`MISS` lines: no ticketed theme whose majority it is holds half of it):
1. A coarse kind: noised (half or more of its items in noise), split (two or more themes of its own, none holding half),
   absorbed (another theme holds at least as many of its items as any theme of its own), partial (the rest). With
   --banks, the absorbed ones the banks mark as small fixes, with the theme that took them. Then each small-fix split
   (`EVENT split`) with the truth majority of both sides ("right" when they differ).
2. Where recall is lost, one class each:
   - no theme of its own, half or more of it inside one other theme (two problems in one ticket), and whether a merge
     the bench judged wrong joined the two (`MERGE WRONG` between them in the same file) or they were grouped together;
   - no theme of its own, scattered, or all in noise;
   - split among two or more themes of its own;
   - one theme of its own too small, with or without the noise items nearest it (`NOISED … near S THEME`) making half.
3. Every small-fix split and the merge that joined the split-off theme back, if any, with the bench's right/wrong
   judgement of that merge."""
import collections, json, re, sys

FILE = re.compile(r"^(\S+\.json): items")
THEME = re.compile(r"^  THEME (\S+) n=\d+ majority=(\S+)")
MISS = re.compile(r"^  MISS (\S+) \((\d+)\): (.*)")
PIECE = re.compile(r"(th-\w+)\[(\S+)\] (\d+)")
NOISED = re.compile(r"^  NOISED \[(\S+)\] (?:labels \S+ )?near [\d.]+ (\S+) ")
MERGE = re.compile(r"^  MERGE (right|WRONG) (\S+) \[(\w+)\] ([\d.]+) (\S+)\(\d+\) \+ (\S+)\(\d+\)")
SPLIT = re.compile(r"^  EVENT split (\S+) -> (\S+): (\d+) items.*centroid similarity ([\d.]+)")
MERGED = re.compile(r"^  EVENT merged (\S+) <- (\S+): centroid similarity ([\d.]+)")

args = sys.argv[1:]
banks = args[args.index("--banks") + 1:] if "--banks" in args else []
outputs = args[:args.index("--banks")] if "--banks" in args else args
small_fix = {t["id"] for b in banks for t in json.load(open(b, encoding="utf-8"))["themes"] if t.get("small_fix")}


def new_file():
    return {"miss": [], "noised": [], "merges": [], "splits": [], "merged": [], "majority": {}}


files = collections.OrderedDict()
for path in outputs:
    cur = None
    for line in open(path, encoding="utf-8"):
        if m := FILE.match(line):
            cur = files.setdefault(m.group(1).split("/")[-1], new_file())
        elif cur is None:
            continue
        elif m := THEME.match(line):
            cur["majority"][m.group(1)] = m.group(2)
        elif m := MISS.match(line):
            cur["miss"].append((m.group(1), int(m.group(2)), m.group(3)))
        elif m := NOISED.match(line):
            cur["noised"].append((m.group(1), m.group(2)))
        elif m := SPLIT.match(line):
            # The truth majority of both sides as the themes listed so far show them.
            majority = cur["majority"]
            cur["splits"].append((m.group(1), m.group(2), int(m.group(3)), float(m.group(4)),
                                  majority.get(m.group(1), "?"), majority.get(m.group(2), "?")))
        elif m := MERGED.match(line):
            cur["merged"].append((m.group(1), m.group(2), float(m.group(3))))
        elif m := MERGE.match(line):
            # MergeJudge prints every file's merges after its themes, under the file's own name.
            files.setdefault(m.group(2), new_file())["merges"].append((m.group(1), m.group(3), float(m.group(4)), m.group(5), m.group(6)))

# 1. The coarse kinds.
kinds, absorbed_fixes = collections.Counter(), collections.Counter()
for f in files.values():
    for name, size, rest in f["miss"]:
        parts = [(p.split("[")[1].split("]")[0] if "[" in p else "noise", int(p.rsplit(" ", 1)[1])) for p in rest.split(", ")]
        noise = sum(n for k, n in parts if k == "noise")
        own = [n for k, n in parts if k == name]
        other = [(k, n) for k, n in parts if k not in (name, "noise")]
        if 2 * noise >= size: kind = "noised"
        elif len(own) >= 2: kind = "split"
        elif other and max(n for _, n in other) >= max(own + [0]):
            kind = "absorbed"
            if name in small_fix: absorbed_fixes[(name, max(other, key=lambda x: x[1])[0])] += 1
        else: kind = "partial"
        kinds[kind] += 1

print(f"missed truth themes {sum(kinds.values())}: " + ", ".join(f"{k} {kinds[k]}" for k in ("absorbed", "noised", "split", "partial")))
if banks:
    print(f"small fixes among the absorbed: {sum(absorbed_fixes.values())}")
    for (fix, by), n in sorted(absorbed_fixes.items(), key=lambda x: -x[1]): print(f"  {n}  {fix} in {by}")
splits = [(name, a, b) for name, f in files.items() for *_, a, b in f["splits"]]
right = sum(1 for _, a, b in splits if a != b)
print(f"splits {len(splits)}: right {right}, wrong {len(splits) - right}")
for scenario, a, b in splits: print(f"  {'right' if a != b else 'wrong'}  {scenario}: {a} -> {b}")

# 2. Where recall is lost.
classes = collections.Counter()
for f in files.values():
    for truth, size, rest in f["miss"]:
        pieces = [(theme, majority, int(n)) for theme, majority, n in PIECE.findall(rest)]
        own = [n for _, majority, n in pieces if majority == truth]
        if not own:
            host = max(pieces, key=lambda p: p[2], default=None)
            if host is None:
                classes["no theme of its own: noise"] += 1
            elif host[2] * 2 >= size:
                classes["no theme of its own: half or more inside one other theme"] += 1
                wrong = [m for m in f["merges"] if m[0] == "WRONG" and {m[3], m[4]} == {truth, host[1]}]
                classes[f"  ... joined by a wrong merge ({wrong[0][1]})" if wrong else "  ... grouped together"] += 1
            else:
                classes["no theme of its own: scattered among other themes"] += 1
        elif len(own) > 1:
            classes["split among themes of its own"] += 1
        else:
            near = sum(1 for label, nearest in f["noised"] if label == truth and nearest == truth)
            classes["one own theme too small, with its nearest noise half" if (max(own) + near) * 2 >= size
                    else "one own theme too small"] += 1
print(f"\nmissed truth themes: {sum(1 for f in files.values() for _ in f['miss'])} over {len(files)} files")
main = sorted((kv for kv in classes.items() if not kv[0].startswith("  ")), key=lambda kv: -kv[1])
for key, count in main:
    print(f"{count:5}  {key}")
    if key.endswith("inside one other theme"):
        for sub, n in sorted((kv for kv in classes.items() if kv[0].startswith("  ")), key=lambda kv: -kv[1]):
            print(f"{n:5}  {sub}")

# 3. The small-fix splits a merge joined back.
print("\nsmall-fix splits (file, size, similarity at the split) and the merge that joined them back:")
for name, f in files.items():
    for parent, child, size, similarity, _, _ in f["splits"]:
        back = [(kept, sim) for kept, dropped, sim in f["merged"] if child in (kept, dropped) and parent in (kept, dropped)]
        verdict = ""
        if back:
            judged = [m for m in f["merges"] if abs(m[2] - back[0][1]) < 5e-4]
            verdict = f" {judged[0][0]} [{judged[0][1]}]" if judged else ""
        print(f"  {name:24} {size:3} {similarity:.3f}  " + (f"joined back at {back[0][1]:.3f}{verdict}" if back else "kept"))
