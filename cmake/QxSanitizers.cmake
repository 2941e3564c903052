# QX_ENABLE_SANITIZERS builds everything with AddressSanitizer + UndefinedBehaviorSanitizer.
# UBSan is made fatal so that a test run fails on the first report.
if(QX_ENABLE_SANITIZERS)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
