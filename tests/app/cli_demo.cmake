qx_add_test(NAME tst_cli_demo SOURCES app/tst_cli_demo.cpp LIBS qx_core LABELS app reference)
add_dependencies(tst_cli_demo qexplore-cli)
