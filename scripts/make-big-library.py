#!/usr/bin/env python3
"""Builds a library of N scenarios (copies of the shipped ones with new ids) for timing `check`.

Usage: scripts/make-big-library.py [N] [DIR]   (default 100, /tmp/visitcoach-big-library)
"""
import os
import re
import shutil
import sys

count = int(sys.argv[1]) if len(sys.argv) > 1 else 100
target = sys.argv[2] if len(sys.argv) > 2 else "/tmp/visitcoach-big-library"
shutil.rmtree(target, ignore_errors=True)
os.makedirs(target)
for sub in ("traits", "rubrics", "learned"):
    shutil.copytree(os.path.join("scenarios", sub), os.path.join(target, sub))
sources = sorted(f for f in os.listdir("scenarios") if f.endswith(".yaml"))
for i in range(count):
    name = sources[i % len(sources)]
    text = open(os.path.join("scenarios", name), encoding="utf-8").read()
    new_id = f"{name[:-5]}-{i:03d}"
    text = re.sub(r"^id: .*$", f"id: {new_id}", text, count=1, flags=re.M)
    with open(os.path.join(target, new_id + ".yaml"), "w", encoding="utf-8") as f:
        f.write(text)
print(f"{count} scenarios in {target}")
