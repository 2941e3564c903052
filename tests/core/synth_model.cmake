qx_add_test(NAME tst_synth_model SOURCES core/tst_synth_model.cpp LIBS qx_core LABELS core reference)
