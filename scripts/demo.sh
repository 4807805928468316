#!/usr/bin/env bash
# Builds libufora and runs the demo program with ufora-run.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/build.sh"
"$root/build/tools/ufora-run" "$root/examples/demo.py"
