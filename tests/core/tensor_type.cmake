qx_add_test(NAME tst_tensor_type SOURCES core/tst_tensor_type.cpp LIBS qx_core LABELS core)
