// Hugging Face folders of Gemma, Gemma 2, Phi-3, Qwen2-MoE and Mixtral (small synthetic ones, tensors laid
// out and named as the published checkpoints) open with the GGUF names llama.cpp's converter (b4748)
// gives their tensors, so llama-quantize's mix rules apply when a preset is planned for them: Phi-3's fused
// attn_qkv takes the attn_qkv rule, expert tensors take the ffn_* rule of their own layer, routers are never
// quantized, and an 8-expert model gets the "8 experts" rules for attn_k / attn_v.
#include "common/error.h"
#include "common/test_data.h"
#include "common/test_main.h"
#include "core/safetensors_builder.h"
#include "export/hf_convert.h"
#include "io/hf_folder.h"
#include "io/hf_names.h"
#include "plan/presets.h"

#include <QtTest/QtTest>

using namespace qx;
using namespace qx::test;

namespace {

constexpr uint64_t kHidden = 256, kFfn = 256, kVocab = 256;

struct Folder {
    std::string config;
    std::vector<std::pair<std::string, std::vector<uint64_t>>> tensors;  ///< HF name, HF shape
};

void add(Folder& f, const std::string& name, std::vector<uint64_t> shape)
{
    f.tensors.push_back({name, std::move(shape)});
}

/// Attention, norms and embeddings of a two-layer model; `layer(f, prefix)` adds the rest of each layer.
template <typename Layer>
Folder folder(const std::string& hfClass, const std::string& extraConfig, Layer layer, bool withHead = true)
{
    Folder f;
    f.config = R"({"architectures":[")" + hfClass + R"("],"hidden_size":256,"intermediate_size":256,)"
             + R"("num_hidden_layers":2,"num_attention_heads":2,"num_key_value_heads":1,"vocab_size":256)"
             + extraConfig + "}";
    add(f, "model.embed_tokens.weight", {kVocab, kHidden});
    for (int i = 0; i < 2; ++i) {
        const std::string p = "model.layers." + std::to_string(i) + ".";
        add(f, p + "input_layernorm.weight", {kHidden});
        add(f, p + "post_attention_layernorm.weight", {kHidden});
        add(f, p + "self_attn.o_proj.weight", {kHidden, kHidden});
        layer(f, p);
    }
    add(f, "model.norm.weight", {kHidden});
    if (withHead)
        add(f, "lm_head.weight", {kVocab, kHidden});
    return f;
}

void separateQkv(Folder& f, const std::string& p)
{
    add(f, p + "self_attn.q_proj.weight", {kHidden, kHidden});
    add(f, p + "self_attn.k_proj.weight", {kHidden / 2, kHidden});
    add(f, p + "self_attn.v_proj.weight", {kHidden / 2, kHidden});
}

void denseMlp(Folder& f, const std::string& p)
{
    add(f, p + "mlp.gate_proj.weight", {kFfn, kHidden});
    add(f, p + "mlp.up_proj.weight", {kFfn, kHidden});
    add(f, p + "mlp.down_proj.weight", {kHidden, kFfn});
}

std::shared_ptr<const ModelFile> open(const std::string& name, const Folder& f)
{
    const std::string dir = scratchDir("tst_hf_arch_names/" + name);
    writeFile(dir + "/config.json", f.config);
    std::vector<StTensor> st;
    for (const auto& [tensor, shape] : f.tensors) {
        uint64_t n = 1;
        for (uint64_t d : shape)
            n *= d;
        st.push_back({tensor, "F16", shape, std::string(n * 2, '\0')});
    }
    writeFile(dir + "/model.safetensors", stFile(st));
    return openHfFolder(dir);
}

/// The GGUF name of HF tensor `hfName` in `m` (checks it exists).
std::string nameOf(const ModelFile& m, const std::string& hfName)
{
    for (const TensorInfo& t : m.tensors)
        if (t.originalName == hfName)
            return t.name;
    return "(missing " + hfName + ")";
}

TensorType typeIn(const Plan& plan, const std::string& tensor)
{
    for (const PlanEntry& e : plan.entries)
        if (e.tensor == tensor)
            return e.type;
    qWarning("no plan entry for %s", tensor.c_str());
    return TensorType::I64;  // a type no plan entry has here
}

} // namespace

class TestHfArchNames : public QObject {
    Q_OBJECT
private slots:
    void gemma()
    {
        const auto m = open("gemma", folder("GemmaForCausalLM", R"(,"head_dim":128)", [](Folder& f, const std::string& p) {
            separateQkv(f, p);
            denseMlp(f, p);
        }, false));
        QCOMPARE(m->spec.architecture, std::string("gemma"));
        QCOMPARE(nameOf(*m, "model.layers.1.post_attention_layernorm.weight"), std::string("blk.1.ffn_norm.weight"));
        QCOMPARE(nameOf(*m, "model.layers.0.self_attn.k_proj.weight"), std::string("blk.0.attn_k.weight"));
        QCOMPARE(nameOf(*m, "model.norm.weight"), std::string("output_norm.weight"));
        const Plan plan = planPreset(*m, Preset::Q4_K_M);
        QCOMPARE(typeIn(plan, "token_embd.weight"), TensorType::Q6_K);  // tied: serves as the output head
        QCOMPARE(typeIn(plan, "blk.1.ffn_norm.weight"), TensorType::F16);
    }

