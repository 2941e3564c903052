# The Calibrate box: GPTQ/SmoothQuant runs applied to the plan, evaluated and exported (offscreen).
qx_add_test(NAME tst_calibration_box SOURCES widgets/tst_calibration_box.cpp LIBS qx_widgets LABELS widgets reference)
qx_add_test(NAME tst_calibration_gui
  SOURCES widgets/tst_calibration_gui.cpp
  LIBS qx_gui LABELS widgets app reference)
