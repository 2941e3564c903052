# Plan evaluation (PPL + KLD of a plan against the F32 baseline) on stories260K.
qx_add_test(NAME tst_plan_eval SOURCES core/tst_plan_eval.cpp LIBS qx_core LABELS core reference)
