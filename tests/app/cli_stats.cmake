qx_add_test(NAME tst_cli_stats SOURCES app/tst_cli_stats.cpp LIBS qx_core LABELS app reference DEPENDS qexplore-cli)
