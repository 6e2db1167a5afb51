#!/usr/bin/env python3
"""Issue #5's lint criterion, side by side: the whole `flowspec lint` process with all rules
(start-up included) against libyaml producing the events of the same file, interleaved.

Usage: Benchmarks/lint-vs-events.py [--runs 5] [--flowspec BIN] [--base BIN] [SPEC]
  SPEC      default ../shared/corpus/github/api.github.com.yaml
  BIN       default .build/release/flowspec (swift build -c release --product flowspec)
  --base    another flowspec build (say of main) run beside it
Prints each command's median and minimum wall time and its ratio to yaml_events' median (the issue
asks for at most 3x), and the median CPU time (user + system) with its ratio. The machine is
shared: quote medians of runs made in one sitting.
"""
import argparse, os, statistics, subprocess, sys, tempfile, time

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
parser = argparse.ArgumentParser()
parser.add_argument("--runs", type=int, default=5)
parser.add_argument("--flowspec", default=os.path.join(root, ".build/release/flowspec"))
parser.add_argument("--base")
parser.add_argument("--events", default=os.path.join(os.environ.get("BENCH_WORK", "/tmp/flowspec-bench"), "bin/yaml_events"))
parser.add_argument("spec", nargs="?", default=os.path.join(root, "../shared/corpus/github/api.github.com.yaml"))
args = parser.parse_args()
for tool in [args.flowspec, args.events] + ([args.base] if args.base else []):
    if not os.access(tool, os.X_OK):
        sys.exit(f"missing {tool} (build flowspec, or run ../shared/bench/setup-peers.sh for yaml_events)")

config = os.path.join(tempfile.mkdtemp(), "all.yaml")
with open(config, "w") as f:
    f.write("extends: all\n")
lint = ["lint", "--config", config, args.spec, "--format", "json", "-o", "/dev/null"]
commands = [("yaml_events", [args.events, args.spec]), ("flowspec lint", [args.flowspec] + lint)]
if args.base:
    commands.append(("base lint", [args.base] + lint))
times = {name: [] for name, _ in commands}
# CPU time (user + system) of each run as well: on a busy machine a two-thread process gets less
# than two cores, and the wall ratio then follows the CPU ratio rather than the critical path.
cpu = {name: [] for name, _ in commands}
for _ in range(args.runs):
    for name, command in commands:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, _, usage = os.wait4(process.pid, 0)
        times[name].append(time.perf_counter() - start)
        cpu[name].append(usage.ru_utime + usage.ru_stime)
floor = statistics.median(times["yaml_events"])
cpu_floor = statistics.median(cpu["yaml_events"])
for name, _ in commands:
    median = statistics.median(times[name])
    cpu_median = statistics.median(cpu[name])
    print(
        f"{name:14s} median {median:.3f} s  min {min(times[name]):.3f} s  {median / floor:.2f}x yaml_events"
        f"  (CPU {cpu_median:.3f} s, {cpu_median / cpu_floor:.2f}x)")
if args.base:
    # The two builds side by side: on a shared machine this ratio moves less than either against libyaml.
    ratio = statistics.median(times["flowspec lint"]) / statistics.median(times["base lint"])
    print(f"flowspec lint / base lint: {ratio:.2f} (medians)")
