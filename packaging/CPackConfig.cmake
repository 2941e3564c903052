# Debian package of Quantization Explorer: both executables with their man pages, the bash completion, the
# desktop entry, MIME types, icons and AppStream metadata, and the documentation, installed under
# CMAKE_INSTALL_PREFIX (/usr in the package). Included from the top-level CMakeLists; build the package with
# `cd build && cpack -G DEB`. .ci/run checks it with lintian, appstreamcli and desktop-file-validate.
include(${CMAKE_CURRENT_LIST_DIR}/package_files.cmake)

set(CPACK_PACKAGE_NAME qexplore)
set(CPACK_PACKAGE_VENDOR "Quantization Explorer developers")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_HOMEPAGE_URL "https://github.com/qexplore/qexplore")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Look inside language model files and decide how to quantize them")
# Debian's extended description: lines of at most 80 columns.
string(CONCAT CPACK_PACKAGE_DESCRIPTION
    "Quantization Explorer opens GGUF files, Hugging Face safetensors folders and\n"
    "llama2.c checkpoints and shows each tensor's weight distribution, outliers and\n"
    "quantization error in llama.cpp's block formats. It plans a per-tensor mix of\n"
    "formats under a size budget, measures it with perplexity and KL divergence,\n"
    "and exports it as a GGUF file that llama.cpp loads.\n"
    "The package holds the desktop application (qexplore) and a headless\n"
    "command-line tool (qexplore-cli). License: MIT.")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)

set(CPACK_DEBIAN_PACKAGE_MAINTAINER "Quantization Explorer developers <qexplore@users.noreply.github.com>")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${CPACK_PACKAGE_HOMEPAGE_URL})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# dpkg-shlibdeps adds what the binaries link (libc6, libstdc++6, libqt6core6 ... libqt6charts6, libdnnl2,
# libonig5); Depends adds what the app loads at run time without linking it: Qt's platform plugins.
# Build-only dependencies (headers such as libcli11-dev) are in tools/qx.sh.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")

include(CPack)
