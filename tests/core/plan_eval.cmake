# Plan evaluation (PPL + KLD of a plan against the F32 baseline) on stories260K.
qx_add_test(NAME tst_plan_eval SOURCES core/tst_plan_eval.cpp LIBS qx_core LABELS core reference)
# Incremental re-evaluation: resuming from stored block inputs equals a full evaluation bit for bit.
qx_add_test(NAME tst_block_input_cache SOURCES core/tst_block_input_cache.cpp LIBS qx_core LABELS core reference)
