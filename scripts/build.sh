#!/usr/bin/env bash
# Configures and builds Glowscope (Release) into ./build. Used by the two README commands.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${GLOWSCOPE_BUILD_DIR:-build}"
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build "$BUILD_DIR" --parallel "$(nproc)"
