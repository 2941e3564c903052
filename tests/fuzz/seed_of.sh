# shellcheck shell=bash
# seed_of TARGET: the folder under tests/fuzz/corpus/ a fuzz target starts from (sourced by .ci/run and
# tools/fuzz_long.sh).
seed_of() {
  case "$1" in
    fuzz_gguf|fuzz_safetensors|fuzz_llama2c) echo gguf ;;
    fuzz_imatrix) echo imatrix ;;
    fuzz_tokenizer|fuzz_hf_json) echo tokenizer ;;
    *) echo "${1#fuzz_}" ;;
  esac
}
