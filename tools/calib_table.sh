#!/usr/bin/env bash
# Reproduces the measured tables of docs/calibration.md: PPL and mean KLD of RTN, imatrix, GPTQ (with and
# without act-order) and AWQ (with and without clipping) on several grids, W8A8 (naive, SmoothQuant,
# LLM.int8), and the time per method on a 93 M-parameter synthetic model.
#
#   tools/calib_table.sh run      # runs every measurement (logs in $OUT), ~30-60 min on 2 cores
#   tools/calib_table.sh report   # prints the markdown tables from the logs
#
# Calibration: first half of tinystories-valid-head.txt (CALIB_CHUNKS × 128 tokens); evaluation: second
# half (EVAL_CHUNKS chunks of 128, second half of each chunk scored), KLD against the F32 model.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CLI=${CLI:-$ROOT/build/app/qexplore-cli}
SHARED=${SHARED:-$ROOT/../shared}
OUT=${OUT:-$ROOT/build/calib-table}
TEXT=$SHARED/text/tinystories-valid-head.txt
CALIB_CHUNKS=${CALIB_CHUNKS:-128}
EVAL_CHUNKS=${EVAL_CHUNKS:-160}
WEIGHT_METHODS=rtn,imatrix,gptq,gptq-act,awq-noclip,awq
ALL_METHODS=$WEIGHT_METHODS,smoothquant,llmint8

quantize() { # name model schemes methods [extra options]
    local name=$1 model=$2 schemes=$3 methods=$4
    shift 4
    echo "== $name: $schemes" >&2
    "$CLI" quantize "$model" --method "$methods" --scheme "$schemes" -f "$TEXT" -c 128 "$@" \
        >"$OUT/$name.log" 2>"$OUT/$name.err"
}

run() {
    mkdir -p "$OUT"
    local grids=int4-g32,int4-g128,int3-g32,Q4_0,Q4_K,Q3_K
    quantize stories260K "$SHARED/models/stories260K.gguf" $grids $ALL_METHODS \
        --calib-chunks "$CALIB_CHUNKS" --eval-chunks "$EVAL_CHUNKS"
    quantize tinystories-656k "$SHARED/models/tinystories-656k" $grids $ALL_METHODS \
        --calib-chunks "$CALIB_CHUNKS" --eval-chunks "$EVAL_CHUNKS"
    quantize synth-d256 "$SHARED/reference/synth-d256/model-f32.gguf" int4-g128,Q4_0,Q4_K,Q3_K $WEIGHT_METHODS \
        --calib-chunks "$CALIB_CHUNKS" --eval-chunks "$EVAL_CHUNKS"
    # Time per method on the 93 M model (quantization time does not depend on the number of rows).
    local big=$OUT/synth-93m.gguf
    [ -f "$big" ] || "$CLI" synth --dim 1024 --layers 8 --ff 2816 --heads 16 --kv-heads 4 \
        --vocab-from "$SHARED/models/stories260K.gguf" --seed 1 -o "$big" >&2
    quantize synth-93m "$big" int4-g128,Q4_K $WEIGHT_METHODS --calib-chunks 16 --eval-chunks 2
}

# Markdown rows "| grid | method | PPL | KLD | same top | quantize s |" from one log.
scores() {
    awk '
        /^quantized with/ { t = $0; sub(/.*: /, "", t); sub(/ s.*/, "", t) }
        / PPL .* mean KLD / {
            label = substr($0, 1, index($0, " PPL ") - 1); sub(/ +$/, "", label)
            rest = substr($0, index($0, " PPL ") + 5); split(rest, f, " ")
            n = split(label, w, " "); grid = (n > 1 && label !~ /W8A8|LLM/) ? w[n] : "W8A8"
            method = (grid == "W8A8") ? label : substr(label, 1, length(label) - length(grid) - 1)
            top = rest; sub(/.*same top +/, "", top); sub(/%.*/, "", top)
            printf "| %s | %s | %s ± %s | %s | %s %% | %s |\n", grid, method, f[1], f[3], f[6], top, \
                   (grid == "W8A8") ? "" : t
        }' "$1"
}

report() {
    for name in stories260K tinystories-656k synth-d256 synth-93m; do
        [ -f "$OUT/$name.log" ] || continue
        echo "### $name — $(grep -m1 '^F32 baseline PPL' "$OUT/$name.log" | cut -d' ' -f2-4)"
        echo
        grep -E "^calibration capture" "$OUT/$name.log" || true
        echo
        echo "| grid | method | PPL | mean KLD | same top | quantize (s) |"
        echo "|---|---|---|---|---|---|"
        scores "$OUT/$name.log"
        echo
    done
}

case "${1:-}" in
run) run ;;
report) report ;;
*) echo "usage: $0 run|report" >&2; exit 2 ;;
esac
