# llama.cpp loads our exported files (node-llama-cpp from npm, cached in the build tree; see
# tests/interop/README.md). Sources live in tests/interop/.
qx_add_test(NAME tst_interop_llama SOURCES interop/tst_interop_llama.cpp LIBS qx_core LABELS app reference slow
            TIMEOUT 900)
