// libFuzzer target for plan files: any text is a plan (planFromJson) or a qx::Error. A plan that parses is
// checked against a small model (validatePlan: every tensor covered, shapes and types writable) and written
// back: planToJson's text parses to the same plan.
#include "common/error.h"
#include "io/model_file.h"
#include "plan/plan.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

qx::TensorInfo f32(const char* name, std::vector<int64_t> ne, std::span<const float> values)
{
    qx::TensorInfo t;
    t.name = t.originalName = name;
    t.ne = std::move(ne);
    t.nbytes = values.size_bytes();
    t.data = std::as_bytes(values);
    t.sourceFile = "fuzz.gguf";
    return t;
}

const qx::ModelFile& smallModel()
{
    static const std::array<float, 64 * 4> matrix{};
    static const std::array<float, 64> norm{};
    static const qx::ModelFile model = [] {
        qx::ModelFile m;
        m.path = "fuzz.gguf";
        m.spec.architecture = "llama";
        m.tensors = {f32("token_embd.weight", {64, 4}, matrix), f32("blk.0.attn_q.weight", {64, 4}, matrix),
                     f32("blk.0.attn_norm.weight", {64}, norm)};
        return m;
    }();
    return model;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    qx::Plan plan;
    try {
        plan = qx::planFromJson(text, "fuzz.plan.json");
    } catch (const qx::Error&) {
        return 0;
    }
    if (qx::planFromJson(qx::planToJson(plan), "again.plan.json") != plan)
        std::abort();
    try {
        qx::validatePlan(smallModel(), plan);
    } catch (const qx::Error&) {
    }
    return 0;
}
