qx_add_test(NAME tst_learn_lab SOURCES widgets/tst_learn_lab.cpp LIBS qx_widgets LABELS widgets reference)
