# qexplore-cli's generated bash completion and man page against its --help texts (see packaging/).
qx_add_test(NAME tst_cli_docs SOURCES app/tst_cli_docs.cpp LABELS app)
add_dependencies(tst_cli_docs qexplore-cli)
if(QX_BUILD_PACKAGE_FILES)
  add_dependencies(tst_cli_docs qx_package_files)   # defined by packaging/package_files.cmake
endif()
