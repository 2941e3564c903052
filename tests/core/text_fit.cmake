qx_add_test(NAME tst_text_fit SOURCES core/tst_text_fit.cpp LIBS qx_core LABELS core reference)
