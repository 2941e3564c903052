#include "model/llama_forward.h"

#include "common/error.h"
#include "model/activation_store.h"
#include "model/block_runner.h"
#include "model/llama_ops.h"
#include "common/parallel_for.h"
#include "model/scoped_timer.h"

#include <algorithm>
#include <cstring>
#include <filesystem>

namespace qx {
namespace {

const char* const kProjections[] = {"attn_q", "attn_k", "attn_v", "attn_output", "ffn_gate", "ffn_up", "ffn_down"};

/// The names of one stage of block `layer`: the attention half or the feed-forward half.
std::vector<std::string> stageNames(const LlamaConfig& c, int64_t layer, bool attention)
{
    std::vector<std::string> names;
    for (const LlamaTensorSpec& t : llamaBlockTensors(c, layer))
        if ((t.name.find(".attn_") != std::string::npos) == attention)
            names.push_back(t.name);
    return names;
}

void checkOptions(const LlamaConfig& c, const ForwardOptions& o)
{
    if (o.activationQuant == ActivationQuant::None)
        return;
    if (o.emulateActivationQuantization)
        throw Error(ErrorCode::InvalidArgument, "W8A8 and ggml activation rounding exclude each other");
    if (o.activationQuant != ActivationQuant::StaticInt8)
        return;
    if (!o.staticInputSteps)
        throw Error(ErrorCode::InvalidArgument, "static int8 activations need calibrated input steps");
    for (int64_t layer = 0; layer < c.nLayer; ++layer)
        for (const char* p : kProjections)
            if (!o.staticInputSteps->count(blockTensorName(layer, p)))
                throw Error(ErrorCode::InvalidArgument, "no static int8 input step for " + blockTensorName(layer, p));
}

void checkLayout(const StreamLayout& l, size_t tokenCount)
{
    if (l.seqLen <= 0 || tokenCount == 0 || tokenCount % static_cast<size_t>(l.seqLen) != 0)
        throw Error(ErrorCode::InvalidArgument, "forward: " + std::to_string(tokenCount)
                                                    + " tokens do not form sequences of " + std::to_string(l.seqLen));
    if (l.firstOutput < 0 || l.firstOutput >= l.seqLen)
        throw Error(ErrorCode::InvalidArgument, "forward: first output position " + std::to_string(l.firstOutput)
                                                    + " outside the sequence");
    if (l.batchSequences < 1 || l.headSequences < 1)
        throw Error(ErrorCode::InvalidArgument, "forward: sub-batches need at least one sequence");
}

class CollectSink final : public LogitSink {
public:
    void consume(int64_t, int64_t, std::span<const float> logits) override
    {
        values.insert(values.end(), logits.begin(), logits.end());
    }
    std::vector<float> values;
};

/// Reports `done` of `total` steps to `progress` when called; a progress that answers false (Cancel) stops the
/// call in progress. `done` is read at each call.
std::function<void()> progressPoll(const ProgressFn& progress, const int64_t& done, double total)
{
    return [&progress, &done, total] {
        if (progress && !progress(double(done) / total))
            throw Error(ErrorCode::Cancelled, "evaluation cancelled");
    };
}

} // namespace

struct LlamaForward::Impl {
    std::shared_ptr<const WeightSource> source;
    ForwardOptions options;
    int threads = 1;
    ForwardTimings timings;
    BlockRunner runner;
    BlockHook blockHook;
    StreamMemory lastMemory;
    std::vector<float> headIn, logits;
    std::function<void()> poll;   ///< during runBlocks/runHead: reports progress, throws on Cancel

    /// Installs a poll for one call: stage loads and the runner's projections call it.
    struct PollScope {
        Impl& d;
        PollScope(Impl& impl, std::function<void()> p) : d(impl)
        {
            d.poll = p;
            d.runner.setPoll(std::move(p));
        }
        ~PollScope()
        {
            d.poll = {};
            d.runner.setPoll({});
        }
        PollScope(const PollScope&) = delete;
        PollScope& operator=(const PollScope&) = delete;
    };

    Impl(std::shared_ptr<const WeightSource> s, const ForwardOptions& o)
        : source(std::move(s)), options(o), threads(resolveThreadCount(o.threads)),
          runner(source->config(), o, threads, timings)
    {
        checkOptions(source->config(), options);
    }

