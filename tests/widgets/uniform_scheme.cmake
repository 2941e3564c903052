# Custom uniform schemes edited in the scheme panel: sizes, errors, views, undo and plan files (offscreen).
qx_add_test(NAME tst_uniform_scheme_gui
  SOURCES widgets/tst_uniform_scheme_gui.cpp
  LIBS qx_gui LABELS widgets app reference)
