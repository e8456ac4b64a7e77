"""Where recall is lost, and which small-fix splits a merge undid, read from the clustering bench's output.

Usage (from the repository root, after a Release build of bench/ClusteringBench):
  dotnet bench/ClusteringBench/bin/Release/net10.0/ClusteringBench.dll scenario -v --merges FILES > OUT
  python3 bench/recall_loss.py OUT

Each missed truth theme (a `MISS` line: no ticketed theme whose majority it is holds half of it) is put in one class:
- no theme of its own, half or more of it inside one other theme (two problems in one ticket), and whether a merge the
  bench judged wrong joined the two (`MERGE WRONG` between them in the same file) or they were grouped together;
- no theme of its own, scattered;
- split among two or more themes of its own;
- one theme of its own too small, with or without the noise items nearest it (`NOISED … near S THEME`) making half.
Then every small-fix split (`EVENT split`) and the merge that joined the split-off theme back, if any, with the bench's
right/wrong judgement of that merge."""
import collections, re, sys

FILE = re.compile(r"^(\S+\.json): items")
THEME = re.compile(r"^  THEME (\S+) n=(\d+) majority=(\S+)")
MISS = re.compile(r"^  MISS (\S+) \((\d+)\): (.*)")
PIECE = re.compile(r"(th-\w+)\[(\S+)\] (\d+)")
NOISE = re.compile(r"noise (\d+)")
NOISED = re.compile(r"^  NOISED \[(\S+)\] (?:labels \S+ )?near [\d.]+ (\S+) ")
MERGE = re.compile(r"^  MERGE (right|WRONG) (\S+) \[(\w+)\] ([\d.]+) (\S+)\(\d+\) \+ (\S+)\(\d+\)")
SPLIT = re.compile(r"^  EVENT split (\S+) -> (\S+): (\d+) items.*centroid similarity ([\d.]+)")
MERGED = re.compile(r"^  EVENT merged (\S+) <- (\S+): centroid similarity ([\d.]+)")

files = collections.OrderedDict()
cur = None
for line in open(sys.argv[1], encoding="utf-8"):
    if m := FILE.match(line):
        cur = files.setdefault(m.group(1).split("/")[-1], {"miss": [], "noised": [], "wrong": [], "merges": [], "splits": [], "merged": []})
    elif cur is None:
        continue
    elif m := MISS.match(line):
        cur["miss"].append((m.group(1), int(m.group(2)), m.group(3)))
    elif m := NOISED.match(line):
        cur["noised"].append((m.group(1), m.group(2)))
    elif m := SPLIT.match(line):
        cur["splits"].append((m.group(1), m.group(2), int(m.group(3)), float(m.group(4))))
    elif m := MERGED.match(line):
        cur["merged"].append((m.group(1), m.group(2), float(m.group(3))))
    elif m := MERGE.match(line):
        # MergeJudge prints every file's merges after its themes, under the file's own name.
        target = files.setdefault(m.group(2), {"miss": [], "noised": [], "wrong": [], "merges": [], "splits": [], "merged": []})
        target["merges"].append((m.group(1), m.group(3), float(m.group(4)), m.group(5), m.group(6)))

classes = collections.Counter()
for name, f in files.items():
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
print(f"missed truth themes: {sum(1 for f in files.values() for _ in f['miss'])} over {len(files)} files")
main = sorted((kv for kv in classes.items() if not kv[0].startswith("  ")), key=lambda kv: -kv[1])
for key, count in main:
    print(f"{count:5}  {key}")
    if key.endswith("inside one other theme"):
        for sub, n in sorted((kv for kv in classes.items() if kv[0].startswith("  ")), key=lambda kv: -kv[1]):
            print(f"{n:5}  {sub}")

print("\nsmall-fix splits (file, size, similarity at the split) and the merge that joined them back:")
for name, f in files.items():
    for parent, child, size, similarity in f["splits"]:
        back = [(kept, sim) for kept, dropped, sim in f["merged"] if child in (kept, dropped) and parent in (kept, dropped)]
        verdict = ""
        if back:
            judged = [m for m in f["merges"] if abs(m[2] - back[0][1]) < 5e-4]
            verdict = f" {judged[0][0]} [{judged[0][1]}]" if judged else ""
        print(f"  {name:24} {size:3} {similarity:.3f}  " + (f"joined back at {back[0][1]:.3f}{verdict}" if back else "kept"))
