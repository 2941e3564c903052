// The translation unit that builds tests/common/test_pch.h's precompiled header (tests/CMakeLists.txt).
