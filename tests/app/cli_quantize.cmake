qx_add_test(NAME tst_cli_quantize SOURCES app/tst_cli_quantize.cpp LABELS app reference)
add_dependencies(tst_cli_quantize qexplore-cli)
