qx_add_test(NAME tst_cli_tokenize SOURCES app/tst_cli_tokenize.cpp LABELS app reference DEPENDS qexplore-cli)
