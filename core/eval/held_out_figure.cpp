// The qexplore.heldout.* metadata keys.
#include "eval/held_out_figure.h"

#include "io/model_file.h"

namespace qx {
namespace {

constexpr const char* kPpl = "qexplore.heldout.ppl";
constexpr const char* kUncertainty = "qexplore.heldout.ppl_uncertainty";
constexpr const char* kCtx = "qexplore.heldout.n_ctx";
constexpr const char* kTokens = "qexplore.heldout.tokens";
constexpr const char* kText = "qexplore.heldout.text";

} // namespace

std::vector<KeyValue> heldOutKeys(const HeldOutFigure& f)
{
    return {
        {kPpl, GgufValue::f64(f.ppl)},
        {kUncertainty, GgufValue::f64(f.uncertainty)},
        {kCtx, GgufValue::u32(static_cast<uint32_t>(f.nCtx))},
        {kTokens, GgufValue::u64(static_cast<uint64_t>(f.tokens))},
        {kText, GgufValue::string(f.text)},
    };
}

std::optional<HeldOutFigure> heldOutFigure(const ModelFile& model)
{
    const GgufValue* ppl = model.findMetadata(kPpl);
    const GgufValue* unc = model.findMetadata(kUncertainty);
    const GgufValue* ctx = model.findMetadata(kCtx);
    const GgufValue* tokens = model.findMetadata(kTokens);
    const GgufValue* text = model.findMetadata(kText);
    if (!ppl || !unc || !ctx || !tokens || !text || !ppl->isFloat() || !unc->isFloat() || !ctx->isInteger()
        || !tokens->isInteger() || !text->isString())
        return std::nullopt;
    return HeldOutFigure{ppl->toDouble(), unc->toDouble(), ctx->toInt(), tokens->toInt(), text->toString()};
}

} // namespace qx
