#!/usr/bin/env bash
# The compile cache end to end: a second run loads every module instead of compiling it and
# prints the same bytes; damaged files are compiled again; UFORA_CACHE=0 writes nothing;
# identical kernels in one process share one copy of their code. Also UFORA_PERF_MAP=1, which
# names the compiled code for perf.
set -u
ufora_run=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
cat > "$tmp/prog.py" <<'PY'
def total(xs, c):
    return sum(x * x for x in xs if x % 7 == c)

def scaled(xs, k):
    return [x * k for x in xs]

xs = list(range(100000))
print(total(xs, 3), total(xs, 5))
# Two comprehensions of one shape over other lists: one kernel's code serves both.
a = [x + 1.5 for x in scaled(xs, 2)]
b = [y + 1.5 for y in scaled(xs, 3)]
print(sum(a), sum(b), a[-1], b[-1])
print([f"{v:.3f}" for v in (1 / 3, 2 / 3)])
PY
expected=$(python3 "$tmp/prog.py")
run() {  # run LABEL [ENV...]: the output must be CPython's; the --stats line goes to $tmp/LABEL
  local label=$1; shift
  local out
  out=$(env UFORA_CACHE_DIR="$tmp/cache" "$@" "$ufora_run" --stats "$tmp/prog.py" 2> "$tmp/$label")
  if [ "$out" != "$expected" ]; then
    echo "FAIL $label: printed"; echo "$out"; echo "instead of"; echo "$expected"; status=1
  fi
}
counts() { grep -o "[0-9]* compiled, [0-9]* from the compile cache, [0-9]* identical to another" "$tmp/$1"; }
check() {  # check LABEL PATTERN
  if ! counts "$1" | grep -qE "$2"; then
    echo "FAIL $1: expected /$2/, --stats said:"; cat "$tmp/$1"; status=1
  else
    echo "ok $1: $(counts "$1")"
  fi
}
run cold
check cold "^[1-9][0-9]* compiled, 0 from the compile cache, [1-9][0-9]* identical"
run warm
check warm "^0 compiled, [1-9][0-9]* from the compile cache"
# A damaged file (a byte changed, a file cut short) is not trusted: that module compiles again.
files=("$tmp"/cache/*.uobj)
printf '!' | dd of="${files[0]}" bs=1 seek=100 conv=notrunc status=none
truncate -s -7 "${files[1]}"
run damaged
check damaged "^2 compiled, [1-9][0-9]* from the compile cache"
run repaired
check repaired "^0 compiled"
# Off: nothing written.
rm -rf "$tmp/cache"
run off UFORA_CACHE=0
check off "^[1-9][0-9]* compiled, 0 from the compile cache"
if [ -n "$(ls -A "$tmp/cache" 2>/dev/null)" ]; then echo "FAIL off: wrote $(ls "$tmp/cache")"; status=1; fi
# A directory that others may write is not used (code would be loaded from it).
mkdir -p "$tmp/cache" && chmod 777 "$tmp/cache"
run shared_dir
run shared_dir_again
check shared_dir_again "^[1-9][0-9]* compiled, 0 from the compile cache"
# UFORA_PERF_MAP=1: every compiled function, internal parts included, gets a line.
env UFORA_CACHE_DIR="$tmp/cache" UFORA_PERF_MAP=1 "$ufora_run" "$tmp/prog.py" > /dev/null &
pid=$!
wait $pid
map=/tmp/perf-$pid.map
if ! grep -qE "^[0-9a-f]+ [0-9a-f]+ kernel[0-9]+_entry$" "$map" || ! grep -qE "^[0-9a-f]+ [0-9a-f]+ part[0-9]+$" "$map"; then
  echo "FAIL perf map: $map holds"; cat "$map" 2>/dev/null | head; status=1
else
  echo "ok perf map: $(wc -l < "$map") functions"
fi
rm -f "$map"
exit $status
