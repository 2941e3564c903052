qx_add_test(NAME tst_atomic_file SOURCES core/tst_atomic_file.cpp LIBS qx_core LABELS core)
