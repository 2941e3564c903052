# Debian package of Quantization Explorer: both executables, the desktop entry, the icon and the AppStream
# metadata, installed under CMAKE_INSTALL_PREFIX (/usr in the package). Included from the top-level
# CMakeLists; build the package with `cd build && cpack -G DEB`.
include(GNUInstallDirs)

set(QX_APP_ID io.github.qexplore)
if(QX_BUILD_GUI)
  install(FILES ${CMAKE_CURRENT_LIST_DIR}/qexplore.desktop
          DESTINATION ${CMAKE_INSTALL_DATADIR}/applications RENAME ${QX_APP_ID}.desktop)
  install(FILES ${CMAKE_CURRENT_LIST_DIR}/${QX_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
  install(FILES ${PROJECT_SOURCE_DIR}/resources/qexplore.svg
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps RENAME ${QX_APP_ID}.svg)
endif()

set(CPACK_PACKAGE_NAME qexplore)
set(CPACK_PACKAGE_VENDOR "Quantization Explorer developers")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Look inside language model files and decide how to quantize them")
string(CONCAT CPACK_PACKAGE_DESCRIPTION
    "Quantization Explorer opens GGUF files, Hugging Face safetensors folders and llama2.c checkpoints,\n"
    "shows every tensor with its shape, type and size, quantizes tensors in llama.cpp's block formats and\n"
    "measures the error. The package holds the desktop application (qexplore) and a headless CLI\n"
    "(qexplore-cli).")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)

set(CPACK_DEBIAN_PACKAGE_MAINTAINER "Quantization Explorer developers")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# dpkg-shlibdeps adds what the binaries link today (libc6, libstdc++6, libqt6core6, ...); the list below
# names the libraries and plugins the app loads or will link as features land, so the package installs
# the same on every machine. Build-only dependencies (headers such as libcli11-dev) are in tools/qx.sh.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(QX_DEB_DEPENDS "libqt6core6 (>= 6.4)" "libqt6gui6 (>= 6.4)" "libqt6widgets6 (>= 6.4)" "libqt6charts6 (>= 6.4)"
    "libqt6concurrent6 (>= 6.4)" "qt6-qpa-plugins" "libdnnl2")
list(JOIN QX_DEB_DEPENDS ", " CPACK_DEBIAN_PACKAGE_DEPENDS)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")

include(CPack)
