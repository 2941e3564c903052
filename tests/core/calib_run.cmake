qx_add_test(NAME tst_calib_run SOURCES core/tst_calib_run.cpp LIBS qx_core LABELS core reference)
