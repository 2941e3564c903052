qx_add_test(NAME tst_cli_sensitivity SOURCES app/tst_cli_sensitivity.cpp LIBS qx_core LABELS app reference DEPENDS qexplore-cli)
