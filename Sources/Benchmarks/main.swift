print("benchmarks: see docs/Performance.md")
