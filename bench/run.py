#!/usr/bin/env python3
"""Runs each benchmark as libufora (ufora-run), CPython and hand-written C++ (-O3), checks
that all three print the same answer, and writes bench/RESULTS.md with the medians.

usage: bench/run.py [--ufora-run PATH] [--repeat N] [--cpython-repeat N] [NAME ...]
Times are whole-process wall-clock times (start-up and compilation included: the compile
cache is off, UFORA_CACHE=0, so every run compiles as a first run does). The workloads
are sized so that the C++ version runs for a good fraction of a second: start-up is measured
on its own, by startup.py (a typical 30-line script), against the 100 ms target.
"""
import argparse
import os
import platform
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
NAMES = ["fib", "sum_squares", "mandelbrot", "nbody", "series"]
NO_CACHE = dict(os.environ, UFORA_CACHE="0")


def timed(cmd, env=None):
    start = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - start
    if p.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{p.stderr}")
    return elapsed, p.stdout


def median_run(cmd, repeat, env=None):
    times, out = [], None
    for _ in range(repeat):
        t, o = timed(cmd, env)
        times.append(t)
        out = o
    return statistics.median(times), out


def cpu_name():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ufora-run", default=os.path.join(ROOT, "build", "tools", "ufora-run"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--cpython-repeat", type=int, default=1, help="CPython runs take minutes; 1 by default")
    ap.add_argument("names", nargs="*", default=NAMES)
    args = ap.parse_args()
    bindir = os.path.join(ROOT, "build", "bench")
    os.makedirs(bindir, exist_ok=True)
    rows = []
    for name in args.names:
        exe = os.path.join(bindir, name)
        subprocess.run(["g++", "-O3", "-ffp-contract=off", "-o", exe, os.path.join(HERE, name + ".cpp")], check=True)
        py = os.path.join(HERE, name + ".py")
        t_cpp, out_cpp = median_run([exe], args.repeat)
        t_cpy, out_cpy = median_run(["/usr/bin/python3", py], args.cpython_repeat)
        t_uf, out_uf = median_run([args.ufora_run, py], args.repeat, NO_CACHE)
        same = out_cpp == out_cpy == out_uf
        rows.append((name, t_uf, t_cpy, t_cpp, same))
        print(f"{name:12s} ufora {t_uf:7.3f}s  cpython {t_cpy:7.3f}s  c++ {t_cpp:7.3f}s  same answer: {same}")
    startup = os.path.join(HERE, "startup.py")
    s_uf, s_out_uf = median_run([args.ufora_run, startup], max(args.repeat, 5), NO_CACHE)
    s_cpy, s_out_cpy = median_run(["/usr/bin/python3", startup], max(args.repeat, 5))
    s_same = s_out_uf == s_out_cpy
    print(f"startup      ufora {s_uf:7.3f}s  cpython {s_cpy:7.3f}s  same answer: {s_same}")
    geo = lambda xs: statistics.geometric_mean(xs)
    r_cpp = geo([r[1] / r[3] for r in rows])
    r_cpy = geo([r[2] / r[1] for r in rows])
    lines = [
        "# Benchmark results",
        "",
        f"Machine: {cpu_name()}, {os.cpu_count()} cores; one thread.",
        f"Command: `python3 bench/run.py --repeat {args.repeat} --cpython-repeat {args.cpython_repeat}` (medians of",
        "whole-process runs, start-up and JIT compilation included, compile cache off; C++ built with `g++ -O3 -ffp-contract=off`).",
        "",
        "| benchmark | libufora (s) | CPython (s) | C++ -O3 (s) | libufora / C++ | CPython / libufora | same answer |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, uf, cpy, cpp, same in rows:
        lines.append(f"| {name} | {uf:.3f} | {cpy:.3f} | {cpp:.3f} | {uf / cpp:.2f} | {cpy / uf:.1f} | {'yes' if same else 'NO'} |")
    lines += ["", f"Geometric means: libufora / C++ = {r_cpp:.2f} (target <= 1.5), CPython / libufora = {r_cpy:.1f} (target >= 50).",
              "", f"Start-up (bench/startup.py, a 30-line script, median of {max(args.repeat, 5)}): libufora {s_uf * 1000:.0f} ms "
              f"(target < 100 ms), CPython {s_cpy * 1000:.0f} ms, same answer: {'yes' if s_same else 'NO'}."]
    # Keep the section bench/run_parallel.py writes.
    path = os.path.join(HERE, "RESULTS.md")
    old = open(path).read() if os.path.exists(path) else ""
    marker = "<!-- parallel results: bench/run_parallel.py -->"
    kept = "\n" + old[old.index(marker):] if marker in old else ""
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n" + kept)
    return 0 if all(r[4] for r in rows) and s_same else 1


if __name__ == "__main__":
    sys.exit(main())
