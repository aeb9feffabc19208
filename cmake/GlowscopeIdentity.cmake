# What names and places the application and its package share (packaging/CMakeLists.txt, the GUI
# and its tests). The version is PROJECT_VERSION (top-level project()): the package, --version,
# the About box and the AppStream metainfo's newest release all take it from there.
include(GNUInstallDirs)

# Reverse-DNS id: the desktop file, the AppStream component and the Wayland app id.
set(GLOWSCOPE_APP_ID "io.github.glowscope.Glowscope")
# The date of PROJECT_VERSION's release (metainfo <release>, manual pages, Debian changelog).
set(GLOWSCOPE_RELEASE_DATE "2026-12-01")
set(GLOWSCOPE_HOMEPAGE "https://github.com/glowscope/glowscope" CACHE STRING
  "Project home page (package metadata, AppStream); screenshots are under its docs/images")
set(GLOWSCOPE_MAINTAINER
  "Glowscope maintainers <maintainers@users.noreply.r-seed-8d3e8930.example>" CACHE STRING
  "Package maintainer (Debian control file, AppStream developer)")

# Installed data (default experiments, translations) under <prefix>/share/glowscope.
set(GLOWSCOPE_DATA_INSTALL_DIR "${CMAKE_INSTALL_DATADIR}/glowscope")
set(GLOWSCOPE_TRANSLATIONS_INSTALL_DIR "${GLOWSCOPE_DATA_INSTALL_DIR}/translations")
# The GUI finds its translations relative to its executable; the build folder mirrors the
# installed layout around build/app/glowscope so that the same relative path works there.
file(RELATIVE_PATH GLOWSCOPE_TRANSLATIONS_RELATIVE_DIR "${CMAKE_INSTALL_FULL_BINDIR}"
  "${CMAKE_INSTALL_FULL_DATADIR}/glowscope/translations")
get_filename_component(GLOWSCOPE_TRANSLATIONS_BUILD_DIR
  "${PROJECT_BINARY_DIR}/app/${GLOWSCOPE_TRANSLATIONS_RELATIVE_DIR}" ABSOLUTE)
set(GLOWSCOPE_GENERATED_DOCS_DIR "${PROJECT_BINARY_DIR}/packaging/docs")  # man pages, completions
