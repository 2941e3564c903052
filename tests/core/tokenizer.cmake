qx_add_test(NAME tst_tokenizer SOURCES core/tst_tokenizer.cpp LIBS qx_core LABELS core reference)
qx_add_test(NAME tst_tokenizer_vocab SOURCES core/tst_tokenizer_vocab.cpp LIBS qx_core LABELS core reference)
qx_add_test(NAME tst_tokenizer_hf SOURCES core/tst_tokenizer_hf.cpp LIBS qx_core LABELS core reference)