    void gemma2()
    {
        const auto m = open("gemma2", folder("Gemma2ForCausalLM", "", [](Folder& f, const std::string& p) {
            separateQkv(f, p);
            denseMlp(f, p);
            add(f, p + "pre_feedforward_layernorm.weight", {kHidden});
            add(f, p + "post_feedforward_layernorm.weight", {kHidden});
        }, false));
        QCOMPARE(m->spec.architecture, std::string("gemma2"));
        QCOMPARE(nameOf(*m, "model.layers.0.input_layernorm.weight"), std::string("blk.0.attn_norm.weight"));
        QCOMPARE(nameOf(*m, "model.layers.0.post_attention_layernorm.weight"), std::string("blk.0.post_attention_norm.weight"));
        QCOMPARE(nameOf(*m, "model.layers.0.pre_feedforward_layernorm.weight"), std::string("blk.0.ffn_norm.weight"));
        QCOMPARE(nameOf(*m, "model.layers.1.post_feedforward_layernorm.weight"), std::string("blk.1.post_ffw_norm.weight"));
        const Plan plan = planPreset(*m, Preset::Q4_K_M);
        QCOMPARE(typeIn(plan, "blk.1.post_ffw_norm.weight"), TensorType::F16);
        QCOMPARE(typeIn(plan, "blk.1.ffn_down.weight"), TensorType::Q6_K);   // use_more_bits(1, 2)
        QCOMPARE(typeIn(plan, "blk.0.ffn_down.weight"), TensorType::Q4_K);
    }

    void phi3()
    {
        const auto m = open("phi3", folder("Phi3ForCausalLM", "", [](Folder& f, const std::string& p) {
            add(f, p + "self_attn.qkv_proj.weight", {2 * kHidden, kHidden});
            add(f, p + "mlp.gate_up_proj.weight", {2 * kFfn, kHidden});
            add(f, p + "mlp.down_proj.weight", {kHidden, kFfn});
        }));
        QCOMPARE(m->spec.architecture, std::string("phi3"));
        QCOMPARE(nameOf(*m, "model.layers.1.self_attn.qkv_proj.weight"), std::string("blk.1.attn_qkv.weight"));
        QCOMPARE(nameOf(*m, "model.layers.1.mlp.gate_up_proj.weight"), std::string("blk.1.ffn_up.weight"));
        QCOMPARE(nameOf(*m, "lm_head.weight"), std::string("output.weight"));
        const Plan plan = planPreset(*m, Preset::Q4_K_M);
        QCOMPARE(typeIn(plan, "blk.0.attn_qkv.weight"), TensorType::Q5_K);
        QCOMPARE(typeIn(plan, "output.weight"), TensorType::Q6_K);
    }

    void qwen2moe()
    {
        const auto m = open("qwen2moe", folder("Qwen2MoeForCausalLM", R"(,"num_experts":4,"num_experts_per_tok":2)",
                                               [](Folder& f, const std::string& p) {
            separateQkv(f, p);
            add(f, p + "self_attn.q_proj.bias", {kHidden});
            add(f, p + "mlp.gate.weight", {4, kHidden});
            for (int e = 0; e < 4; ++e) {
                const std::string x = p + "mlp.experts." + std::to_string(e) + ".";
                add(f, x + "gate_proj.weight", {kFfn, kHidden});
                add(f, x + "up_proj.weight", {kFfn, kHidden});
                add(f, x + "down_proj.weight", {kHidden, kFfn});
            }
            add(f, p + "mlp.shared_expert.gate_proj.weight", {kFfn, kHidden});
            add(f, p + "mlp.shared_expert.up_proj.weight", {kFfn, kHidden});
            add(f, p + "mlp.shared_expert.down_proj.weight", {kHidden, kFfn});
            add(f, p + "mlp.shared_expert_gate.weight", {1, kHidden});
        }));
        QCOMPARE(m->spec.architecture, std::string("qwen2moe"));
        QCOMPARE(m->findMetadata("qwen2moe.expert_count")->toInt(), int64_t(4));
        QCOMPARE(m->findMetadata("qwen2moe.expert_used_count")->toInt(), int64_t(2));
        QCOMPARE(nameOf(*m, "model.layers.0.mlp.gate.weight"), std::string("blk.0.ffn_gate_inp.weight"));
        QCOMPARE(nameOf(*m, "model.layers.1.mlp.experts.3.down_proj.weight"), std::string("blk.1.ffn_down.3.weight"));
        QCOMPARE(nameOf(*m, "model.layers.0.mlp.shared_expert.up_proj.weight"), std::string("blk.0.ffn_up_shexp.weight"));
        QCOMPARE(nameOf(*m, "model.layers.0.mlp.shared_expert_gate.weight"), std::string("blk.0.ffn_gate_inp_shexp.weight"));
        QCOMPARE(nameOf(*m, "model.layers.0.self_attn.q_proj.bias"), std::string("blk.0.attn_q.bias"));
        QVERIFY(isPerExpertTensorName("blk.1.ffn_down.3.weight"));
        QVERIFY(!isPerExpertTensorName("blk.1.ffn_down_shexp.weight"));
        const Plan plan = planPreset(*m, Preset::Q4_K_M);
        for (int e = 0; e < 4; ++e) {  // each expert by its own layer, not by a running count
            QCOMPARE(typeIn(plan, "blk.0.ffn_down." + std::to_string(e) + ".weight"), TensorType::Q4_K);
            QCOMPARE(typeIn(plan, "blk.1.ffn_down." + std::to_string(e) + ".weight"), TensorType::Q6_K);
        }
        QCOMPARE(typeIn(plan, "blk.1.ffn_down_shexp.weight"), TensorType::Q6_K);
        QCOMPARE(typeIn(plan, "blk.0.ffn_gate_inp.weight"), TensorType::F16);
        QCOMPARE(typeIn(plan, "blk.0.ffn_gate_inp_shexp.weight"), TensorType::F16);
    }

