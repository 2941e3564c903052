# The scheme chosen per tensor (catalog or custom uniform) and plans that carry such choices.
qx_add_test(NAME tst_scheme_choice SOURCES core/tst_scheme_choice.cpp LIBS qx_core LABELS core reference)
