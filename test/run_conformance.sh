#!/usr/bin/env bash
# The shared conformance corpus (every group but numpy), when ../shared/conformance exists.
# Exit 77 (reported by ctest as skipped) in a user's clone, which has no ../shared.
set -u
ufora_run=$1
corpus=$2
if [ ! -f "$corpus/run.py" ]; then
  echo "conformance corpus not found at $corpus: skipped"
  exit 77
fi
groups=$(cd "$corpus" && ls -d */ | tr -d / | grep -v '^numpy$')
exec python3 "$corpus/run.py" --cmd "$ufora_run {file}" --timeout 30 --jobs 2 $groups
