qx_add_test(NAME tst_cli_demo SOURCES app/tst_cli_demo.cpp LIBS qx_core LABELS app reference DEPENDS qexplore-cli)
