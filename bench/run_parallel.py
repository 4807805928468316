#!/usr/bin/env python3
"""Parallel benchmarks (bench/parallel/): libufora at 1 and 2 threads and with parallel code
switched off (UFORA_NO_PARALLEL=1), against a C++ -O3 OpenMP reference at 2 threads. Checks
that every run prints the same answer and writes the "Parallel" section of bench/RESULTS.md.

libufora runs as a script's second run does: with its compile cache warm (a cache of this
script's own, emptied at the start; one untimed run fills it), as the OpenMP binary is
compiled before it is timed. The "2 threads, compiling" column is the first run's case
(UFORA_CACHE=0): compile time included.

usage: bench/run_parallel.py [--ufora-run PATH] [--repeat N] [NAME ...]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
NAMES = ["mandelbrot", "montecarlo_pi", "fib", "covariance", "kmeans", "dot_loop"]
BEGIN, END = "<!-- parallel results: bench/run_parallel.py -->", "<!-- end of parallel results -->"


def run(cmd, env_extra, repeat, warm_up=False):
    env = dict(os.environ, **env_extra)
    times, out = [], None
    if warm_up:
        subprocess.run(cmd, capture_output=True, env=env)
    for _ in range(repeat):
        start = time.perf_counter()
        p = subprocess.run(cmd, capture_output=True, text=True, env=env)
        times.append(time.perf_counter() - start)
        if p.returncode != 0:
            sys.exit(f"{' '.join(cmd)} failed:\n{p.stderr}")
        out = p.stdout
    return statistics.median(times), out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ufora-run", default=os.path.join(ROOT, "build", "tools", "ufora-run"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("names", nargs="*", default=NAMES)
    args = ap.parse_args()
    bindir = os.path.join(ROOT, "build", "bench")
    os.makedirs(bindir, exist_ok=True)
    cache = {"UFORA_CACHE_DIR": os.path.join(bindir, "compile-cache")}
    shutil.rmtree(cache["UFORA_CACHE_DIR"], ignore_errors=True)
    rows = []
    for name in args.names:
        exe = os.path.join(bindir, "parallel_" + name)
        src = os.path.join(HERE, "parallel", name)
        subprocess.run(["g++", "-O3", "-ffp-contract=off", "-fopenmp", "-o", exe, src + ".cpp"], check=True)
        py = src + ".py"
        t_omp, o_omp = run([exe], {"OMP_NUM_THREADS": "2"}, args.repeat)
        t_off, o_off = run([args.ufora_run, py], dict(cache, UFORA_THREADS="1", UFORA_NO_PARALLEL="1"), args.repeat, True)
        t1, o1 = run([args.ufora_run, py], dict(cache, UFORA_THREADS="1"), args.repeat, True)
        t2, o2 = run([args.ufora_run, py], dict(cache, UFORA_THREADS="2"), args.repeat, True)
        t2c, o2c = run([args.ufora_run, py], {"UFORA_THREADS": "2", "UFORA_CACHE": "0"}, args.repeat)
        same = o_omp == o_off == o1 == o2 == o2c
        rows.append((name, t_off, t1, t2, t_omp, same, t2c))
        print(f"{name:14s} off {t_off:6.3f}s  1 thread {t1:6.3f}s  2 threads {t2:6.3f}s  OpenMP(2) {t_omp:6.3f}s  "
              f"2 threads compiling {t2c:6.3f}s  same: {same}")
    geo = statistics.geometric_mean
    lines = [BEGIN, "## Parallel (bench/parallel/)", "",
             f"Command: `python3 bench/run_parallel.py --repeat {args.repeat}` (medians of whole-process runs; "
             "OpenMP references built with `g++ -O3 -ffp-contract=off -fopenmp`, run with OMP_NUM_THREADS=2). "
             "libufora's compile cache is warm, as on a script's second run (the OpenMP binary too is compiled "
             "before it runs); the last columns are the first run's case, compiling (UFORA_CACHE=0).", "",
             "| benchmark | parallel off (s) | 1 thread (s) | 2 threads (s) | OpenMP 2 threads (s) | speed-up 1->2 | 2 threads / OpenMP | 1-thread overhead | same answer | 2 threads, compiling (s) | compiling / OpenMP |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for name, off, t1, t2, omp, same, t2c in rows:
        lines.append(f"| {name} | {off:.3f} | {t1:.3f} | {t2:.3f} | {omp:.3f} | {t1 / t2:.2f} | {t2 / omp:.2f} | "
                     f"{(t1 / off - 1) * 100:+.1f} % | {'yes' if same else 'NO'} | {t2c:.3f} | {t2c / omp:.2f} |")
    lines += ["", f"Geometric means: speed-up {geo([r[2] / r[3] for r in rows]):.2f} (target >= 1.8), "
              f"2 threads / OpenMP {geo([r[3] / r[4] for r in rows]):.2f} (target <= 1.3), "
              f"1-thread overhead {(geo([r[2] / r[1] for r in rows]) - 1) * 100:+.1f} % (target <= 3 %); "
              f"compiling, 2 threads / OpenMP {geo([r[6] / r[4] for r in rows]):.2f}.", END]
    path = os.path.join(HERE, "RESULTS.md")
    text = open(path).read() if os.path.exists(path) else ""
    if BEGIN in text:
        text = text[:text.index(BEGIN)] + "\n".join(lines) + text[text.index(END) + len(END):]
    else:
        text = text.rstrip("\n") + "\n\n" + "\n".join(lines) + "\n"
    open(path, "w").write(text)
    return 0 if all(r[5] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
