#!/usr/bin/env bash
# README command 2: set up, build, and run the whole test suite. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
BUILD_DIR="${GLOWSCOPE_BUILD_DIR:-build}"
# Each test uses both cores through LibTorch, so tests run one at a time.
ctest --test-dir "$BUILD_DIR" --output-on-failure --timeout 900
