# Help › About (licence, third-party licences, About Qt) and the app icon from its rendered PNGs.
qx_add_test(NAME tst_about_dialog SOURCES widgets/tst_about_dialog.cpp LIBS qx_widgets LABELS widgets)
