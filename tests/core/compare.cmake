qx_add_test(NAME tst_model_diff SOURCES core/tst_model_diff.cpp LIBS qx_core LABELS core reference)
qx_add_test(NAME tst_output_diff SOURCES core/tst_output_diff.cpp LIBS qx_core LABELS core)
