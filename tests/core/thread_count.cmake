qx_add_test(NAME tst_thread_count SOURCES core/tst_thread_count.cpp LIBS qx_core LABELS core)
