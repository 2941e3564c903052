// The scalar twin of LlamaForward: one sequence, triple loops, no threads.
#include "model/attention.h"
#include "model/dnnl_linear.h"
#include "model/llama_forward.h"
#include "model/llama_ops.h"

#include <cmath>

namespace qx {

std::vector<float> llamaForwardRef(const LlamaWeights& w, std::span<const int32_t> tokens, bool emulateF16KvCache)
{
    const LlamaConfig& c = w.config();
    const int64_t n = static_cast<int64_t>(tokens.size());
    const int64_t qDim = c.qDim(), kvDim = c.kvDim();
    const auto buf = [](int64_t a, int64_t b) { return std::vector<float>(static_cast<size_t>(a * b)); };
    std::vector<float> x = buf(n, c.nEmbd), cur = buf(n, c.nEmbd), tmp = buf(n, c.nEmbd);
    std::vector<float> q = buf(n, qDim), attn = buf(n, qDim), k = buf(n, kvDim), v = buf(n, kvDim);
    std::vector<float> gate = buf(n, c.nFf), up = buf(n, c.nFf);
    embedTokens(w.tokenEmbedding(), tokens.data(), n, x.data());
    const std::vector<float> rope = ropeTable(n, c, w.ropeFreqs().data);
    const AttentionShape shape{n, c.nHead, c.nHeadKv, c.headDim, 1.0f / std::sqrt(static_cast<float>(c.headDim)),
                               emulateF16KvCache};
    for (const LlamaLayerWeights& L : w.layers()) {
        rmsNormRows(x.data(), n, L.attnNorm, c.rmsNormEps, cur.data());
        linearRef(cur.data(), n, L.wq, L.bq, q.data());
        linearRef(cur.data(), n, L.wk, L.bk, k.data());
        linearRef(cur.data(), n, L.wv, L.bv, v.data());
        applyRope(q.data(), n, c.nHead, c, rope);
        applyRope(k.data(), n, c.nHeadKv, c, rope);
        causalAttentionRef(q.data(), k.data(), v.data(), attn.data(), shape);
        linearRef(attn.data(), n, L.wo, {}, tmp.data());
        addInPlace(x.data(), tmp.data(), n * c.nEmbd);
        rmsNormRows(x.data(), n, L.ffnNorm, c.rmsNormEps, cur.data());
        linearRef(cur.data(), n, L.gate, {}, gate.data());
        linearRef(cur.data(), n, L.up, {}, up.data());
        siluMul(gate.data(), up.data(), n * c.nFf);
        linearRef(gate.data(), n, L.down, {}, tmp.data());
        addInPlace(x.data(), tmp.data(), n * c.nEmbd);
    }
    rmsNormRows(x.data(), n, w.outputNorm(), c.rmsNormEps, cur.data());
    std::vector<float> logits = buf(n, c.nVocab);
    linearRef(cur.data(), n, w.output(), {}, logits.data());
    return logits;
}

} // namespace qx
