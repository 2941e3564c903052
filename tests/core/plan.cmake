qx_add_test(NAME tst_budget_solver SOURCES core/tst_budget_solver.cpp LIBS qx_core LABELS core)
qx_add_test(NAME tst_candidates SOURCES core/tst_candidates.cpp LIBS qx_core LABELS core reference)
qx_add_test(NAME tst_sensitivity SOURCES core/tst_sensitivity.cpp LIBS qx_core LABELS core reference slow)
qx_add_test(NAME tst_plan SOURCES core/tst_plan.cpp LIBS qx_core LABELS core reference)
