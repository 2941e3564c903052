qx_add_test(NAME tst_activation_rounding SOURCES core/tst_activation_rounding.cpp LIBS qx_core LABELS core)
qx_add_test(NAME tst_ggml_matmul_reference SOURCES core/tst_ggml_matmul_reference.cpp LIBS qx_core
            LABELS core reference slow)
