qx_add_test(NAME tst_uniform_quant SOURCES core/tst_uniform_quant.cpp LIBS qx_core LABELS core)
qx_add_test(NAME tst_float_formats SOURCES core/tst_float_formats.cpp LIBS qx_core LABELS core)
qx_add_test(NAME tst_scheme_catalog SOURCES core/tst_scheme_catalog.cpp LIBS qx_core LABELS core)
