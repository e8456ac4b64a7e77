"""Why truth themes were missed, and which splits were right, from the output of `ClusteringBench scenario -v`.
Each MISS line is one truth theme no ticket found; it is counted as
  noised   - half or more of its items in noise
  split    - two or more themes of its own, none holding half
  absorbed - another theme holds at least as many of its items as any theme of its own
  partial  - the rest
Absorbed themes that the banks mark as small fixes are listed with the theme that took them. Each EVENT split line is
shown with the truth majority of both sides ("right" when they differ).
Usage: python3 bench/miss_kinds.py BENCH_OUTPUT... [--banks BANK.json...]
  e.g. dotnet $D scenario -v $CASTWAVE > /tmp/castwave.txt
       python3 bench/miss_kinds.py /tmp/castwave.txt --banks scenarios/banks/*.json ../shared/scenario/bank-dev.json"""
import collections, json, re, sys

args = sys.argv[1:]
banks = args[args.index("--banks") + 1:] if "--banks" in args else []
outputs = args[:args.index("--banks")] if "--banks" in args else args
small_fix = {t["id"] for b in banks for t in json.load(open(b, encoding="utf-8"))["themes"] if t.get("small_fix")}

kinds, absorbed_fixes, splits = collections.Counter(), collections.Counter(), []
for path in outputs:
    scenario, majority = None, {}
    for line in open(path, encoding="utf-8"):
        if re.match(r"^\S+\.json:", line):
            scenario, majority = line.split(":")[0], {}
        elif m := re.match(r"  THEME (\S+) n=\d+ majority=(\S+)", line):
            majority[m.group(1)] = m.group(2)
        elif m := re.match(r"  EVENT split (\S+) -> (\S+): ", line):
            splits.append((scenario, majority.get(m.group(1), "?"), majority.get(m.group(2), "?")))
        elif m := re.match(r"  MISS (\S+) \((\d+)\): (.*)", line):
            name, size = m.group(1), int(m.group(2))
            parts = [(p.split("[")[1].split("]")[0] if "[" in p else "noise", int(p.rsplit(" ", 1)[1])) for p in m.group(3).split(", ")]
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
right = sum(1 for _, a, b in splits if a != b)
print(f"splits {len(splits)}: right {right}, wrong {len(splits) - right}")
for scenario, a, b in splits: print(f"  {'right' if a != b else 'wrong'}  {scenario}: {a} -> {b}")
