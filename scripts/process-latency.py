#!/usr/bin/env python3
"""Wall time of whole `visitcoach` processes (median and min over N runs).

Usage: scripts/process-latency.py [BINARY] [RUNS]   (see docs/Performance.md)
Run scripts/make-big-library.py first to include `check` on a 100-scenario library.
"""
import os
import statistics
import subprocess
import sys
import time

binary = sys.argv[1] if len(sys.argv) > 1 else ".build/release/visitcoach"
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 40
thirty = "\n".join(open("scenarios/samples/busy-morning-rush.good.txt", encoding="utf-8").read().split("\n")[:7] * 5)
with open("/tmp/visitcoach-30-turns.txt", "w", encoding="utf-8") as f:
    f.write(thirty)
cases = {
    "--version (process baseline)": [binary, "--version"],
    "replay 30 turns, text": [binary, "replay", "busy-morning-rush", "-i", "/tmp/visitcoach-30-turns.txt"],
    "replay 30 turns, json": [binary, "replay", "busy-morning-rush", "-i", "/tmp/visitcoach-30-turns.txt", "--format", "json"],
    "check (whole library)": [binary, "check"],
    "test (whole library)": [binary, "test"],
}
if os.path.isdir("/tmp/visitcoach-big-library"):
    cases["check, 100 scenarios"] = [binary, "check", "/tmp/visitcoach-big-library"]
# scripts/make-big-library.py 1000 /tmp/visitcoach-big-1000
if os.path.isdir("/tmp/visitcoach-big-1000"):
    cases["list, 1000 scenarios"] = [binary, "list", "--scenarios", "/tmp/visitcoach-big-1000"]
# Filled by `make bench` (its last section); a few runs only.
slow = {}
if os.path.exists("/tmp/visitcoach-bench-10k.sqlite"):
    slow["rescore --all --force, 10,000"] = [
        binary, "rescore", "--all", "--force", "--db", "/tmp/visitcoach-bench-10k.sqlite"]
for name, args in list(cases.items()) + list(slow.items()):
    times = []
    for _ in range(runs if name in cases else 3):
        start = time.perf_counter()
        subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append((time.perf_counter() - start) * 1000)
    print(f"{name:32s} median {statistics.median(times):6.1f} ms   min {min(times):6.1f} ms   ({len(times)} runs)")
