# Custom uniform schemes edited in the scheme panel: sizes, errors, views, undo and plan files (offscreen).
qx_add_test(NAME tst_uniform_scheme_gui
  SOURCES widgets/tst_uniform_scheme_gui.cpp ${PROJECT_SOURCE_DIR}/app/gui/main_window.cpp ${PROJECT_SOURCE_DIR}/app/gui/main_window_setup.cpp ${PROJECT_SOURCE_DIR}/app/gui/main_window.h
  LIBS qx_widgets LABELS widgets app reference)
