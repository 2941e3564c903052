# Plan editing: PlanDocument, plan columns, background errors, scheme panel, main-window wiring (offscreen).
qx_add_test(NAME tst_plan_document SOURCES widgets/tst_plan_document.cpp LIBS qx_widgets LABELS widgets reference)
qx_add_test(NAME tst_plan_gui
  SOURCES widgets/tst_plan_gui.cpp
  LIBS qx_gui LABELS widgets app reference)
qx_add_test(NAME tst_sensitivity_box SOURCES widgets/tst_sensitivity_box.cpp LIBS qx_widgets LABELS widgets reference)
