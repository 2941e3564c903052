qx_add_test(NAME tst_llama_forward SOURCES core/tst_llama_forward.cpp LIBS qx_core LABELS core)
