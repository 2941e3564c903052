qx_add_test(NAME tst_plan SOURCES core/tst_plan.cpp LIBS qx_core LABELS core reference)
