# File > Export GGUF: the plan document's plan written through the job runner (offscreen).
qx_add_test(NAME tst_plan_export SOURCES widgets/tst_plan_export.cpp LIBS qx_widgets LABELS widgets reference)
