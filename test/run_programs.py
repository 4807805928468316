#!/usr/bin/env python3
"""Runs every test/programs/**/*.py under CPython (the oracle) and under ufora-run and
compares them: stdout byte for byte and the exit status; for a program that fails, also the
type of the exception (the last line of stderr up to the colon). Programs whose first line is
a comment `# REJECT <line>` must be refused by ufora-run before running (no traceback), with
stderr naming that line.

usage: run_programs.py UFORA_RUN [PROGRAM_OR_DIR ...]
"""
import os
import re
import subprocess
import sys

ORACLE = "/usr/bin/python3"
HERE = os.path.dirname(os.path.abspath(__file__))


def run(cmd, path, env=None):
    try:
        p = subprocess.run(cmd + [path], cwd=os.path.dirname(path), capture_output=True,
                           stdin=subprocess.DEVNULL, timeout=60, env=env)
    except subprocess.TimeoutExpired:
        return None
    return p


def exception_type(stderr):
    lines = [l for l in stderr.decode(errors="replace").splitlines() if l.strip()]
    if not lines:
        return ""
    return lines[-1].split(":")[0].strip()


def check(ufora, path):
    name = os.path.relpath(path, HERE)
    src = open(path, encoding="utf-8").read()
    m = re.match(r"#\s*REJECT\s+(\d+)", src)
    got = run([ufora], path)
    if got is None:
        return f"{name}: ufora-run timed out"
    if m:
        line = m.group(1)
        err = got.stderr.decode(errors="replace")
        if got.returncode == 0:
            return f"{name}: expected a refusal naming line {line}, but it ran"
        if "Traceback (most recent call last)" in err:
            return f"{name}: expected a refusal naming line {line}, but it failed at run time:\n{err}"
        if not re.search(rf"(line {line}\b|:{line}:)", err):
            return f"{name}: refused, but the report does not name line {line}:\n{err}"
        return None
    want = run([ORACLE], path)
    if want is None:
        return f"{name}: CPython timed out"
    problems = []
    if got.stdout != want.stdout:
        problems.append("stdout differs:\n--- cpython\n" + want.stdout.decode(errors="replace")[-2000:] +
                        "\n--- ufora\n" + got.stdout.decode(errors="replace")[-2000:])
    if (got.returncode == 0) != (want.returncode == 0):
        problems.append(f"exit status {got.returncode}, CPython {want.returncode}\n" + got.stderr.decode(errors="replace")[-2000:])
    elif want.returncode != 0 and exception_type(got.stderr) != exception_type(want.stderr):
        problems.append(f"exception {exception_type(got.stderr)!r}, CPython {exception_type(want.stderr)!r}")
    return f"{name}: " + "\n".join(problems) if problems else None


def main():
    ufora = os.path.abspath(sys.argv[1])
    targets = sys.argv[2:] or [os.path.join(HERE, "programs")]
    files = []
    for t in targets:
        if os.path.isdir(t):
            for d, _, fs in os.walk(os.path.abspath(t)):
                files += [os.path.join(d, f) for f in fs if f.endswith(".py")]
        else:
            files.append(os.path.abspath(t))
    failures = [r for r in (check(ufora, f) for f in sorted(files)) if r]
    for f in failures:
        print("FAIL", f)
    print(f"{len(files) - len(failures)} passed, {len(failures)} failed")
    return 1 if failures or not files else 0


if __name__ == "__main__":
    sys.exit(main())
