# What every qexplore-cli command shares (help, version, usage errors, --opt=value, llama.cpp's names,
# thread cap) and the one cancellation path (SIGINT/SIGTERM → 130, no output left).
qx_add_test(NAME tst_cli_common SOURCES app/tst_cli_common.cpp LABELS app reference TIMEOUT 900 DEPENDS qexplore-cli)
qx_add_test(NAME tst_cli_interrupt SOURCES app/tst_cli_interrupt.cpp LABELS app reference slow TIMEOUT 900 DEPENDS qexplore-cli)
# Outputs aimed at inputs: every command refuses them through ../, symbolic and hard links.
qx_add_test(NAME tst_cli_outputs SOURCES app/tst_cli_outputs.cpp LABELS app DEPENDS qexplore-cli)
# --json on every result-printing command (schemas in docs/cli.md) and ppl's per-chunk line.
qx_add_test(NAME tst_cli_json SOURCES app/tst_cli_json.cpp LIBS qx_core LABELS app reference TIMEOUT 900 DEPENDS qexplore-cli)
