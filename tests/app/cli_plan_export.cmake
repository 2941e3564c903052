qx_add_test(NAME tst_cli_plan_export SOURCES app/tst_cli_plan_export.cpp LIBS qx_core LABELS app reference DEPENDS qexplore-cli)
