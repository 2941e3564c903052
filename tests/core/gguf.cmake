qx_add_test(NAME tst_gguf_reader SOURCES core/tst_gguf_reader.cpp LIBS qx_core LABELS core reference)
qx_add_test(NAME tst_gguf_hostile SOURCES core/tst_gguf_hostile.cpp LIBS qx_core LABELS core reference)
qx_add_test(NAME tst_gguf_writer SOURCES core/tst_gguf_writer.cpp LIBS qx_core LABELS core reference)
