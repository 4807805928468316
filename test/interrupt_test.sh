#!/usr/bin/env bash
# Ctrl-C (SIGINT) stops a running program with a KeyboardInterrupt traceback and status 130,
# whether it is in boxed code, in a typed kernel's loop (also one whose filter never passes,
# or whose back edge is a `continue`), or in a loop without calls.
set -u
ufora_run=$1
dir=$(mktemp -d)
# Removed at the end, not by an EXIT trap: a watchdog subshell killed right after its fork
# may still hold the trap and run it, deleting the folder under the next program.
cat > "$dir/calls.py" <<'PY'
def step(n):
    return (n * 7 + 1) % 1000003
n = 1
while True:
    n = step(n)
PY
cat > "$dir/kernel.py" <<'PY'
def spin(n):
    total = 0
    for i in range(n):
        total = (total + i) % 7
    return total
print(spin(10 ** 18))
PY
cat > "$dir/filtered.py" <<'PY'
def none_pass(n, m):
    return sum(1 for i in range(n) if i == m)
print(none_pass(10 ** 18, -5))
PY
cat > "$dir/continues.py" <<'PY'
def skip(n):
    total = 0
    i = 0
    while i < n:
        i = i + 1
        if i > 0:
            continue
        total = total + i
    return total
print(skip(10 ** 18))
PY
cat > "$dir/plain.py" <<'PY'
x = [1]
while True:
    x = x[:1]
PY
status=0
for prog in calls kernel filtered continues plain; do
  "$ufora_run" "$dir/$prog.py" > "$dir/out" 2> "$dir/err" &
  pid=$!
  sleep 1.5
  if ! kill -0 "$pid" 2>/dev/null; then echo "FAIL $prog: ended before the interrupt"; status=1; continue; fi
  kill -INT "$pid"
  ( sleep 10; kill -KILL "$pid" 2>/dev/null ) >/dev/null 2>&1 &
  watchdog=$!
  wait "$pid"
  rc=$?
  kill "$watchdog" 2>/dev/null
  if [ "$rc" -ne 130 ] || ! grep -q "^KeyboardInterrupt" "$dir/err"; then
    echo "FAIL $prog: exit $rc, stderr:"; cat "$dir/err"
    status=1
  else
    echo "ok $prog: exit 130 with a KeyboardInterrupt traceback"
  fi
done
rm -rf "$dir"
exit $status
