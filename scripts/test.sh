#!/usr/bin/env bash
# Builds libufora and runs the whole test suite (unit tests, Python programs checked against
# CPython, the examples, and the shared conformance corpus when ../shared exists).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/build.sh" "$@"
cd "$root/build"
ctest --output-on-failure -j "$(nproc)"
