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
for name, args in cases.items():
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append((time.perf_counter() - start) * 1000)
    print(f"{name:32s} median {statistics.median(times):6.1f} ms   min {min(times):6.1f} ms   ({runs} runs)")
