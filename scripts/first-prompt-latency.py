#!/usr/bin/env python3
"""Time from starting `visitcoach` on a pseudo-terminal to its first prompt.

Usage: scripts/first-prompt-latency.py [BINARY] [RUNS] [SCENARIO]
Prints the median and the spread in milliseconds (see docs/Performance.md).
"""
import os
import pty
import select
import statistics
import sys
import time

binary = sys.argv[1] if len(sys.argv) > 1 else ".build/release/visitcoach"
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 25
scenario = sys.argv[3] if len(sys.argv) > 3 else "busy-morning-rush"
prompt = "我> ".encode()
times = []
for _ in range(runs):
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update({"LANG": "C.UTF-8", "TERM": "xterm", "HOME": "/tmp/visitcoach-latency"})
        os.execv(binary, [binary, "practice", scenario, "--seed", "1", "--trainee", "latency"])
    seen = b""
    while prompt not in seen:
        ready, _, _ = select.select([fd], [], [], 5)
        if not ready:
            raise SystemExit("no prompt within 5 s")
        seen += os.read(fd, 65536)
    times.append((time.perf_counter() - start) * 1000)
    os.write(fd, b"\x04")
    while True:
        try:
            if not os.read(fd, 65536):
                break
        except OSError:
            break
    os.waitpid(pid, 0)
    os.close(fd)
times.sort()
print(f"first prompt: median {statistics.median(times):.1f} ms, min {times[0]:.1f}, max {times[-1]:.1f} ({runs} runs)")
