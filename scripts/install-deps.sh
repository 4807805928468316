#!/usr/bin/env bash
# Installs the Debian 12 packages libufora builds against; does nothing when they are present.
set -euo pipefail

packages=(
  cmake ninja-build g++ python3 python3-dev
  llvm-19-dev zlib1g-dev libzstd-dev libedit-dev
  libboost-dev libboost-context-dev libboost-serialization-dev
  libopenmpi-dev openmpi-bin catch2
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "installing: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
