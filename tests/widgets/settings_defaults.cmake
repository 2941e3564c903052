# Settings dialog: the Evaluate panel's default text, ctx and chunks, taken over by open panels on OK.
qx_add_test(NAME tst_settings_defaults SOURCES widgets/tst_settings_defaults.cpp LIBS qx_widgets LABELS widgets)
