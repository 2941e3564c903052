# What the Debian package installs besides the programs (included from CPackConfig.cmake):
#  - man pages made by help2man from the programs' --help (qexplore-cli's with every command's --help, see
#    gen_cli_docs.sh) and a bash completion for qexplore-cli, both generated from the built programs;
#  - the Debian changelog and copyright, README.md and docs/ under share/doc/qexplore;
#  - the desktop entry, MIME types, AppStream metadata and the icon (SVG and PNG sizes of cmake/QxIcons.cmake).
# Generating needs help2man and runs the programs; it is skipped (QX_BUILD_PACKAGE_FILES=OFF, the default
# under the sanitizers) in builds that are not packaged.
include(GNUInstallDirs)

set(QX_APP_ID io.github.qexplore)
set(QX_DOC_DIR ${CMAKE_INSTALL_DATADIR}/doc/qexplore)
set(QX_PKG_DIR ${PROJECT_BINARY_DIR}/packaging)
set(QX_PKG_SRC ${CMAKE_CURRENT_LIST_DIR})

install(FILES ${QX_PKG_SRC}/copyright ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${QX_DOC_DIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${QX_DOC_DIR}/docs)

if(QX_BUILD_GUI)
  install(FILES ${QX_PKG_SRC}/qexplore.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications RENAME ${QX_APP_ID}.desktop)
  install(FILES ${QX_PKG_SRC}/${QX_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
  install(FILES ${QX_PKG_SRC}/${QX_APP_ID}.mime.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages RENAME ${QX_APP_ID}.xml)
  install(FILES ${PROJECT_SOURCE_DIR}/resources/qexplore.svg
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps RENAME ${QX_APP_ID}.svg)
  foreach(size ${QX_ICON_SIZES})
    install(FILES ${QX_ICON_DIR}/qexplore-${size}.png
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps RENAME ${QX_APP_ID}.png)
  endforeach()
endif()

# Debian's hardening for the installed programs: symbols bound at load time, relocations read-only after it
# (lintian's hardening-no-bindnow). Link options only, so the compiled objects stay as they are.
foreach(program qexplore-cli qexplore)
  if(TARGET ${program})
    target_link_options(${program} PRIVATE "LINKER:-z,relro" "LINKER:-z,now")
  endif()
endforeach()

if(NOT QX_BUILD_PACKAGE_FILES)
  return()
endif()

find_program(QX_HELP2MAN help2man)
find_program(QX_GZIP gzip)
if(NOT QX_HELP2MAN OR NOT QX_GZIP)
  message(FATAL_ERROR "help2man and gzip make the man pages: install help2man, or configure with -DQX_BUILD_PACKAGE_FILES=OFF")
endif()

# Debian wants changelog and man pages compressed with gzip -9n (no name, no time stamp: reproducible).
add_custom_command(OUTPUT ${QX_PKG_DIR}/changelog.gz
  COMMAND ${CMAKE_COMMAND} -E make_directory ${QX_PKG_DIR}
  COMMAND ${QX_GZIP} -9nc ${QX_PKG_SRC}/changelog > ${QX_PKG_DIR}/changelog.gz
  DEPENDS ${QX_PKG_SRC}/changelog VERBATIM)

add_custom_command(OUTPUT ${QX_PKG_DIR}/qexplore-cli.h2m ${QX_PKG_DIR}/qexplore-cli.bash
  COMMAND sh ${QX_PKG_SRC}/gen_cli_docs.sh $<TARGET_FILE:qexplore-cli> ${QX_PKG_DIR}
  DEPENDS qexplore-cli ${QX_PKG_SRC}/gen_cli_docs.sh
  COMMENT "Reading qexplore-cli's --help texts for its man page and bash completion" VERBATIM)

set(QX_HELP2MAN_ARGS --no-info --section=1 --manual=User\ Commands --source=qexplore\ ${PROJECT_VERSION}
    --version-string=${PROJECT_VERSION})
add_custom_command(OUTPUT ${QX_PKG_DIR}/qexplore-cli.1.gz
  COMMAND ${CMAKE_COMMAND} -E env LC_ALL=C.UTF-8
          ${QX_HELP2MAN} ${QX_HELP2MAN_ARGS} "--name=look inside language model files and decide how to quantize them"
          --include=${QX_PKG_DIR}/qexplore-cli.h2m --output=${QX_PKG_DIR}/qexplore-cli.1 $<TARGET_FILE:qexplore-cli>
  COMMAND ${QX_GZIP} -9nf ${QX_PKG_DIR}/qexplore-cli.1
  DEPENDS qexplore-cli ${QX_PKG_DIR}/qexplore-cli.h2m
  COMMENT "Writing the qexplore-cli man page" VERBATIM)
set(QX_PACKAGE_FILES ${QX_PKG_DIR}/changelog.gz ${QX_PKG_DIR}/qexplore-cli.1.gz ${QX_PKG_DIR}/qexplore-cli.bash)

if(QX_BUILD_GUI)
  # The GUI prints its --help without a display (offscreen) and in English, whatever the user's settings say.
  add_custom_command(OUTPUT ${QX_PKG_DIR}/qexplore.1.gz
    COMMAND ${CMAKE_COMMAND} -E env QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8 LANGUAGE=en
            XDG_CONFIG_HOME=${QX_PKG_DIR}/config
            ${QX_HELP2MAN} ${QX_HELP2MAN_ARGS} "--name=look inside language model files and decide how to quantize them"
            --include=${QX_PKG_SRC}/qexplore.h2m --output=${QX_PKG_DIR}/qexplore.1 $<TARGET_FILE:qexplore>
    COMMAND ${QX_GZIP} -9nf ${QX_PKG_DIR}/qexplore.1
    DEPENDS qexplore ${QX_PKG_SRC}/qexplore.h2m
    COMMENT "Writing the qexplore man page" VERBATIM)
  list(APPEND QX_PACKAGE_FILES ${QX_PKG_DIR}/qexplore.1.gz)
  install(FILES ${QX_PKG_DIR}/qexplore.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endif()
add_custom_target(qx_package_files ALL DEPENDS ${QX_PACKAGE_FILES})

install(FILES ${QX_PKG_DIR}/changelog.gz DESTINATION ${QX_DOC_DIR})
install(FILES ${QX_PKG_DIR}/qexplore-cli.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${QX_PKG_DIR}/qexplore-cli.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME qexplore-cli)