    /// A loaded stage, released when it goes out of scope — also when a Cancel or an error leaves midway
    /// (the runner must not keep weight copies keyed by freed buffers).
    struct LoadedStage {
        Impl& d;
        std::vector<std::string> names;
        Stage stage;
        LoadedStage(Impl& impl, std::vector<std::string> n) : d(impl), names(std::move(n)), stage(d.loadStage(names)) {}
        ~LoadedStage() { d.releaseStage(stage, names); }
        LoadedStage(const LoadedStage&) = delete;
        LoadedStage& operator=(const LoadedStage&) = delete;
    };

    Stage loadStage(const std::vector<std::string>& names);
    void releaseStage(Stage& stage, const std::vector<std::string>& names);
    void runStage(ActivationStore& x, const StreamLayout& l, int64_t layer, bool attention,
                  const std::function<void()>& step);
    void runHeadGroup(ActivationStore& x, const StreamLayout& l, const Stage& stage, const std::string& head,
                      int64_t firstSeq, int64_t nSeq, LogitSink& sink);
};

Stage LlamaForward::Impl::loadStage(const std::vector<std::string>& names)
{
    ScopedTimer timer(timings.weights);
    Stage stage;
    for (const std::string& name : names) {
        if (poll)
            poll();
        WorkingTensor t = source->load(name);
        if (!t.view)
            continue;
        if (options.activationQuant != ActivationQuant::None && name.rfind("blk.", 0) == 0 && t.view.rows > 1
            && name.ends_with(".weight"))
            stage.int8.emplace(name, quantizeRowsInt8(t.view));
        stage.tensors.emplace(name, std::move(t));
    }
    return stage;
}

void LlamaForward::Impl::releaseStage(Stage& stage, const std::vector<std::string>& names)
{
    ScopedTimer timer(timings.weights);
    runner.forgetWeights();
    stage = {};
    for (const std::string& name : names)
        source->release(name);
}

void LlamaForward::Impl::runStage(ActivationStore& x, const StreamLayout& l, int64_t layer, bool attention,
                                  const std::function<void()>& step)
{
    const LoadedStage loaded(*this, stageNames(source->config(), layer, attention));
    const int64_t rowsPerBatch = l.batchSequences * l.seqLen, nEmbd = source->config().nEmbd;
    for (int64_t r0 = 0; r0 < x.rowCount(); r0 += rowsPerBatch) {
        const int64_t rows = std::min(rowsPerBatch, x.rowCount() - r0);
        float* rowsData = x.row(r0);
        if (attention)
            runner.attention(layer, loaded.stage, rowsData, rows, l.seqLen);
        else
            runner.feedForward(layer, loaded.stage, rowsData, rows);
        if (hasNaN(rowsData, rows * nEmbd))
            throw Error(ErrorCode::Invalid, "NaN in the output of layer " + std::to_string(layer) + " (blk."
                                                + std::to_string(layer) + ")");
        x.release(r0, rows);
        step();
    }
}

void LlamaForward::Impl::runHeadGroup(ActivationStore& x, const StreamLayout& l, const Stage& stage,
                                      const std::string& head, int64_t firstSeq, int64_t nSeq, LogitSink& sink)
{
    const LlamaConfig& c = source->config();
    const int64_t perSeq = l.seqLen - l.firstOutput, rows = nSeq * perSeq;
    // Only the positions whose logits are wanted go through the output norm and the head.
    headIn.resize(static_cast<size_t>(rows * c.nEmbd));
    for (int64_t s = 0; s < nSeq; ++s) {
        const int64_t first = (firstSeq + s) * l.seqLen + l.firstOutput;
        std::memcpy(headIn.data() + s * perSeq * c.nEmbd, x.row(first), sizeof(float) * size_t(perSeq * c.nEmbd));
        x.release(first, perSeq);
    }
    logits.resize(static_cast<size_t>(rows * c.nVocab));
    runner.head(stage, head, headIn.data(), rows, logits.data());
    if (hasNaN(logits.data(), rows * c.nVocab))
        throw Error(ErrorCode::Invalid, "NaN in the logits (output norm or output head)");
    ScopedTimer timer(timings.sink);
    sink.consume(firstSeq, nSeq, logits);
}

LlamaForward::LlamaForward(std::shared_ptr<const WeightSource> weights, ForwardOptions options)
{
    if (!weights)
        throw Error(ErrorCode::InvalidArgument, "LlamaForward: no weights");
    m_impl = std::make_unique<Impl>(std::move(weights), options);
}

LlamaForward::LlamaForward(std::shared_ptr<const LlamaWeights> weights, ForwardOptions options)
{
    if (!weights)
        throw Error(ErrorCode::InvalidArgument, "LlamaForward: no weights");
    m_impl = std::make_unique<Impl>(std::make_shared<ResidentWeights>(std::move(weights)), options);
}

LlamaForward::~LlamaForward() = default;

ActivationStore LlamaForward::embed(std::span<const int32_t> tokens, const StreamLayout& layout, bool spill,
                                    const ProgressFn& progress)
{
    checkLayout(layout, tokens.size());
    const LlamaConfig& c = m_impl->source->config();
    const int64_t n = static_cast<int64_t>(tokens.size());
    for (int64_t t = 0; t < n; ++t)
        if (tokens[size_t(t)] < 0 || tokens[size_t(t)] >= c.nVocab)
            throw Error(ErrorCode::InvalidArgument, "token id " + std::to_string(tokens[size_t(t)]) + " at position "
                                                        + std::to_string(t) + " is outside the vocabulary of "
                                                        + std::to_string(c.nVocab));
    const std::string dir = options().scratchDir.empty() ? std::filesystem::temp_directory_path().string()
                                                         : options().scratchDir;
    ActivationStore x(n, c.nEmbd, spill ? dir : std::string());
    ScopedTimer timer(m_impl->timings.elementwise);
    const WeightSource& src = *m_impl->source;
    const int64_t zero = 0;
    const std::function<void()> poll = progressPoll(progress, zero, 1.0);
    const int64_t slice = std::max<int64_t>(1, (int64_t{1} << 22) / std::max<int64_t>(1, c.nEmbd));   // 16 MB of rows
    for (int64_t first = 0; first < n; first += slice) {
        poll();
        const int64_t end = std::min(n, first + slice);
        parallelFor(end - first, (end - first) * c.nEmbd < (int64_t{1} << 18) ? 1 : m_impl->threads,
                    [&](int64_t b, int64_t e) {
                        for (int64_t t = first + b; t < first + e; ++t)
                            src.loadRows("token_embd.weight", tokens[size_t(t)], 1, x.row(t));
                    });
        x.release(first, end - first);
    }
    src.release("token_embd.weight");
    return x;
}

void LlamaForward::runBlocks(ActivationStore& residual, const StreamLayout& layout, int64_t fromLayer,
                             int64_t toLayer, const ProgressFn& progress)
{
    Impl& d = *m_impl;
    const LlamaConfig& c = d.source->config();
    checkLayout(layout, size_t(residual.rowCount()));
    if (fromLayer < 0 || toLayer > c.nLayer || fromLayer > toLayer || residual.cols() != c.nEmbd)
        throw Error(ErrorCode::InvalidArgument, "runBlocks: blocks [" + std::to_string(fromLayer) + ", "
                                                    + std::to_string(toLayer) + ") of a model with "
                                                    + std::to_string(c.nLayer));
    const WorkingTensor ropeFreqs = d.source->load("rope_freqs.weight");
    d.runner.setRope(layout.seqLen, ropeFreqs.view);
    const int64_t batches = (residual.rowCount() + layout.batchSequences * layout.seqLen - 1)
                            / (layout.batchSequences * layout.seqLen);
    const double total = double(2 * (toLayer - fromLayer) * batches);
    int64_t done = 0;
    const std::function<void()> poll = progressPoll(progress, done, total);
    const auto step = [&]() {
        ++done;
        poll();
    };
    const Impl::PollScope polling(d, poll);
    for (int64_t layer = fromLayer; layer < toLayer; ++layer) {
        d.runStage(residual, layout, layer, true, step);
        d.runStage(residual, layout, layer, false, step);
        if (d.blockHook)
            d.blockHook(layer, residual);
    }
    d.source->release("rope_freqs.weight");
}

void LlamaForward::runHead(ActivationStore& residual, const StreamLayout& layout, LogitSink& sink,
                           const ProgressFn& progress, int64_t firstSeq, int64_t seqCount)
{
    Impl& d = *m_impl;
    checkLayout(layout, size_t(residual.rowCount()));
    const int64_t nSeq = residual.rowCount() / layout.seqLen;
    const int64_t endSeq = seqCount < 0 ? nSeq : firstSeq + seqCount;
    if (firstSeq < 0 || endSeq > nSeq || firstSeq > endSeq)
        throw Error(ErrorCode::InvalidArgument, "runHead: sequences [" + std::to_string(firstSeq) + ", "
                                                    + std::to_string(endSeq) + ") of " + std::to_string(nSeq));
    d.source->trim();
    const std::string head = d.source->shape("output.weight").rows > 0 ? "output.weight" : "token_embd.weight";
    const double total = double(std::max<int64_t>(1, endSeq - firstSeq));
    int64_t doneSeq = 0;
    const std::function<void()> poll = progressPoll(progress, doneSeq, total);
    const Impl::PollScope polling(d, poll);
    {
        const Impl::LoadedStage loaded(d, {"output_norm.weight", head});
        for (int64_t s = firstSeq; s < endSeq; s += layout.headSequences) {
            const int64_t count = std::min(layout.headSequences, endSeq - s);
            d.runHeadGroup(residual, layout, loaded.stage, head, s, count, sink);
            doneSeq = s + count - firstSeq;
            poll();
        }
    }
    d.source->trim();
}

StreamMemory LlamaForward::estimateMemory(int64_t tokenCount, const StreamLayout& layout, uint64_t sinkBytes) const
{
    const StreamMemory inMemory =
        estimateStreamMemory(*m_impl->source, m_impl->options, layout, tokenCount, false, sinkBytes);
    const uint64_t budget = m_impl->options.memoryBudgetBytes ? m_impl->options.memoryBudgetBytes : defaultMemoryBudget();
    if (inMemory.peak() <= budget)
        return inMemory;
    const StreamMemory spilled =
        estimateStreamMemory(*m_impl->source, m_impl->options, layout, tokenCount, true, sinkBytes);
    return spilled.peak() < inMemory.peak() ? spilled : inMemory;
}

void LlamaForward::run(std::span<const int32_t> tokens, const StreamLayout& layout, LogitSink& sink,
                       const ProgressFn& progress)
{
    checkLayout(layout, tokens.size());
    Impl& d = *m_impl;
    const StreamMemory need = estimateMemory(static_cast<int64_t>(tokens.size()), layout, sink.memoryBytes());
    checkMemoryBudget(need, d.options.memoryBudgetBytes ? d.options.memoryBudgetBytes : defaultMemoryBudget());
    d.lastMemory = need;
    ScopedTimer timer(d.timings.total);
    const double blockShare = double(2 * config().nLayer) / double(2 * config().nLayer + 1);
    ActivationStore x = embed(tokens, layout, need.spilled(), progress);
    runBlocks(x, layout, 0, config().nLayer,
              [&](double f) { return !progress || progress(f * blockShare); });
    runHead(x, layout, sink, [&](double f) { return !progress || progress(blockShare + f * (1.0 - blockShare)); });
}

std::vector<float> LlamaForward::forward(std::span<const int32_t> tokens, int64_t seqLen, int64_t firstOutput)
{
    StreamLayout layout{seqLen, firstOutput, 1, 1};
    checkLayout(layout, tokens.size());
    layout.batchSequences = layout.headSequences = static_cast<int64_t>(tokens.size()) / seqLen;
    CollectSink sink;
    run(tokens, layout, sink);
    return std::move(sink.values);
}

void LlamaForward::setActivationHook(ActivationHook hook) { m_impl->runner.setHook(std::move(hook)); }
void LlamaForward::setActivationTransform(ActivationTransform transform)
{
    m_impl->runner.setTransform(std::move(transform));
}
void LlamaForward::setBlockHook(BlockHook hook) { m_impl->blockHook = std::move(hook); }
const WeightSource& LlamaForward::source() const { return *m_impl->source; }
const LlamaConfig& LlamaForward::config() const { return m_impl->source->config(); }
const ForwardOptions& LlamaForward::options() const { return m_impl->options; }
const ForwardTimings& LlamaForward::timings() const { return m_impl->timings; }
void LlamaForward::resetTimings() { m_impl->timings = {}; }
const StreamMemory& LlamaForward::lastMemory() const { return m_impl->lastMemory; }

} // namespace qx
