// Counting fallback tokens.
#include "eval/text_fit.h"

namespace qx {

double TextFit::fallbackRate() const
{
    return tokens > 0 ? static_cast<double>(unknownTokens + byteTokens) / static_cast<double>(tokens) : 0.0;
}

double TextFit::pplToVocab() const
{
    return ppl > 0.0 && vocabSize > 0 ? ppl / static_cast<double>(vocabSize) : 0.0;
}

TextFit textFit(const Vocab& vocab, std::span<const int32_t> tokens, double ppl)
{
    TextFit fit;
    fit.vocabSize = vocab.size();
    fit.ppl = ppl;
    for (int32_t id : tokens) {
        const TokenType type = vocab.typeOf(id);
        if (type == TokenType::Control)
            continue;
        ++fit.tokens;
        if (id == vocab.unkId || type == TokenType::Unknown)
            ++fit.unknownTokens;
        else if (type == TokenType::Byte)
            ++fit.byteTokens;
    }
    return fit;
}

} // namespace qx
