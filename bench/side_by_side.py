#!/usr/bin/python3
"""Glowscope against the authors' PyTorch code on this machine, alternating the two programs.

Usage (one command, from the repository root, after scripts/build.sh):
  /usr/bin/python3 bench/side_by_side.py AUTHORS_CHECKOUT [--build build] [--repeats 3]
      [--steps 8] [--score-batches 16] [--threads 1,2] [--modes train,outlier,score]

AUTHORS_CHECKOUT is a checkout of github.com/boschresearch/hierarchical_anomaly_detection (AGPL:
keep it outside this repository); bench/authors_glow.py says how to get it and needs Debian's
python3-torch. For each repeat, each mode (training step with the likelihood loss, with the
outlier loss, scoring at batch 64) and each thread count, it runs build/bench/glow_step and
bench/authors_glow.py one after the other in a fresh process each, swapping which goes first on
every repeat, and records the 1-minute load average before each run. It prints the medians, the
ratio of the medians (with the range of the per-repeat ratios), the load, and this machine's
oneDNN convolution throughput on the model's convolution shapes (glow_step --mode conv) against
the GFLOP/s the training steps reach. The model is the small conv preset: 1x32x32, 3 scales,
K=8, hidden 128, batch 64, Adamax.
"""
import argparse
import datetime
import os
import platform
import re
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def cpu_model():
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def run(command, timeout=1800):
    result = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    if result.returncode != 0:
        sys.exit(f"side_by_side: {' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def figure(output, key):
    match = re.search(rf"{key}=([0-9.]+)", output)
    if not match:
        sys.exit(f"side_by_side: no {key} in:\n{output}")
    return float(match.group(1))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("authors", help="checkout of the authors' code (folder with invglow/)")
    parser.add_argument("--build", default="build", help="Glowscope build folder")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--steps", type=int, default=8, help="timed training steps per run")
    parser.add_argument("--score-batches", type=int, default=16, help="timed batches of 64")
    parser.add_argument("--threads", default="1,2")
    parser.add_argument("--modes", default="train,outlier,score")
    parser.add_argument("--python", default="/usr/bin/python3",
                        help="interpreter with Debian's python3-torch")
    args = parser.parse_args()
    ours_binary = os.path.join(args.build, "bench", "glow_step")
    if not os.path.exists(ours_binary):
        sys.exit(f"side_by_side: {ours_binary} is missing; build first (scripts/build.sh)")
    threads = [int(t) for t in args.threads.split(",")]
    modes = args.modes.split(",")

    def commands(mode, thread_count):
        steps = args.score_batches if mode == "score" else args.steps
        common = ["--mode", mode, "--threads", str(thread_count), "--steps", str(steps)]
        return ([ours_binary] + common,
                [args.python, os.path.join(HERE, "authors_glow.py"), args.authors] + common)

    results = {}  # (mode, threads) -> {"ours": [...], "authors": [...], "gflops": [...]}
    loads = []
    conv = {t: [] for t in threads}
    print(f"side_by_side: {datetime.datetime.now():%Y-%m-%d %H:%M}, {cpu_model()}, "
          f"{os.cpu_count()} logical CPUs, {args.repeats} repeats", flush=True)
    for repeat in range(args.repeats):
        for mode in modes:
            for thread_count in threads:
                ours, authors = commands(mode, thread_count)
                entry = results.setdefault((mode, thread_count),
                                           {"ours": [], "authors": [], "gflops": []})
                order = [("ours", ours), ("authors", authors)]
                if repeat % 2 == 1:
                    order.reverse()
                for name, command in order:
                    loads.append(os.getloadavg()[0])
                    output = run(command)
                    entry[name].append(figure(output, "images_per_second"))
                    if name == "ours":
                        entry["gflops"].append(figure(output, "gflops_per_second"))
                print(f"  repeat {repeat + 1}: {mode:7s} {thread_count} thread(s): Glowscope "
                      f"{entry['ours'][-1]:7.1f}  authors {entry['authors'][-1]:7.1f} img/s  "
                      f"(load {loads[-1]:.2f})", flush=True)
        for thread_count in threads:
            loads.append(os.getloadavg()[0])
            output = run([ours_binary, "--mode", "conv", "--threads", str(thread_count)])
            conv[thread_count].append(figure(output, "conv_gflops_per_second"))

    print()
    print(f"1-minute load average before the runs: min {min(loads):.2f}, median "
          f"{statistics.median(loads):.2f}, max {max(loads):.2f} ({os.cpu_count()} CPUs)")
    print()
    print("| step (batch 64) | threads | Glowscope img/s | authors img/s | ratio (range) |")
    print("|---|---:|---:|---:|---:|")
    names = {"train": "train, likelihood", "outlier": "train, + outlier loss",
             "score": "score log p + c_i"}
    for (mode, thread_count), entry in results.items():
        ours, authors = statistics.median(entry["ours"]), statistics.median(entry["authors"])
        ratios = [o / a for o, a in zip(entry["ours"], entry["authors"])]
        print(f"| {names.get(mode, mode)} | {thread_count} | {ours:.1f} | {authors:.1f} | "
              f"{ours / authors:.2f}x ({min(ratios):.2f}-{max(ratios):.2f}) |")
    print()
    print("| threads | oneDNN conv GFLOP/s (model's shapes) | step | step GFLOP/s | share |")
    print("|---:|---:|---|---:|---:|")
    for thread_count in threads:
        peak = statistics.median(conv[thread_count])
        for mode in modes:
            if mode == "score" or (mode, thread_count) not in results:
                continue
            achieved = statistics.median(results[(mode, thread_count)]["gflops"])
            print(f"| {thread_count} | {peak:.1f} | {names[mode]} | {achieved:.1f} | "
                  f"{100 * achieved / peak:.0f}% |")


if __name__ == "__main__":
    main()
