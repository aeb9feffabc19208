#!/usr/bin/env bash
# Configures and builds Glowscope (Release) into ./build. Used by the two README commands.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${GLOWSCOPE_BUILD_DIR:-build}"
# ccache hashes include paths; with the checkout as base dir they become relative, so a fresh
# clone elsewhere (CI) reuses what an earlier build compiled.
export CCACHE_BASEDIR="$PWD"
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build "$BUILD_DIR" --parallel "$(nproc)"
