#include "common/error.h"
#include "common/test_data.h"
#include "common/test_main.h"
#include "core/safetensors_builder.h"
#include "io/hf_folder.h"
#include "io/hf_names.h"
#include "model/llama_weights.h"

#include <QtTest/QtTest>

using namespace qx::test;

namespace {

constexpr uint64_t k656kData = 8 + 2160; // header length from model.safetensors.meta.txt

float floatIn(const qx::TensorInfo& t, size_t index)
{
    float v;
    std::memcpy(&v, t.data.data() + index * 4, 4);
    return v;
}

std::string freshDir(const std::string& name)
{
    std::filesystem::remove_all(scratchDir(name));
    return scratchDir(name);
}

qx::Error openError(const std::string& dir)
{
    try {
        qx::openHfFolder(dir);
    } catch (const qx::Error& e) {
        return e;
    }
    return qx::Error(qx::ErrorCode::Cancelled, "no error raised");
}

} // namespace

class TestHfFolder : public QObject {
    Q_OBJECT
private slots:
    void tinystoriesSpec()
    {
        QX_REQUIRE_SHARED(dir, "models/tinystories-656k");
        auto mf = qx::openHfFolder(dir);
        QCOMPARE(mf->format, qx::ModelFormat::HfFolder);
        const qx::ModelSpec& s = mf->spec;
        QCOMPARE(s.architecture, std::string("llama"));
        QCOMPARE(s.embeddingLength, int64_t(128));
        QCOMPARE(s.blockCount, int64_t(2));
        QCOMPARE(s.headCount, int64_t(8));
        QCOMPARE(s.headCountKv, int64_t(4));
        QCOMPARE(s.feedForwardLength, int64_t(384));
        QCOMPARE(s.vocabSize, int64_t(2048));
        QCOMPARE(s.contextLength, int64_t(512));
        QCOMPARE(s.ropeDimensionCount, int64_t(16));
        QCOMPARE(s.ropeFreqBase, 10000.0);
        QCOMPARE(s.rmsNormEps, 1e-6);
        QVERIFY(s.tiedEmbeddings);
        QVERIFY(s.ropeNeox);
        QVERIFY(s.ropeScalingType.empty());
        QCOMPARE(s.bosTokenId, std::optional<int64_t>(1));
        QCOMPARE(s.eosTokenId, std::optional<int64_t>(2));
        QCOMPARE(s.name, std::string("tinystories-656k"));
    }

    void tinystoriesTensors()
    {
        QX_REQUIRE_SHARED(dir, "models/tinystories-656k");
        auto mf = qx::openHfFolder(dir);
        QCOMPARE(mf->tensors.size(), size_t(21));
        for (const auto& t : mf->tensors)
            QVERIFY2(t.name.rfind("model.", 0) != 0 && t.name != t.originalName, t.name.c_str());
        const struct { const char* name; const char* original; std::vector<int64_t> ne; } expected[] = {
            {"output.weight", "lm_head.weight", {128, 2048}},
            {"token_embd.weight", "model.embed_tokens.weight", {128, 2048}},
            {"blk.0.attn_q.weight", "model.layers.0.self_attn.q_proj.weight", {128, 128}},
            {"blk.1.attn_k.weight", "model.layers.1.self_attn.k_proj.weight", {128, 64}},
            {"blk.1.attn_v.weight", "model.layers.1.self_attn.v_proj.weight", {128, 64}},
            {"blk.0.attn_output.weight", "model.layers.0.self_attn.o_proj.weight", {128, 128}},
            {"blk.0.ffn_gate.weight", "model.layers.0.mlp.gate_proj.weight", {128, 384}},
            {"blk.0.ffn_up.weight", "model.layers.0.mlp.up_proj.weight", {128, 384}},
            {"blk.1.ffn_down.weight", "model.layers.1.mlp.down_proj.weight", {384, 128}},
            {"blk.1.attn_norm.weight", "model.layers.1.input_layernorm.weight", {128}},
            {"blk.0.ffn_norm.weight", "model.layers.0.post_attention_layernorm.weight", {128}},
            {"output_norm.weight", "model.norm.weight", {128}},
        };
        for (const auto& e : expected) {
            const qx::TensorInfo* t = mf->findTensor(e.name);
            QVERIFY2(t, e.name);
            QCOMPARE(t->originalName, std::string(e.original));
            QCOMPARE(t->ne, e.ne);
            QCOMPARE(t->type, qx::TensorType::F32);
            QCOMPARE(mf->findTensor(e.original), t);
        }
        const qx::TensorInfo* emb = mf->findTensor("token_embd.weight");
        QCOMPARE(emb->aliasOf, std::string("output.weight"));
        QCOMPARE(static_cast<const void*>(emb->data.data()),
                 static_cast<const void*>(mf->findTensor("output.weight")->data.data()));
        QCOMPARE(mf->totalParameters(), uint64_t(656000));
        QCOMPARE(mf->totalTensorBytes(), uint64_t(2624000));
    }

