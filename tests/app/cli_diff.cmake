qx_add_test(NAME tst_cli_diff SOURCES app/tst_cli_diff.cpp LIBS qx_core LABELS app reference DEPENDS qexplore-cli)
