qx_add_test(NAME tst_calib SOURCES core/tst_calib.cpp LIBS qx_core LABELS core)
