#!/usr/bin/env bash
# Reproduces the acceptance tables of docs/solver.md: llama.cpp's Q3_K_M / Q4_K_M mixes against solver
# plans of the same file size, and the rank correlation of predicted loss with measured KLD.
#
#   tools/solver_table.sh [BUILD_DIR] [OUT_DIR]        (defaults: build, /tmp/qx-solver-table)
#
# Every plan is evaluated by our engine, weight-only (`ppl MODEL --kld-base BASE --plan P`): 40 chunks of
# 128 tokens of text/tinystories-valid-head.txt against the F32 model's logits (synth-d256: llama.cpp's
# own kld-base-ctx128.bin). The measured-KLD solver calibrates on the text's last 200 kB, which the
# evaluation (its first ~5k tokens) never sees. Needs ../shared (or QX_SHARED) and python3.
# QX_TABLE_MODELS="stories260K" limits the run to the models named. Takes about 15 minutes on 2 cores.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
out=${2:-/tmp/qx-solver-table}
shared=${QX_SHARED:-$here/../shared}
cli="$build/app/qexplore-cli"
text="$shared/text/tinystories-valid-head.txt"
mkdir -p "$out"
calib="$out/calib.txt"
tail -c 200000 "$text" > "$calib"
rows="$out/rows.tsv"
: > "$rows"

# eval NAME MODEL BASE PLAN LABEL: appends "model label bytes bpw loss kld-pred ppl kld" to rows.tsv
evaluate() {
    local name=$1 model=$2 base=$3 plan=$4 label=$5
    local r
    r=$("$cli" ppl "$model" --kld-base "$base" --plan "$plan" 2>/dev/null)
    local ppl kld
    ppl=$(sed -n 's/^Mean PPL(Q) *: *\([0-9.]*\).*/\1/p' <<<"$r")
    kld=$(sed -n 's/^Mean *KLD: *\([0-9.]*\).*/\1/p' <<<"$r")
    local s1 s2
    s1=$(grep -F "$plan:" "$out/$name-score.txt")
    s2=$(grep -F "$plan:" "$out/$name-score-kld.txt")
    local bytes bpw loss kpred
    bytes=$(sed -n 's/.*file size \([0-9]*\) bytes.*/\1/p' <<<"$s1")
    bpw=$(sed -n 's/.*, \([0-9.]*\) bits\/weight.*/\1/p' <<<"$s1")
    loss=$(sed -n 's/.*predicted loss \([0-9.e+-]*\),.*/\1/p' <<<"$s1")
    kpred=$(sed -n 's/.*predicted KLD \([0-9.e+-]*\),.*/\1/p' <<<"$s2")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$label" "$bytes" "$bpw" "$loss" "$kpred" "$ppl" "$kld" >> "$rows"
}

# run NAME MODEL BASE "BPW BPW ..." PURE_TYPES...
run_model() {
    local name=$1 model=$2 base=$3 budgets=$4
    shift 4
    local dir="$out/$name"
    mkdir -p "$dir"
    local plans=() labels=()
    for preset in Q3_K_M Q4_K_M; do
        "$cli" plan "$model" --preset $preset -o "$dir/preset-$preset.json" > /dev/null 2>&1
        local size
        size=$("$cli" solve "$model" --score "$dir/preset-$preset.json" --cache-dir "$out/cache" 2>/dev/null |
               sed -n 's/.*file size \([0-9]*\) bytes.*/\1/p')
        plans+=("$dir/preset-$preset.json"); labels+=("preset $preset")
        "$cli" solve "$model" --target-size "$size" --cache-dir "$out/cache" -o "$dir/solver-$preset.json" > /dev/null 2>&1 || true
        plans+=("$dir/solver-$preset.json"); labels+=("solver @ $preset size")
        "$cli" solve "$model" --target-size "$size" --output-min Q6_K --cache-dir "$out/cache" \
            -o "$dir/solver-out-$preset.json" > /dev/null 2>&1 || true
        plans+=("$dir/solver-out-$preset.json"); labels+=("solver @ $preset size, output>=Q6_K")
        "$cli" solve "$model" --target-size "$size" --measure kld -f "$calib" --cache-dir "$out/cache" \
            -o "$dir/solver-kld-$preset.json" > /dev/null 2>&1 || true
        plans+=("$dir/solver-kld-$preset.json"); labels+=("solver @ $preset size, measured KLD")
    done
    for t in "$@"; do
        "$cli" plan "$model" --pure "$t" -o "$dir/pure-$t.json" > /dev/null 2>&1
        plans+=("$dir/pure-$t.json"); labels+=("pure $t")
    done
    for bpw in $budgets; do
        "$cli" solve "$model" --target-bpw $bpw --cache-dir "$out/cache" -o "$dir/solver-$bpw.json" > /dev/null 2>&1 || true
        plans+=("$dir/solver-$bpw.json"); labels+=("solver $bpw bpw")
        "$cli" solve "$model" --target-bpw $bpw --measure kld -f "$calib" --cache-dir "$out/cache" \
            -o "$dir/solver-kld-$bpw.json" > /dev/null 2>&1 || true
        plans+=("$dir/solver-kld-$bpw.json"); labels+=("solver $bpw bpw, measured KLD")
    done
    local scores=()
    for p in "${plans[@]}"; do scores+=(--score "$p"); done
    "$cli" solve "$model" "${scores[@]}" --cache-dir "$out/cache" > "$out/$name-score.txt" 2>/dev/null
    "$cli" solve "$model" "${scores[@]}" --measure kld -f "$calib" --cache-dir "$out/cache" \
        > "$out/$name-score-kld.txt" 2>/dev/null
    for i in "${!plans[@]}"; do
        evaluate "$name" "$model" "$base" "${plans[$i]}" "${labels[$i]}"
        echo "$name: ${labels[$i]} done" >&2
    done
}

