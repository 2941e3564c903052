# PNG renderings of resources/qexplore.svg at the usual icon sizes, made at build time with rsvg-convert
# (librsvg2-bin): the desktop installs them into the hicolor theme, and the app loads its window icon from
# them through Qt's built-in PNG support (Qt's SVG module is not among our packages).
#   QX_ICON_SIZES  the sizes (px)
#   QX_ICON_DIR    where build/icons/qexplore-<size>.png are written
#   QX_ICON_PNGS   the files; target qx_icons builds them
find_program(QX_RSVG_CONVERT rsvg-convert)
if(NOT QX_RSVG_CONVERT)
  message(FATAL_ERROR "rsvg-convert not found: install librsvg2-bin (it renders the app icon's PNG sizes)")
endif()

set(QX_ICON_SIZES 16 22 24 32 48 64 128 256 512)
set(QX_ICON_DIR ${PROJECT_BINARY_DIR}/icons)
set(QX_ICON_SVG ${PROJECT_SOURCE_DIR}/resources/qexplore.svg)
set(QX_ICON_PNGS)
foreach(size ${QX_ICON_SIZES})
  set(png ${QX_ICON_DIR}/qexplore-${size}.png)
  add_custom_command(OUTPUT ${png}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${QX_ICON_DIR}
    COMMAND ${QX_RSVG_CONVERT} --width=${size} --height=${size} --format=png --output=${png} ${QX_ICON_SVG}
    DEPENDS ${QX_ICON_SVG}
    COMMENT "Rendering the ${size} px app icon"
    VERBATIM)
  list(APPEND QX_ICON_PNGS ${png})
endforeach()
add_custom_target(qx_icons ALL DEPENDS ${QX_ICON_PNGS})
