qx_add_test(NAME tst_cli_info SOURCES app/tst_cli_info.cpp LABELS app reference DEPENDS qexplore-cli)
