qx_add_test(NAME tst_tokenizer SOURCES core/tst_tokenizer.cpp LIBS qx_core LABELS core reference)
