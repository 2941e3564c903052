qx_add_test(NAME tst_imatrix_export SOURCES core/tst_imatrix_export.cpp LIBS qx_core LABELS core reference)
