qx_add_test(NAME tst_export SOURCES core/tst_export.cpp LIBS qx_core LABELS core reference)
qx_add_test(NAME tst_hf_convert SOURCES core/tst_hf_convert.cpp LIBS qx_core LABELS core reference)
qx_add_test(NAME tst_gguf_compat SOURCES core/tst_gguf_compat.cpp LIBS qx_core LABELS core)
qx_add_test(NAME tst_hf_pre_tokenizer SOURCES core/tst_hf_pre_tokenizer.cpp LIBS qx_core LABELS core reference)
