# Layers view "Current plan": values per layer and class equal the core's error of each planned round trip.
qx_add_test(NAME tst_layers_plan SOURCES widgets/tst_layers_plan.cpp LIBS qx_widgets LABELS widgets reference)
