# SVG writer (SvgPaintDevice) and chart export as SVG: well-formed, texts, series points at scene coordinates.
qx_add_test(NAME tst_svg_export SOURCES widgets/tst_svg_export.cpp LIBS qx_widgets LABELS widgets)
