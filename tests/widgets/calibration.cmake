# The Calibrate box: GPTQ/SmoothQuant runs applied to the plan, evaluated and exported (offscreen).
qx_add_test(NAME tst_calibration_box SOURCES widgets/tst_calibration_box.cpp LIBS qx_widgets LABELS widgets reference)
qx_add_test(NAME tst_calibration_gui
  SOURCES widgets/tst_calibration_gui.cpp ${PROJECT_SOURCE_DIR}/app/gui/main_window.cpp ${PROJECT_SOURCE_DIR}/app/gui/main_window_setup.cpp ${PROJECT_SOURCE_DIR}/app/gui/main_window.h
  LIBS qx_widgets LABELS widgets app reference)
