qx_add_test(NAME tst_llama_forward SOURCES core/tst_llama_forward.cpp LIBS qx_core LABELS core)
qx_add_test(NAME tst_perplexity SOURCES core/tst_perplexity.cpp LIBS qx_core LABELS core reference)
# Needs the GGUF reader (qx::openModel); registered once it is part of the tree.
if(EXISTS ${PROJECT_SOURCE_DIR}/core/io/gguf_reader.h)
  qx_add_test(NAME tst_eval_reference SOURCES core/tst_eval_reference.cpp LIBS qx_core LABELS core reference slow)
endif()
