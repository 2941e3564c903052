qx_add_test(NAME tst_formats SOURCES core/tst_formats.cpp LIBS qx_core LABELS core)
qx_add_test(NAME tst_format_error SOURCES core/tst_format_error.cpp LIBS qx_core LABELS core reference)
qx_add_test(NAME tst_block_grid SOURCES core/tst_block_grid.cpp LIBS qx_core LABELS core)
