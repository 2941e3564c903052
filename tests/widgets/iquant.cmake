# The i-quants and ternary types in the GUI on synth-d256: plan panel, imatrix refusal and use, tensor
# views, solver candidates, the computed importance matrix against llama-imatrix's.
qx_add_test(NAME tst_iquant_gui SOURCES widgets/tst_iquant_gui.cpp LIBS qx_widgets LABELS widgets reference slow)
