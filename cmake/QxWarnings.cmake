# One list of warnings, applied per target with qx_set_warnings(target).
set(QX_WARNINGS -Wall -Wextra -Wpedantic -Wnon-virtual-dtor -Wcast-align
    -Woverloaded-virtual -Wno-missing-field-initializers)
if(QX_WERROR)
  list(APPEND QX_WARNINGS -Werror)
endif()

function(qx_set_warnings target)
  target_compile_options(${target} PRIVATE $<$<COMPILE_LANGUAGE:CXX>:${QX_WARNINGS}>)
endfunction()
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  list(APPEND QX_WARNINGS -Wshadow=local)
endif()
