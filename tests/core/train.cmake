qx_add_test(NAME tst_train_model SOURCES core/tst_train_model.cpp LIBS qx_core LABELS core)
qx_add_test(NAME tst_story_corpus SOURCES core/tst_story_corpus.cpp LIBS qx_core LABELS core)
qx_add_test(NAME tst_demo_model SOURCES core/tst_demo_model.cpp LIBS qx_core LABELS core slow)
