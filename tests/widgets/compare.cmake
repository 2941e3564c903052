# Compare page: the table, charts and plan take-over against the core's comparison of two models.
qx_add_test(NAME tst_compare_page SOURCES widgets/tst_compare_page.cpp LIBS qx_widgets LABELS widgets reference)
