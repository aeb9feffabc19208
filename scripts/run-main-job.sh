#!/usr/bin/env bash
# README command 1: set up, build, and run the main job (the default experiment on the embedded
# real data: Fashion-MNIST vs MNIST with a general model on photo crops).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
BUILD_DIR="${GLOWSCOPE_BUILD_DIR:-build}"
exec "$BUILD_DIR/app/glowscope-cli" demo "$@"
