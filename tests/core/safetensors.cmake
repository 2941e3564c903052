qx_add_test(NAME tst_safetensors SOURCES core/tst_safetensors.cpp LIBS qx_core LABELS core reference)
qx_add_test(NAME tst_hf_folder SOURCES core/tst_hf_folder.cpp LIBS qx_core LABELS core reference)
qx_add_test(NAME tst_llama2c SOURCES core/tst_llama2c.cpp LIBS qx_core LABELS core reference)
qx_add_test(NAME tst_hf_arch_names SOURCES core/tst_hf_arch_names.cpp LIBS qx_core LABELS core)
