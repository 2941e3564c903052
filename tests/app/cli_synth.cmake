qx_add_test(NAME tst_cli_synth SOURCES app/tst_cli_synth.cpp LABELS app reference DEPENDS qexplore-cli)
