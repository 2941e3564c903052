qx_add_test(NAME tst_cli_dump SOURCES app/tst_cli_dump.cpp LIBS qx_core LABELS app reference DEPENDS qexplore-cli)
