# HeatmapWidget (the Outliers tab's |w| map and the lessons' matrices): colour scales, cells, marks, axes.
qx_add_test(NAME tst_heatmap_widget SOURCES widgets/tst_heatmap_widget.cpp LIBS qx_widgets LABELS widgets)
