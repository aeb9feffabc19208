#!/usr/bin/env bash
# Builds the Debian package from a clean build folder and checks it:
#   1. configure and build (Release, prefix /usr) in a fresh folder, `cpack -G DEB`;
#   2. desktop-file-validate, appstreamcli validate --no-net, lintian (no errors allowed);
#   3. the package's control fields and file list;
#   4. the install test (ctest label `packaging`) on the package extracted into a temporary root;
#   5. as root: a real `dpkg -i`, the installed programs, the same test against the system,
#      `dpkg -r`, and a check that none of the package's files is left behind.
# Exits non-zero on the first failure. Build folder: $GLOWSCOPE_PACKAGE_BUILD_DIR (default
# build-package). Run after scripts/setup.sh (README).
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\n[package] %s\n' "$*"; }
fail() { printf '[package] FAILED: %s\n' "$*" >&2; exit 1; }

BUILD_DIR="${GLOWSCOPE_PACKAGE_BUILD_DIR:-build-package}"
# The validators and the tools of the install test (Debian packages, not needed to build).
TOOLS=(desktop-file-utils appstream lintian man-db shared-mime-info dpkg-dev xdg-utils
  libfile-mimeinfo-perl)

install_tools() {
  local missing=() p
  for p in "${TOOLS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    fail "missing tools; install them as root: apt-get install --no-install-recommends ${missing[*]}"
  fi
  say "installing the checking tools: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build_package() {
  say "clean build in $BUILD_DIR"
  rm -rf "$BUILD_DIR"
  export CCACHE_BASEDIR="$PWD"
  # Prefix /usr: the manual pages name the installed paths. Full RELRO (-z relro -z now) for the
  # binaries; linker flags only, so ccache still serves the objects of other builds. What the
  # package installs and its two tests are built; the rest of the suite is not needed here
  # (CMAKE_SKIP_INSTALL_ALL_DEPENDENCY: cpack does not build `all` first).
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
    -DGLOWSCOPE_BUILD_BENCH=OFF -DCMAKE_SKIP_INSTALL_ALL_DEPENDENCY=ON \
    -DCMAKE_EXE_LINKER_FLAGS="-Wl,-z,relro -Wl,-z,now"
  cmake --build "$BUILD_DIR" --parallel "$(nproc)" --target glowscope glowscope-cli \
    glowscope_desktop_integration tst_cli_docs tst_installed_package
  (cd "$BUILD_DIR" && cpack -G DEB)
  DEB=$(find "$BUILD_DIR" -maxdepth 1 -name 'glowscope_*.deb' -print -quit)
  [ -n "$DEB" ] || fail "cpack wrote no glowscope_*.deb"
  say "package: $DEB"
}

validate() {
  local extracted="$BUILD_DIR/package-checks/root" desktop metainfo
  rm -rf "$extracted" && mkdir -p "$extracted"
  dpkg-deb -x "$DEB" "$extracted"
  desktop=$(find "$extracted/usr/share/applications" -name '*.desktop')
  metainfo=$(find "$extracted/usr/share/metainfo" -name '*.metainfo.xml')
  say "desktop-file-validate ${desktop#"$extracted"}"
  desktop-file-validate "$desktop" || fail "desktop-file-validate"
  echo "(no output: valid)"
  say "appstreamcli validate --no-net ${metainfo#"$extracted"}"
  appstreamcli validate --no-net --pedantic "$metainfo" || fail "appstreamcli validate"
  say "lintian $(basename "$DEB")"
  lintian --fail-on error --display-info --display-experimental --pedantic "$DEB" ||
    fail "lintian found errors"
  echo "(lintian done)"
}

show_package() {
  say "control fields"
  dpkg-deb --field "$DEB"
  say "files"
  dpkg-deb --contents "$DEB" | awk '{print $1, $3, $6, $7, $8}'
  local outside
  outside=$(dpkg-deb --contents "$DEB" | awk '$6 != "./" && $6 !~ /^\.\/usr\// {print $6}')
  [ -z "$outside" ] || fail "installs outside /usr: $outside"
}

# Files (not folders) the package ships, and its folders, with their installed paths.
package_files() { dpkg-deb --contents "$DEB" | awk '$1 !~ /^d/ {sub(/^\./, "", $6); print $6}'; }
package_dirs() {
  dpkg-deb --contents "$DEB" | awk '$1 ~ /^d/ {sub(/^\./, "", $6); sub(/\/$/, "", $6); print $6}'
}

install_and_remove() {
  local checks="$BUILD_DIR/package-checks" project left=()
  say "dpkg -i $(basename "$DEB")"
  dpkg -i "$DEB"
  say "installed programs"
  (set -x
    command -v glowscope glowscope-cli
    glowscope-cli --version
    glowscope-cli info
    env -u DISPLAY -u WAYLAND_DISPLAY glowscope --version
    man -P cat glowscope | head -n 12
    man -P cat glowscope-cli | grep -A3 'glowscope-cli train \[options\]')
  project="$checks/study/glowscope-project.json"
  mkdir -p "$(dirname "$project")"
  printf '{"format": "glowscope-project", "version": 1, "name": "study"}\n' > "$project"
  (set -x
    xdg-mime query filetype "$project"
    xdg-mime query default application/x-glowscope-project)
  [ "$(xdg-mime query filetype "$project")" = application/x-glowscope-project ] ||
    fail "the installed MIME type does not match $project"
  say "install test against the installed system"
  GLOWSCOPE_INSTALLED_ROOT=/ GLOWSCOPE_KEEP_SCREENSHOT="$PWD/$checks/installed-de.png" \
    ctest --test-dir "$BUILD_DIR" -R tst_installed_package --output-on-failure
  say "dpkg -r glowscope"
  dpkg -r glowscope
  while read -r file; do
    [ -e "$file" ] || [ -L "$file" ] && left+=("$file")
  done < <(package_files)
  # Its folders: gone, or kept because other packages' files are in them (dpkg -S names one).
  while read -r dir; do
    [ -d "$dir" ] || continue
    if [[ $dir == *glowscope* ]] || ! dpkg -S "$dir" >/dev/null 2>&1; then left+=("$dir/"); fi
  done < <(package_dirs)
  [ ${#left[@]} -eq 0 ] || fail "left behind after dpkg -r: ${left[*]}"
  grep -q glowscope /usr/share/mime/globs2 && fail "the MIME database still knows glowscope"
  dpkg-query -W -f='${Status}\n' glowscope 2>/dev/null | grep -q 'install ok installed' &&
    fail "dpkg still lists glowscope as installed"
  echo "no file or folder of the package is left; the MIME database no longer lists its type"
}

install_tools
build_package
validate
show_package
say "install test in a temporary root (ctest -L packaging)"
ctest --test-dir "$BUILD_DIR" -L packaging --output-on-failure
if [ "$(id -u)" -eq 0 ]; then
  install_and_remove
else
  say "not root: the real dpkg -i / dpkg -r check is skipped (the temporary-root test ran)"
fi
say "done: $DEB"
