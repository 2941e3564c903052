qx_add_test(NAME tst_ggml_blocks_reference SOURCES core/tst_ggml_blocks_reference.cpp LIBS qx_core
            LABELS core reference)