    void tinystoriesValues()
    {
        QX_REQUIRE_SHARED(dir, "models/tinystories-656k");
        const std::string file = dir + "/model.safetensors";
        auto mf = qx::openHfFolder(dir);
        // Offsets from model.safetensors.meta.txt; element [row][col] of a [out, in] weight is row * in + col.
        const qx::TensorInfo* q1 = mf->findTensor("blk.1.attn_q.weight");
        QCOMPARE(q1->fileOffset, k656kData + 2525184);
        QCOMPARE(floatIn(*q1, 5 * 128 + 7), floatAt(file, k656kData + 2525184 + (5 * 128 + 7) * 4));
        const qx::TensorInfo* down0 = mf->findTensor("blk.0.ffn_down.weight");
        QCOMPARE(floatIn(*down0, 127 * 384 + 383), floatAt(file, k656kData + 1049088 + (127 * 384 + 383) * 4));
        const qx::TensorInfo* emb = mf->findTensor("token_embd.weight");
        QCOMPARE(floatIn(*emb, 2047 * 128 + 1), floatAt(file, k656kData + (2047 * 128 + 1) * 4));
        QVERIFY(floatIn(*emb, 2047 * 128 + 1) != 0.0f);
        const qx::TensorInfo* norm = mf->findTensor("output_norm.weight");
        QCOMPARE(floatIn(*norm, 0), floatAt(file, k656kData + 2623488));
    }

    void tinystoriesTokenizerAndMetadata()
    {
        QX_REQUIRE_SHARED(dir, "models/tinystories-656k");
        auto mf = qx::openHfFolder(dir);
        QCOMPARE(mf->tokenizer.model, std::string("llama"));
        QCOMPARE(mf->tokenizer.vocabSize, int64_t(2048));
        QCOMPARE(mf->tokenizer.mergeCount, int64_t(1967));
        QCOMPARE(mf->tokenizer.pre, std::string());
        QCOMPARE(mf->tokenizer.sourcePath, dir + "/tokenizer.json");
        QCOMPARE(mf->findMetadata("general.architecture")->toString(), std::string("llama"));
        QCOMPARE(mf->findMetadata("llama.block_count")->toInt(), int64_t(2));
        QCOMPARE(mf->findMetadata("llama.embedding_length")->toInt(), int64_t(128));
        QCOMPARE(mf->findMetadata("llama.feed_forward_length")->toInt(), int64_t(384));
        QCOMPARE(mf->findMetadata("llama.attention.head_count")->toInt(), int64_t(8));
        QCOMPARE(mf->findMetadata("llama.attention.head_count_kv")->toInt(), int64_t(4));
        QCOMPARE(mf->findMetadata("llama.context_length")->toInt(), int64_t(512));
        QCOMPARE(mf->findMetadata("llama.context_length")->type, qx::GgufType::U32);
        QCOMPARE(mf->findMetadata("llama.attention.layer_norm_rms_epsilon")->toDouble(), double(1e-6f));
        QCOMPARE(mf->findMetadata("tokenizer.ggml.model")->toString(), std::string("llama"));
        QCOMPARE(mf->findMetadata("tokenizer.ggml.eos_token_id")->toInt(), int64_t(2));
        QCOMPARE(mf->findMetadata("format")->toString(), std::string("pt"));
    }

