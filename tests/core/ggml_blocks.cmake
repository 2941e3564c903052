qx_add_test(NAME tst_ggml_blocks_reference SOURCES core/tst_ggml_blocks_reference.cpp LIBS qx_core
            LABELS core reference)
qx_add_test(NAME tst_imatrix_file SOURCES core/tst_imatrix_file.cpp LIBS qx_core LABELS core reference)
qx_add_test(NAME tst_ggml_blocks SOURCES core/tst_ggml_blocks.cpp LIBS qx_core LABELS core)
qx_add_test(NAME tst_imatrix_gguf SOURCES core/tst_imatrix_gguf.cpp LIBS qx_core LABELS core reference)
qx_add_test(NAME tst_iquant_reference SOURCES core/tst_iquant_reference.cpp LIBS qx_core LABELS core reference)
