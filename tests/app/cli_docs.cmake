# qexplore-cli's generated bash completion and man page against its --help texts (see packaging/).
set(cli_docs_depends qexplore-cli)
if(QX_BUILD_PACKAGE_FILES)
  list(APPEND cli_docs_depends qx_package_files)   # defined by packaging/package_files.cmake
endif()
qx_add_test(NAME tst_cli_docs SOURCES app/tst_cli_docs.cpp LABELS app DEPENDS ${cli_docs_depends})
