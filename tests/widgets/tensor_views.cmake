# Tensor views: distribution / error of the selected tensor against the core's figures.
qx_add_test(NAME tst_tensor_views SOURCES widgets/tst_tensor_views.cpp LIBS qx_widgets LABELS widgets reference)
# The Distribution view: bulk range, exact re-binning at every zoom, combs and the one-block picture.
qx_add_test(NAME tst_distribution_view SOURCES widgets/tst_distribution_view.cpp LIBS qx_widgets LABELS widgets reference)