    void mixtral()
    {
        const auto m = open("mixtral", folder("MixtralForCausalLM", R"(,"num_local_experts":8,"num_experts_per_tok":2)",
                                              [](Folder& f, const std::string& p) {
            separateQkv(f, p);
            add(f, p + "block_sparse_moe.gate.weight", {8, kHidden});
            for (int e = 0; e < 8; ++e) {
                const std::string x = p + "block_sparse_moe.experts." + std::to_string(e) + ".";
                add(f, x + "w1.weight", {kFfn, kHidden});
                add(f, x + "w2.weight", {kHidden, kFfn});
                add(f, x + "w3.weight", {kFfn, kHidden});
            }
        }));
        QCOMPARE(m->spec.architecture, std::string("llama"));
        QCOMPARE(m->findMetadata("llama.expert_count")->toInt(), int64_t(8));
        QCOMPARE(nameOf(*m, "model.layers.1.block_sparse_moe.gate.weight"), std::string("blk.1.ffn_gate_inp.weight"));
        QCOMPARE(nameOf(*m, "model.layers.0.block_sparse_moe.experts.7.w1.weight"), std::string("blk.0.ffn_gate.7.weight"));
        QCOMPARE(nameOf(*m, "model.layers.0.block_sparse_moe.experts.7.w2.weight"), std::string("blk.0.ffn_down.7.weight"));
        QCOMPARE(nameOf(*m, "model.layers.0.block_sparse_moe.experts.7.w3.weight"), std::string("blk.0.ffn_up.7.weight"));
        const Plan plan = planPreset(*m, Preset::Q4_K_M);
        QCOMPARE(typeIn(plan, "blk.0.attn_k.weight"), TensorType::Q8_0);  // 8 experts
        QCOMPARE(typeIn(plan, "blk.1.attn_v.weight"), TensorType::Q8_0);
        QCOMPARE(typeIn(plan, "blk.1.ffn_down.5.weight"), TensorType::Q6_K);
        QCOMPARE(typeIn(plan, "blk.0.ffn_down.5.weight"), TensorType::Q4_K);
        QCOMPARE(typeIn(plan, "blk.0.ffn_gate.2.weight"), TensorType::Q4_K);
        QCOMPARE(typeIn(plan, "blk.1.ffn_gate_inp.weight"), TensorType::F16);
        // Exporting it would write experts llama.cpp b4748 no longer loads one by one: refused.
        try {
            convertedMetadata(*m);
            QFAIL("per-expert tensors were exported");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::Unsupported);
            QCOMPARE(e.file(), m->path);
        }
    }

    void unmappedNamesStay()
    {
        QCOMPARE(hfToGgufTensorName("model.layers.3.mlp.experts.0.w1.weight", "llama"),
                 std::string("model.layers.3.mlp.experts.0.w1.weight"));
        QCOMPARE(hfToGgufTensorName("model.layers.3.block_sparse_moe.experts.01.w1.weight", "llama"),
                 std::string("model.layers.3.block_sparse_moe.experts.01.w1.weight"));
        QCOMPARE(hfToGgufTensorName("model.layers.3.pre_feedforward_layernorm.weight", "gemma"),
                 std::string("model.layers.3.pre_feedforward_layernorm.weight"));
        QCOMPARE(hfToGgufTensorName("model.layers.3.post_attention_layernorm.weight", "gemma2"),
                 std::string("blk.3.post_attention_norm.weight"));
        QVERIFY(!mapsHfTensorNames("foo"));
    }
};

QX_TEST_APPLESS_MAIN(TestHfArchNames)
#include "tst_hf_arch_names.moc"
