# Tensor views: distribution / error of the selected tensor against the core's figures.
qx_add_test(NAME tst_tensor_views SOURCES widgets/tst_tensor_views.cpp LIBS qx_widgets LABELS widgets reference)
