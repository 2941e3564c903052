#include "eval/imatrix_export.h"

#include "common/text_file.h"
#include "eval/perplexity.h"
#include "model/mapped_weights.h"
#include "model/tokenizer.h"

namespace qx {

ImatrixFile toImatrixFile(const ImatrixCollector& collector, const std::string& dataset)
{
    ImatrixFile file;
    for (auto& s : collector.stats())
        file.entries.push_back({s.name, s.ncall, std::move(s.values)});
    file.hasTrailer = true;
    file.lastChunk = collector.lastCall();
    file.dataset = dataset;
    return file;
}

ImatrixFile computeModelImatrix(std::shared_ptr<const ModelFile> model, const std::string& textPath, int64_t nCtx,
                                int64_t maxChunks, int threads, const ProgressFn& progress)
{
    const Tokenizer tokenizer = model->format == ModelFormat::Gguf ? Tokenizer::fromGguf(*model) : openTokenizer(model->path);
    const std::vector<int32_t> tokens = tokenizer.encode(readTextFile(textPath), true);
    ForwardOptions fo;
    fo.threads = threads;
    LlamaForward forward(std::make_shared<const MappedWeights>(model, threads), fo);
    ImatrixCollector collector;
    forward.setActivationHook(collector.hook());
    computeImatrix(forward, tokens, nCtx, maxChunks, chunkBosToken(*model, tokenizer), progress);
    ImatrixFile file = toImatrixFile(collector, textPath);
    file.chunkSize = static_cast<uint32_t>(nCtx);
    return file;
}

} // namespace qx
