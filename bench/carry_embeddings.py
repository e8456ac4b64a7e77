"""Carries stored item vectors over a text-version bump (`ItemEmbedder.TextVersion`, e.g. t1 -> t2), so a bench store
need not embed every item again: each vector stored under the old version is copied under the new one, except those of
the items whose text the change moved, which the next run embeds from their new text.
The moved items are named by the bench's `item-texts` command run with the build before and the build after:
  dotnet OLD/ClusteringBench.dll item-texts FILES | sort -u > /tmp/old.txt
  dotnet NEW/ClusteringBench.dll item-texts FILES | sort -u > /tmp/new.txt
  comm -13 /tmp/old.txt /tmp/new.txt | cut -d' ' -f1 | sort -u > /tmp/moved.txt
Usage: python3 bench/carry_embeddings.py FROM TO MOVED STORE [OUT]
  STORE: the bench's binary store (/tmp/bench-embeddings.bin; written to OUT, default in place) or a SQLite store
  (*.db, e.g. /tmp/scale-embeddings.db, changed in place). Vectors under FROM are kept either way."""
import sqlite3, struct, sys

old, new, moved_file, store = sys.argv[1:5]
out = sys.argv[5] if len(sys.argv) > 5 else store
moved = set(open(moved_file).read().split())


def renamed(model):
    return model[:-len(old)] + new if model.endswith("/" + old) else None


if store.endswith(".db"):
    db = sqlite3.connect(store)
    models = [m for (m,) in db.execute("select distinct model from embeddings") if renamed(m)]
    for m in models:
        db.execute("insert or ignore into embeddings(model, content_hash, dimensions, vector) "
                   "select ?, content_hash, dimensions, vector from embeddings where model = ?", (renamed(m), m))
        db.executemany("delete from embeddings where model = ? and content_hash = ?", [(renamed(m), h) for h in moved])
    db.commit()
    print(", ".join(f"{renamed(m)}: {n}" for m in models for (n,) in db.execute("select count(*) from embeddings where model = ?", (renamed(m),))))
    sys.exit()


# The bench's binary store: a count, then per vector a .NET BinaryWriter string "model|hash", a length and the floats.
def read_length(f):
    value, shift = 0, 0
    while True:
        b = f.read(1)[0]
        value |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80: return value


def length_bytes(n):
    data = bytearray()
    while n >= 0x80:
        data.append((n & 0x7F) | 0x80)
        n >>= 7
    data.append(n)
    return bytes(data)


vectors = {}
with open(store, "rb") as f:
    for _ in range(struct.unpack("<i", f.read(4))[0]):
        key = f.read(read_length(f)).decode("utf-8")
        (dims,) = struct.unpack("<i", f.read(4))
        vectors[key] = (dims, f.read(4 * dims))
carried = {}
for key, value in vectors.items():
    model, content_hash = key.split("|", 1)
    if renamed(model) and content_hash not in moved: carried[renamed(model) + "|" + content_hash] = value
vectors.update({k: v for k, v in carried.items() if k not in vectors})
with open(out, "wb") as f:
    f.write(struct.pack("<i", len(vectors)))
    for key, (dims, data) in vectors.items():
        encoded = key.encode("utf-8")
        f.write(length_bytes(len(encoded)) + encoded + struct.pack("<i", dims) + data)
print(f"{len(carried)} vectors carried from {old} to {new}; {len(moved)} moved items left to embed; {len(vectors)} in {out}")
