# The tensor views' Outliers and Values tabs, Layers table, Runs model, Trade-off, CSV export.
qx_add_test(NAME tst_views SOURCES widgets/tst_views.cpp LIBS qx_widgets LABELS widgets reference)
# Evaluate panel on stories260K: reference PPL, cache, every common preset (about a minute).
qx_add_test(NAME tst_evaluate_panel SOURCES widgets/tst_evaluate_panel.cpp LIBS qx_widgets GROUP window
  LABELS widgets reference slow)   # GROUP window: also run by the sanitizer stage of .ci/run
