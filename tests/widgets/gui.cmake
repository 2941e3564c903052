# GUI shell: item models, job runner, main window (offscreen).
qx_add_test(NAME tst_tensor_tree_model SOURCES widgets/tst_tensor_tree_model.cpp LIBS qx_widgets LABELS widgets)
# GROUP window: built and run with the whole-window tests by the sanitizer stage of .ci/run.
qx_add_test(NAME tst_job_runner SOURCES widgets/tst_job_runner.cpp LIBS qx_widgets GROUP window LABELS widgets)
qx_add_test(NAME tst_main_window
  SOURCES widgets/tst_main_window.cpp
  LIBS qx_gui LABELS widgets app)
qx_add_test(NAME tst_gui_stories
  SOURCES widgets/tst_gui_stories.cpp
  LIBS qx_gui LABELS widgets app reference)
qx_add_test(NAME tst_app_settings SOURCES widgets/tst_app_settings.cpp LIBS qx_widgets LABELS widgets)
qx_add_test(NAME tst_metadata_table_model SOURCES widgets/tst_metadata_table_model.cpp LIBS qx_widgets LABELS widgets)
qx_add_test(NAME tst_screenshot SOURCES widgets/tst_screenshot.cpp LIBS Qt6::Gui GROUP screenshot
  LABELS app reference slow TIMEOUT 900 DEPENDS qexplore DEFINITIONS QX_QEXPLORE="$<TARGET_FILE:qexplore>")
# Every page at 1280×800 and 1920×1080 in English, German and French: no cut text, no overlap.
qx_add_test(NAME tst_layout_fits
  SOURCES widgets/tst_layout_fits.cpp
  LIBS qx_gui LABELS widgets app)
