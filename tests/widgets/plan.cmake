# Plan editing: PlanDocument, plan columns, background errors, scheme panel, main-window wiring (offscreen).
qx_add_test(NAME tst_plan_document SOURCES widgets/tst_plan_document.cpp LIBS qx_widgets LABELS widgets reference)
