qx_add_test(NAME tst_cli_diff SOURCES app/tst_cli_diff.cpp LIBS qx_core LABELS app reference)
add_dependencies(tst_cli_diff qexplore-cli)
