qx_add_test(NAME tst_llama_forward SOURCES core/tst_llama_forward.cpp LIBS qx_core LABELS core)
qx_add_test(NAME tst_perplexity SOURCES core/tst_perplexity.cpp LIBS qx_core LABELS core reference)
qx_add_test(NAME tst_eval_reference SOURCES core/tst_eval_reference.cpp LIBS qx_core LABELS core reference slow)
qx_add_test(NAME tst_imatrix_collector SOURCES core/tst_imatrix_collector.cpp LIBS qx_core LABELS core reference)
# Needs the tokenizer (core/model/tokenizer.h); registered once it is part of the tree.
if(EXISTS ${PROJECT_SOURCE_DIR}/core/model/tokenizer.h)
  qx_add_test(NAME tst_eval_tokens SOURCES core/tst_eval_tokens.cpp LIBS qx_core LABELS core reference)
endif()
