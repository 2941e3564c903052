qx_add_test(NAME tst_cli_ppl SOURCES app/tst_cli_ppl.cpp LABELS app reference DEPENDS qexplore-cli)
