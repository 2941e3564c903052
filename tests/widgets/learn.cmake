# GROUP window: built and run with the whole-window tests by the sanitizer stage of .ci/run.
qx_add_test(NAME tst_learn_lab SOURCES widgets/tst_learn_lab.cpp LIBS qx_widgets GROUP window LABELS widgets reference)
qx_add_test(NAME tst_lesson_calib SOURCES core/tst_lesson_calib.cpp LIBS qx_core LABELS core reference)
