#!/usr/bin/env bash
# Parallel answers do not depend on the thread count: every program in test/parallel/ must
# print the same bytes under UFORA_THREADS=1, 2, 3 and 8 and under UFORA_SPLIT_ALWAYS=1
# (split at every opportunity). Programs marked "# SAME AS CPYTHON" must also print what
# /usr/bin/python3 prints, with parallel code and without it (UFORA_NO_PARALLEL=1).
set -u
ufora_run=$1
dir=$(cd "$(dirname "$0")/parallel" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
for prog in "$dir"/*.py; do
  name=$(basename "$prog" .py)
  runs=""
  for threads in 1 2 3 8; do
    UFORA_THREADS=$threads "$ufora_run" "$prog" > "$tmp/$name.$threads" 2>&1
    runs="$runs $threads"
  done
  UFORA_THREADS=3 UFORA_SPLIT_ALWAYS=1 "$ufora_run" "$prog" > "$tmp/$name.split" 2>&1
  for other in 2 3 8 split; do
    if ! cmp -s "$tmp/$name.1" "$tmp/$name.$other"; then
      echo "FAIL $name: UFORA_THREADS=1 and $other differ"
      diff "$tmp/$name.1" "$tmp/$name.$other" | head -10
      status=1
    fi
  done
  if grep -q "^# SAME AS CPYTHON" "$prog"; then
    /usr/bin/python3 "$prog" > "$tmp/$name.cpython" 2>&1
    if ! cmp -s "$tmp/$name.cpython" "$tmp/$name.1"; then
      echo "FAIL $name: differs from CPython"
      status=1
    fi
    # Kernels compiled without parallel code (the 1-thread baseline) give the same answers.
    UFORA_THREADS=1 UFORA_NO_PARALLEL=1 "$ufora_run" "$prog" > "$tmp/$name.off" 2>&1
    if ! cmp -s "$tmp/$name.cpython" "$tmp/$name.off"; then
      echo "FAIL $name: differs from CPython under UFORA_NO_PARALLEL=1"
      diff "$tmp/$name.cpython" "$tmp/$name.off" | head -10
      status=1
    fi
  fi
  [ $status -eq 0 ] && echo "ok $name"
done
# --stats reports the threads and their work on stderr; --progress stays quiet off a terminal.
"$ufora_run" --stats --threads 2 "$dir/reductions.py" > /dev/null 2> "$tmp/stats"
if ! grep -q "^ufora: 2 threads, [0-9]* tasks" "$tmp/stats" || ! grep -q "^ufora:   worker 1 busy" "$tmp/stats" ||
   ! grep -q "^ufora:   [1-9][0-9]* modules ([1-9][0-9]* optimised) in [0-9.]* s: [0-9]* compiled, [0-9]* from the compile cache, [0-9]* identical to another" "$tmp/stats"; then
  echo "FAIL --stats printed:"; cat "$tmp/stats"; status=1
fi
# Filtered reductions asked for several keys are answered by keyed passes (keyed_reductions.py
# checks the answers; this checks that the keyed passes ran).
# Only a cheap element follows the filter of a keyed reduction: the keyed pass computes it for
# every key, asked for or not, so a nested loop or a call there keeps the plain passes. A
# filter `key == c and more` is keyed; `key == c or more` is not a filter on the key.
cat > "$tmp/keyed_shapes.py" <<'PY'
def cheap(xs, k): return [sum(xs[i] * 2 for i in range(len(xs)) if xs[i] == c) for c in range(k)]
def nested(xs, w, k): return [sum(j for i in range(len(xs)) if xs[i] == c for j in range(w[i])) for c in range(k)]
def call(xs, k): return [sum(abs(xs[i]) for i in range(len(xs)) if xs[i] == c) for c in range(k)]
print(cheap([0, 1, 1], 2), nested([0, 1, 1], [2, 3, 4], 2), call([0, 1, 1], 2))
def both(xs, k): return [sum(xs[i] for i in range(len(xs)) if xs[i] == c and i > 0) for c in range(k)]
def either(xs, k): return [sum(xs[i] for i in range(len(xs)) if xs[i] == c or i > 0) for c in range(k)]
print(both([0, 1, 1], 2), either([0, 1, 1], 2))
PY
UFORA_DUMP=parallel "$ufora_run" "$tmp/keyed_shapes.py" > "$tmp/keyed_shapes.out" 2> "$tmp/keyed_shapes.why"
if ! grep -q "^\[0, 4\] \[1, 9\] \[0, 2\]$" "$tmp/keyed_shapes.out" || ! grep -q "^\[0, 2\] \[2, 2\]$" "$tmp/keyed_shapes.out" ||
   ! grep -q "keyed_shapes.py:1: sum(...) filtered by .== c." "$tmp/keyed_shapes.why" ||
   ! grep -q "keyed_shapes.py:5: sum(...) filtered by .== c." "$tmp/keyed_shapes.why" ||
   grep -q "keyed_shapes.py:[236]: .*filtered by" "$tmp/keyed_shapes.why"; then
  echo "FAIL keyed shapes:"; cat "$tmp/keyed_shapes.out" "$tmp/keyed_shapes.why"; status=1
fi
for off in 0 1; do
  UFORA_NO_PARALLEL=$off "$ufora_run" --stats "$dir/keyed_reductions.py" > /dev/null 2> "$tmp/keyed"
  if ! grep -q "^ufora:   [0-9]* filtered reductions answered by [1-9][0-9]* keyed passes" "$tmp/keyed"; then
    echo "FAIL no keyed pass ran (UFORA_NO_PARALLEL=$off):"; cat "$tmp/keyed"; status=1
  fi
done
"$ufora_run" --progress "$dir/fallbacks.py" > /dev/null 2> "$tmp/progress"
if [ -s "$tmp/progress" ]; then echo "FAIL --progress wrote to a stderr that is not a terminal"; status=1; fi
# UFORA_DUMP=parallel names the line and the reason of what stays sequential.
cat > "$tmp/why.py" <<'PY'
def pairs(xs):
    return sum(x * y for x, y in zip(xs, xs))
def words(xs):
    return sum(len(x) for x in xs)
def running(xs):
    s = 0.0
    for x in xs:
        s += x
        if s > 1.0:
            s = 0.0
    return s
def first(xs):
    s = 0.0
    for x in xs:
        if x > 1.0:
            break
        s += x
    return s
print(pairs([1.0, 2.0]), words(["ab"]), running([0.5]), first([0.5]))
print(any(i * i > 50 for i in range(10)))
def shout(xs):
    return [x.upper() for x in xs]
print(shout(["a"]))
def halves(xs):
    if len(xs) <= 1:
        return [len(xs) == 1]
    mid = len(xs) // 2
    return halves(xs[:mid]) + halves(xs[mid:])
print(halves([3, 1, 2]))
def extend(xs, n):
    out = xs
    for i in range(n):
        out = out + [i * 2]
    return out
print(extend([1], 3))
PY
UFORA_DUMP=parallel "$ufora_run" "$tmp/why.py" > /dev/null 2> "$tmp/why"
if grep -q "why.py:2:" "$tmp/why" ||  # zip splits like the rest
   ! grep -q "why.py:20: any(...) in <module> runs sequentially: .* move the work into a function" "$tmp/why" ||
   ! grep -q "why.py:4: words.<locals>.<genexpr> is consumed sequentially: it loops over a list or tuple that does not hold only numbers" "$tmp/why" ||
   ! grep -q "why.py:9: the for loop in running runs sequentially: .s. is read inside the loop other than in its own update" "$tmp/why" ||
   ! grep -q "why.py:16: the for loop in first runs sequentially: .break. leaves the loop" "$tmp/why" ||
   ! grep -q "why.py:22: shout.<locals>.<listcomp> builds its list sequentially: it loops over a list or tuple that does not hold only numbers" "$tmp/why" ||
   ! grep -q "why.py:28: the recursive calls of halves run one after the other: halves is not a numeric kernel (halves: a list display of other than ints or floats at line 26)" "$tmp/why" ||
   ! grep -q "why.py:32: the for loop in extend runs sequentially: .out. is a list.int. grown by +; .* (.out = \[\].)" "$tmp/why"; then
  echo "FAIL UFORA_DUMP=parallel printed:"; cat "$tmp/why"; status=1
fi
# A loop built as a comprehension keeps its frame: the error's line is the loop's, no <listcomp>.
cat > "$tmp/appends.py" <<'PY'
def inv(x):
    return 10 // x
def invs(xs):
    out = []
    for x in xs:
        if x >= 0:
            out = out + [
                inv(x)]
    return out
print(invs([2, 0]))
PY
UFORA_DUMP=parallel "$ufora_run" "$tmp/appends.py" > /dev/null 2> "$tmp/appends"
if ! grep -q 'appends.py:5: the for loop in invs that appends to .out. is built as a list comprehension' "$tmp/appends" ||
   ! grep -q 'line 8, in invs' "$tmp/appends" || grep -q 'listcomp' "$tmp/appends" || ! grep -q 'line 2, in inv' "$tmp/appends"; then
  echo "FAIL the traceback of an error in a loop built as a comprehension:"; cat "$tmp/appends"; status=1
fi
exit $status
