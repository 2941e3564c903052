qx_add_test(NAME tst_calib SOURCES core/tst_calib.cpp LIBS qx_core LABELS core)
qx_add_test(NAME tst_calib_model SOURCES core/tst_calib_model.cpp LIBS qx_core LABELS core reference slow)
qx_add_test(NAME tst_calib_kquant SOURCES core/tst_calib_kquant.cpp LIBS qx_core LABELS core)
qx_add_test(NAME tst_calib_export SOURCES core/tst_calib_export.cpp LIBS qx_core LABELS core reference)
