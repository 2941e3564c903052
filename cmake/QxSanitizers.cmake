# QX_ENABLE_SANITIZERS builds everything with AddressSanitizer + UndefinedBehaviorSanitizer.
# UBSan is made fatal so that a test run fails on the first report.
if(QX_ENABLE_SANITIZERS)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
  # Programs linked as position-dependent executables: an instrumented qexplore-cli as PIE carries 1.5 million
  # dynamic relocations and takes 0.55 s to start (0.26 s without), and the CLI tests start it hundreds of
  # times. The code stays -fPIC (Qt requires it), so nothing else changes.
  add_link_options("$<$<STREQUAL:$<TARGET_PROPERTY:TYPE>,EXECUTABLE>:-no-pie>")
endif()
