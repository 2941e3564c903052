qx_add_test(NAME tst_tensor_stats SOURCES core/tst_tensor_stats.cpp LIBS qx_core LABELS core)
qx_add_test(NAME tst_error_metrics SOURCES core/tst_error_metrics.cpp LIBS qx_core LABELS core)
qx_add_test(NAME tst_stats_report SOURCES core/tst_stats_report.cpp LIBS qx_core LABELS core)
qx_add_test(NAME tst_stats_reference SOURCES core/tst_stats_reference.cpp LIBS qx_core LABELS core reference)