    void configVariants()
    {
        const qx::ModelSpec q = qx::parseHfConfig(
            R"({"architectures":["Qwen2ForCausalLM"],"hidden_size":896,"num_attention_heads":14,
                "num_hidden_layers":24,"rope_theta":1000000.0,"rope_scaling":{"rope_type":"yarn","factor":4.0},
                "eos_token_id":[151645,151643],"bos_token_id":null,"tie_word_embeddings":true})", "config.json");
        QCOMPARE(q.architecture, std::string("qwen2"));
        QCOMPARE(q.headCountKv, int64_t(14));   // defaults to the head count
        QCOMPARE(q.ropeDimensionCount, int64_t(64));
        QCOMPARE(q.ropeFreqBase, 1e6);
        QCOMPARE(q.ropeScalingType, std::string("yarn"));
        QCOMPARE(q.ropeScalingFactor, 4.0);
        QCOMPARE(q.eosTokenId, std::optional<int64_t>(151645));
        QVERIFY(!q.bosTokenId);
        QVERIFY(q.tiedEmbeddings);
        const qx::ModelSpec m = qx::parseHfConfig(
            R"({"architectures":["MistralForCausalLM"],"rope_scaling":{"type":"linear","factor":2}})", "c");
        QCOMPARE(m.architecture, std::string("llama"));
        QCOMPARE(m.ropeScalingType, std::string("linear"));
        QCOMPARE(m.ropeScalingFactor, 2.0);
        QCOMPARE(qx::parseHfConfig(R"({"hidden_size":4,"hidden_size":8})", "c").embeddingLength, int64_t(8));
        QCOMPARE(qx::parseHfConfig(R"({"architectures":["GPTNeoXForCausalLM"],"model_type":"gpt_neox"})", "c")
                     .architecture, std::string("gpt_neox"));
        QCOMPARE(qx::parseHfConfig(R"({"architectures":["FooModel"]})", "c").architecture, std::string("foomodel"));
        QVERIFY_THROWS_EXCEPTION(qx::Error, qx::parseHfConfig(R"({"hidden_size":"big"})", "c"));
        QVERIFY_THROWS_EXCEPTION(qx::Error, qx::parseHfConfig(R"({"hidden_size":-4})", "c"));
        QVERIFY_THROWS_EXCEPTION(qx::Error, qx::parseHfConfig(R"({"architectures":"x"})", "c"));
        QVERIFY_THROWS_EXCEPTION(qx::Error, qx::parseHfConfig(R"({"rope_scaling":3})", "c"));
        QVERIFY_THROWS_EXCEPTION(qx::Error, qx::parseHfConfig("[]", "c"));
    }

    // num_hidden_layers 2^40 grew the GUI and ppl to gigabytes, and export wrote it as 0 (a uint32_t cast).
    void countsBeyondTheLimits()
    {
        const std::pair<const char*, const char*> cases[] = {
            {R"({"num_hidden_layers":1099511627776})",
             "num_hidden_layers 1099511627776 exceeds the limit of 512 layers (llama.cpp's LLAMA_MAX_LAYERS)"},
            {R"({"hidden_size":4294967296})",
             "hidden_size 4294967296 exceeds the limit of 2147483647 (ggml's 32-bit hyper-parameters)"},
            {R"({"vocab_size":3000000000})",
             "vocab_size 3000000000 exceeds the limit of 2147483647 (ggml's 32-bit hyper-parameters)"},
        };
        for (const auto& [config, message] : cases) {
            try {
                qx::parseHfConfig(config, "folder/config.json");
                QFAIL(config);
            } catch (const qx::Error& e) {
                QCOMPARE(e.code(), qx::ErrorCode::Invalid);
                QCOMPARE(e.file(), std::string("folder/config.json"));
                QCOMPARE(e.detail(), std::string(message));
            }
        }
        QCOMPARE(qx::parseHfConfig(R"({"num_hidden_layers":512})", "c").blockCount, int64_t(512));
    }

    void tokenizerVariants()
    {
        const qx::TokenizerInfo g = qx::parseHfTokenizer(
            R"({"model":{"type":"BPE","vocab":{"a":0,"b":1,"ab":2},"merges":["a b"]},
                "pre_tokenizer":{"type":"Sequence","pretokenizers":[{"type":"Split"},{"type":"ByteLevel"}]},
                "added_tokens":[{"id":7,"content":"<s>"}]})", "tokenizer.json");
        QCOMPARE(g.model, std::string("gpt2"));
        QCOMPARE(g.pre, std::string("Split+ByteLevel"));
        QCOMPARE(g.vocabSize, int64_t(8));
        QCOMPARE(g.mergeCount, int64_t(1));
        const qx::TokenizerInfo u = qx::parseHfTokenizer(
            R"({"model":{"type":"Unigram","vocab":[["a",-1.0],["b",-2.0]]},"pre_tokenizer":{"type":"Metaspace"}})", "t");
        QCOMPARE(u.model, std::string("t5"));
        QCOMPARE(u.pre, std::string("Metaspace"));
        QCOMPARE(u.vocabSize, int64_t(2));
        QCOMPARE(qx::parseHfTokenizer(R"({"model":{"type":"WordPiece","vocab":{"x":0}}})", "t").model,
                 std::string("bert"));
        QVERIFY_THROWS_EXCEPTION(qx::Error, qx::parseHfTokenizer(R"({"model":{"type":"BPE","vocab":{"a":"x"}}})", "t"));
        QVERIFY_THROWS_EXCEPTION(qx::Error, qx::parseHfTokenizer(R"({"nomodel":1})", "t"));
        QVERIFY_THROWS_EXCEPTION(qx::Error, qx::parseHfTokenizer(
            R"({"model":{"type":"BPE","vocab":{}},"added_tokens":[{"id":9223372036854775807}]})", "t"));
    }

    void tensorNameTable()
    {
        QCOMPARE(qx::hfToGgufTensorName("model.layers.12.self_attn.q_proj.bias"), std::string("blk.12.attn_q.bias"));
        QCOMPARE(qx::hfToGgufTensorName("model.layers.3.mlp.gate_proj.weight"), std::string("blk.3.ffn_gate.weight"));
        QCOMPARE(qx::hfToGgufTensorName("model.layers.3.rotary_emb.inv_freq"), std::string("model.layers.3.rotary_emb.inv_freq"));
        QCOMPARE(qx::hfToGgufTensorName("model.layers.x.mlp.up_proj.weight"), std::string("model.layers.x.mlp.up_proj.weight"));
        QCOMPARE(qx::hfToGgufTensorName("model.layers.3.mlp.experts.0.w9.weight"),
                 std::string("model.layers.3.mlp.experts.0.w9.weight"));
        QCOMPARE(qx::hfToGgufTensorName("weight"), std::string("weight"));
    }

    void missingOrBrokenConfig()
    {
        const std::string dir = freshDir("tst_hf_folder/broken");
        qx::Error e = openError(dir);
        QCOMPARE(e.code(), qx::ErrorCode::Io);
        QCOMPARE(e.file(), dir + "/config.json");
        writeFile(dir + "/config.json", "{\"hidden_size\": 12,,}");
        e = openError(dir);
        QCOMPARE(e.code(), qx::ErrorCode::Invalid);
        QCOMPARE(e.file(), dir + "/config.json");
        QCOMPARE(e.offset(), uint64_t(19));
        writeFile(dir + "/config.json", "{}");
        e = openError(dir);   // no weights
        QCOMPARE(e.code(), qx::ErrorCode::Io);
        writeFile(dir + "/a.safetensors", stFile({{"w", "F32", {1}, floatBytes({1})}}));
        writeFile(dir + "/b.safetensors", stFile({{"w", "F32", {1}, floatBytes({1})}}));
        e = openError(dir);   // which one?
        QCOMPARE(e.code(), qx::ErrorCode::Io);
        std::filesystem::remove(dir + "/b.safetensors");
        QCOMPARE(qx::openHfFolder(dir)->findTensor("w")->sourceFile, dir + "/a.safetensors");
        writeFile(dir + "/tokenizer.json", "{\"model\":");
        e = openError(dir);
        QCOMPARE(e.code(), qx::ErrorCode::Invalid);
        QCOMPARE(e.file(), dir + "/tokenizer.json");
    }

    // Hyper-parameters that the forward pass refuses are errors of config.json, not of the folder.
    void configErrorsNameConfigJson()
    {
        const std::string dir = freshDir("tst_hf_folder/heads");
        writeFile(dir + "/config.json", R"({"architectures":["LlamaForCausalLM"],"num_hidden_layers":1,
            "hidden_size":8,"intermediate_size":16,"num_attention_heads":3,"vocab_size":4})");
        writeFile(dir + "/model.safetensors", stFile({{"model.embed_tokens.weight", "F32", {4, 8},
                                                       floatBytes(std::vector<float>(32, 0.5f))}}));
        try {
            qx::LlamaWeights::checkModel(*qx::openHfFolder(dir));
            QFAIL("3 heads of an 8-wide model accepted");
        } catch (const qx::Error& e) {
            QCOMPARE(e.file(), dir + "/config.json");
            QVERIFY2(std::string(e.what()).rfind(dir + "/config.json: ", 0) == 0, e.what());
        }
    }

    void unknownArchitectureStillOpens()
    {
        const std::string dir = freshDir("tst_hf_folder/unknown");
        writeFile(dir + "/config.json", R"({"architectures":["FooForBar"],"model_type":"foo","hidden_size":4})");
        writeFile(dir + "/model.safetensors",
                  stFile({{"model.layers.0.self_attn.q_proj.weight", "F32", {2, 2}, floatBytes({1, 2, 3, 4})},
                          {"lm_head.weight", "F32", {1}, floatBytes({9})}}));
        auto mf = qx::openHfFolder(dir);
        QCOMPARE(mf->spec.architecture, std::string("foo"));
        QVERIFY(mf->findTensor("model.layers.0.self_attn.q_proj.weight"));
        QCOMPARE(mf->findTensor("model.layers.0.self_attn.q_proj.weight")->name,
                 std::string("model.layers.0.self_attn.q_proj.weight"));
        QVERIFY(!mf->spec.tiedEmbeddings);      // unstated, and an output head is stored
        QVERIFY(mf->tokenizer.model.empty());
        QCOMPARE(mf->findMetadata("foo.embedding_length")->toInt(), int64_t(4));
    }

    void shardedFolder()
    {
        const std::string dir = freshDir("tst_hf_folder/sharded");
        writeFile(dir + "/config.json", R"({"architectures":["LlamaForCausalLM"],"num_hidden_layers":1})");
        writeFile(dir + "/model-00001-of-00002.safetensors",
                  stFile({{"model.embed_tokens.weight", "F16", {3, 2}, std::string(12, '\1')}}));
        writeFile(dir + "/model-00002-of-00002.safetensors",
                  stFile({{"model.layers.0.mlp.down_proj.weight", "BF16", {2, 5}, std::string(20, '\2')}}));
        writeFile(dir + "/model.safetensors.index.json",
                  R"({"metadata":{"total_size":32},"weight_map":{
                      "model.embed_tokens.weight":"model-00001-of-00002.safetensors",
                      "model.layers.0.mlp.down_proj.weight":"model-00002-of-00002.safetensors"}})");
        auto mf = qx::openHfFolder(dir);
        QCOMPARE(mf->mappings.size(), size_t(2));
        QCOMPARE(mf->findTensor("token_embd.weight")->ne, (std::vector<int64_t>{2, 3}));
        QCOMPARE(mf->findTensor("token_embd.weight")->type, qx::TensorType::F16);
        QCOMPARE(mf->findTensor("blk.0.ffn_down.weight")->ne, (std::vector<int64_t>{5, 2}));
        QCOMPARE(mf->findTensor("blk.0.ffn_down.weight")->sourceFile, dir + "/model-00002-of-00002.safetensors");
        QVERIFY(mf->spec.tiedEmbeddings);      // unstated, and no output head stored
        QCOMPARE(mf->totalTensorBytes(), uint64_t(32));
    }
};

QX_TEST_APPLESS_MAIN(TestHfFolder)
#include "tst_hf_folder.moc"
