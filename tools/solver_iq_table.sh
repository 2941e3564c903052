#!/usr/bin/env bash
# Reproduces docs/solver.md's i-quant table: llama-quantize's IQ2/IQ3 mixes (made with an importance matrix,
# as llama-quantize requires) against solver plans of the same file size that may pick the i-quants too.
#
#   tools/solver_iq_table.sh [BUILD_DIR] [OUT_DIR]        (defaults: build, /tmp/qx-solver-iq)
#
# Models: synth-d256 (../shared/reference, with its imatrix.dat and llama.cpp's kld-base-ctx128.bin) and
# synth-0.5m, a synthetic llama of about stories260K's size whose rows (256) the i-quants fit (stories260K's
# rows of 64 and 172 fit no 256-value block), with an imatrix computed on the calibration text. Every plan
# is evaluated weight-only by our engine (`ppl MODEL --kld-base BASE --plan P`, 40 chunks of 128 tokens of
# text/tinystories-valid-head.txt); the imatrix and the measured-KLD solver use the text's last 200 kB,
# which the evaluation never sees. Needs ../shared (or QX_SHARED) and python3.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
out=${2:-/tmp/qx-solver-iq}
shared=${QX_SHARED:-$here/../shared}
cli="$build/app/qexplore-cli"
text="$shared/text/tinystories-valid-head.txt"
mkdir -p "$out"
calib="$out/calib.txt"
tail -c 200000 "$text" > "$calib"
rows="$out/rows.tsv"
: > "$rows"

# figures NAME MODEL BASE IMATRIX PLAN LABEL: appends "model label bytes bpw loss ppl kld" to rows.tsv
figures() {
    local name=$1 model=$2 base=$3 imatrix=$4 plan=$5 label=$6
    [ -f "$plan" ] || return 0
    local r s
    r=$("$cli" ppl "$model" --kld-base "$base" --plan "$plan" --imatrix "$imatrix" 2>/dev/null)
    s=$("$cli" solve "$model" --imatrix "$imatrix" --score "$plan" --cache-dir "$out/cache" 2>/dev/null)
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$label" \
        "$(sed -n 's/.*file size \([0-9]*\) bytes.*/\1/p' <<<"$s")" \
        "$(sed -n 's/.*, \([0-9.]*\) bits\/weight.*/\1/p' <<<"$s")" \
        "$(sed -n 's/.*predicted loss \([0-9.e+-]*\),.*/\1/p' <<<"$s")" \
        "$(sed -n 's/^Mean PPL(Q) *: *\([0-9.]*\).*/\1/p' <<<"$r")" \
        "$(sed -n 's/^Mean *KLD: *\([0-9.]*\).*/\1/p' <<<"$r")" >> "$rows"
}

# run NAME MODEL BASE IMATRIX "BPW ...": each mix, the solver at its file size (predicted loss and measured
# KLD), then the solver at the given bits/weight.
run_model() {
    local name=$1 model=$2 base=$3 imatrix=$4 budgets=$5
    local dir="$out/$name"
    mkdir -p "$dir"
    for preset in IQ2_XXS IQ2_XS IQ2_S IQ2_M IQ3_XXS IQ3_XS IQ3_S IQ3_M; do
        local p="$dir/preset-$preset.json"
        "$cli" plan "$model" --preset $preset --imatrix "$imatrix" -o "$p" > /dev/null 2>&1
        local size
        size=$("$cli" solve "$model" --imatrix "$imatrix" --score "$p" --cache-dir "$out/cache" 2>/dev/null |
               sed -n 's/.*file size \([0-9]*\) bytes.*/\1/p')
        "$cli" solve "$model" --imatrix "$imatrix" --target-size "$size" --cache-dir "$out/cache" \
            -o "$dir/solver-$preset.json" > /dev/null 2>&1 || true
        "$cli" solve "$model" --imatrix "$imatrix" --target-size "$size" --measure kld -f "$calib" \
            --cache-dir "$out/cache" -o "$dir/solver-kld-$preset.json" > /dev/null 2>&1 || true
        figures "$name" "$model" "$base" "$imatrix" "$p" "preset $preset"
        figures "$name" "$model" "$base" "$imatrix" "$dir/solver-$preset.json" "solver @ $preset size"
        figures "$name" "$model" "$base" "$imatrix" "$dir/solver-kld-$preset.json" "solver @ $preset size, measured KLD"
    done
    for bpw in $budgets; do
        "$cli" solve "$model" --imatrix "$imatrix" --target-bpw "$bpw" --measure kld -f "$calib" \
            --cache-dir "$out/cache" -o "$dir/solver-kld-$bpw.json" > /dev/null 2>&1 || true
        figures "$name" "$model" "$base" "$imatrix" "$dir/solver-kld-$bpw.json" "solver $bpw bpw, measured KLD"
    done
}

d256="$shared/reference/synth-d256"
run_model synth-d256 "$d256/model-f32.gguf" "$d256/kld-base-ctx128.bin" "$d256/imatrix.dat" "2.0 2.5 3.0 3.5"

small="$out/synth-0.5m.gguf"
[ -f "$small" ] || "$cli" synth --dim 256 --layers 1 --ff 256 --heads 4 --kv-heads 1 --tied --seed 7 \
    --vocab-from "$shared/models/stories260K.gguf" -o "$small" > /dev/null 2>&1
[ -f "$out/synth-0.5m-base.bin" ] || "$cli" ppl "$small" -f "$text" -c 128 --chunks 40 \
    --save-kld-base "$out/synth-0.5m-base.bin" > /dev/null 2>&1
[ -f "$out/synth-0.5m-imatrix.dat" ] || "$cli" imatrix "$small" -f "$calib" -c 128 --chunks 40 \
    -o "$out/synth-0.5m-imatrix.dat" > /dev/null 2>&1
run_model synth-0.5m "$small" "$out/synth-0.5m-base.bin" "$out/synth-0.5m-imatrix.dat" "2.0 2.5 3.0 3.5"

python3 - "$rows" <<'PY' | tee "$out/table.md"
import sys
rows = [l.rstrip('\n').split('\t') for l in open(sys.argv[1]) if l.strip()]
for model in dict.fromkeys(r[0] for r in rows):
    print(f"\n### {model}\n")
    print("| plan | file bytes | bits/weight | predicted loss | PPL | mean KLD |")
    print("|---|---|---|---|---|---|")
    for r in (r for r in rows if r[0] == model):
        print(f"| {r[1]} | {r[2]} | {r[3]} | {r[4]} | {r[5]} | {r[6]} |")
PY
