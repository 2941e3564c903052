qx_add_test(NAME tst_cli_solve SOURCES app/tst_cli_solve.cpp LABELS app reference DEPENDS qexplore-cli)
