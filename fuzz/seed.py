#!/usr/bin/env python3
"""Seed corpora for the fuzz targets, cut from the shipped texts.

parse:  slices of a few KB of every versions/*/*.txt (line-aligned), and the
        same slices with a few lines deleted, duplicated or cut in half.
diff:   a slice, a NUL character, then a mutated copy of the slice (the diff
        target compares the two halves).
ingest: the parse seeds, plus some of them re-encoded (GB18030, UTF-16 with
        and without BOM) and cut at odd byte offsets.

Deterministic (fixed seed), so a rerun gives the same files.
"""
import glob, os, random

root = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(6)
texts = sorted(glob.glob(os.path.join(root, "..", "versions", "*", "*.txt")))


def slices(lines, size=4000, count=40):
    out = []
    for _ in range(count):
        start = rng.randrange(0, max(1, len(lines) - 1))
        chunk, n = [], 0
        for line in lines[start:]:
            chunk.append(line)
            n += len(line.encode())
            if n >= size:
                break
        out.append(chunk)
    return out


def mutate(chunk):
    chunk = list(chunk)
    for _ in range(rng.randrange(1, 4)):
        if not chunk:
            break
        i = rng.randrange(len(chunk))
        op = rng.randrange(4)
        if op == 0:
            del chunk[i]
        elif op == 1:
            chunk.insert(i, chunk[i])
        elif op == 2:
            cut = rng.randrange(len(chunk[i]) + 1)
            chunk[i:i + 1] = [chunk[i][:cut] + "\n", chunk[i][cut:]]
        else:
            j = rng.randrange(len(chunk))
            chunk[i], chunk[j] = chunk[j], chunk[i]
    return chunk


def write(target, name, data):
    d = os.path.join(root, "corpus", target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


for path in texts:
    base = os.path.basename(path).split(".")[0]
    with open(path, encoding="utf-8") as f:
        lines = f.readlines()
    for k, chunk in enumerate(slices(lines, count=40 if len(lines) > 1000 else 8)):
        text = "".join(chunk)
        mutated = "".join(mutate(chunk))
        write("parse", f"{base}-{k:02}", text.encode())
        write("parse", f"{base}-{k:02}-m", mutated.encode())
        write("diff", f"{base}-{k:02}", (text + "\0" + mutated).encode())
        write("ingest", f"{base}-{k:02}", text.encode())
        if k % 4 == 0:
            write("ingest", f"{base}-{k:02}-gb", text.encode("gb18030"))
            write("ingest", f"{base}-{k:02}-le", text.encode("utf-16-le"))
            write("ingest", f"{base}-{k:02}-bom", b"\xff\xfe" + text.encode("utf-16-le"))
            raw = text.encode()
            write("ingest", f"{base}-{k:02}-cut", raw[: len(raw) // 2 + 1])
