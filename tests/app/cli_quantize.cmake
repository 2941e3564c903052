qx_add_test(NAME tst_cli_quantize SOURCES app/tst_cli_quantize.cpp LABELS app reference DEPENDS qexplore-cli)
