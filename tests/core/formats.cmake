qx_add_test(NAME tst_formats SOURCES core/tst_formats.cpp LIBS qx_core LABELS core)
