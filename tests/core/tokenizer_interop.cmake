# HF tokenizers (npm package tokenizers@0.23.2, installed once into the build tree) as a live reference for
# tokenizer.json expressions that run through Oniguruma. Sources live in tests/interop/.
qx_add_test(NAME tst_interop_hf_tokenizers SOURCES interop/tst_interop_hf_tokenizers.cpp LIBS qx_core
            LABELS core reference TIMEOUT 900)
