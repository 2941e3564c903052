qx_add_test(NAME tst_runtime_settings SOURCES core/tst_runtime_settings.cpp LIBS qx_core LABELS core)
