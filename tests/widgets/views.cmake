# The tensor views' Outliers and Values tabs, Evaluate / Runs / Trade-off, Layers table, CSV export.
qx_add_test(NAME tst_views SOURCES widgets/tst_views.cpp LIBS qx_widgets LABELS widgets reference slow)
