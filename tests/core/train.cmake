qx_add_test(NAME tst_train_model SOURCES core/tst_train_model.cpp LIBS qx_core LABELS core)
