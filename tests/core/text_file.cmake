qx_add_test(NAME tst_text_file SOURCES core/tst_text_file.cpp LIBS qx_core LABELS core)