synth="$shared/reference/synth-d256/model-f32.gguf"
want() { [ -z "${QX_TABLE_MODELS:-}" ] || [[ " $QX_TABLE_MODELS " == *" $1 "* ]]; }

# Budgets: synth-d256 takes every K-quant; the small models' rows (64, 128, 172, 384 wide) fit only the
# 32-blocks and F16, so their smallest plans are near 6.7 (stories260K) and 5 bits/weight (656k).
want synth-d256 && run_model synth-d256 "$synth" "$shared/reference/synth-d256/kld-base-ctx128.bin" "3 4 5 6" Q2_K Q3_K Q4_K Q5_K Q6_K Q8_0 Q4_0 IQ4_XS

# The 656k HF folder is first converted to an F32 GGUF by our exporter (ppl tokenizes GGUF files).
tiny="$out/tinystories-656k-f32.gguf"
if want tinystories-656k && [ ! -f "$tiny" ]; then
    "$cli" export "$shared/models/tinystories-656k" --preset F32 -o "$tiny" > /dev/null 2>&1
fi
for m in "stories260K:$shared/models/stories260K.gguf:7 8 9 10" "tinystories-656k:$tiny:5.5 6 7 8"; do
    name=${m%%:*}
    rest=${m#*:}
    budgets=${rest#*:}
    want "$name" || continue
    model="${rest%%:*}"
    base="$out/$name-base.bin"
    [ -f "$base" ] || "$cli" ppl "$model" -f "$text" -c 128 --chunks 40 --save-kld-base "$base" > /dev/null 2>&1
    run_model "$name" "$model" "$base" "$budgets" Q4_0 Q5_0 Q8_0 IQ4_NL
done

python3 - "$rows" <<'PY' | tee "$out/table.md"
import sys
rows = [l.rstrip('\n').split('\t') for l in open(sys.argv[1]) if l.strip()]
def ranks(v):
    order = sorted(range(len(v)), key=lambda i: v[i])
    r = [0.0] * len(v)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and v[order[j + 1]] == v[order[i]]:
            j += 1
        for k in range(i, j + 1):
            r[order[k]] = (i + j) / 2.0 + 1
        i = j + 1
    return r
def spearman(a, b):
    ra, rb = ranks(a), ranks(b)
    n = len(a)
    ma, mb = sum(ra) / n, sum(rb) / n
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb))
    va = sum((x - ma) ** 2 for x in ra) ** 0.5
    vb = sum((y - mb) ** 2 for y in rb) ** 0.5
    return cov / (va * vb)
for model in dict.fromkeys(r[0] for r in rows):
    rs = [r for r in rows if r[0] == model and r[7]]
    print(f"\n### {model}\n")
    print("| plan | file bytes | bits/weight | predicted loss | predicted KLD | PPL | mean KLD |")
    print("|---|---|---|---|---|---|---|")
    for r in rs:
        print(f"| {r[1]} | {r[2]} | {r[3]} | {r[4]} | {r[5]} | {r[6]} | {r[7]} |")
    kld = [float(r[7]) for r in rs]
    s1 = spearman([float(r[4]) for r in rs], kld)
    s2 = spearman([float(r[5]) for r in rs], kld)
    print(f"\nSpearman over {len(rs)} plans: predicted loss vs mean KLD {s1:.3f}; "
          f"predicted KLD (measured enable-one calibration) vs mean KLD {s2:.3f}")
PY
