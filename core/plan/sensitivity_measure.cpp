// measureSensitivity and measureEnableOne on the streamed engine: one reference run keeps every block's
// input, each measurement resumes at the first block it changes (plan/sensitivity.h).
#include "plan/sensitivity.h"

#include "common/error.h"
#include "common/parallel_for.h"
#include "model/block_inputs.h"
#include "model/mapped_weights.h"
#include "plan/candidates.h"
#include "plan/planned_weights.h"
#include "quant/quantize.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <map>
#include <optional>

namespace qx {
namespace {

bool fits(const TensorInfo& t, TensorType type)
{
    const TensorTypeInfo* info = tensorTypeInfo(type);
    return isCandidateTensor(t) && info && canQuantize(type) && t.rowLength() % int64_t(info->blockSize) == 0;
}

// "blk.3.attn_q.weight" -> layer "blk.3", class "attn_q"; other names are their own class, no layer.
void splitName(const std::string& name, std::string& layer, std::string& cls)
{
    layer.clear();
    cls = name.substr(0, name.rfind(".weight"));
    if (name.rfind("blk.", 0) != 0) return;
    const size_t dot = name.find('.', 4);
    layer = name.substr(0, dot);
    cls = name.substr(dot + 1, name.rfind(".weight") - dot - 1);
}

std::vector<SensitivityEntry> means(const std::map<std::string, std::pair<double, int>>& sums)
{
    std::vector<SensitivityEntry> out;
    for (const auto& [k, v] : sums) out.push_back({k, v.first / double(v.second)});
    return out;
}

struct Unit {
    std::string name;                        // the tensor's name, or "blk.N" for a whole layer
    std::vector<const TensorInfo*> tensors;
};

// One unit per tensor; in EnableOneLayer mode one per layer (file order) and one per tensor outside layers.
std::vector<Unit> unitsFor(const std::vector<const TensorInfo*>& targets, SensitivityMode mode)
{
    std::vector<Unit> units;
    std::map<std::string, size_t> layerIndex;
    for (const TensorInfo* t : targets) {
        std::string layer, cls;
        splitName(t->name, layer, cls);
        if (mode != SensitivityMode::EnableOneLayer || layer.empty()) {
            units.push_back({t->name, {t}});
            continue;
        }
        const auto [it, inserted] = layerIndex.emplace(layer, units.size());
        if (inserted) units.push_back({layer, {}});
        units[it->second].tensors.push_back(t);
    }
    return units;
}

/// The first block whose weights include `tensor`: N for the output norm and head (only the head runs
/// again), -1 for the token embedding (everything runs again; with tied embeddings it is the head too).
int64_t firstLayerOf(const std::string& tensor, int64_t nLayer)
{
    if (tensor.rfind("blk.", 0) == 0)
        return std::stoll(tensor.substr(4));
    return tensor.rfind("token_embd.", 0) == 0 ? -1 : nLayer;
}

/// The base model's logits at every scored position, as the head makes them.
class BaseLogits final : public LogitSink {
public:
    BaseLogits(int64_t rows, int64_t perSeq, int64_t nVocab, const std::string& spillDir)
        : m_perSeq(perSeq), m_rows(rows, nVocab, spillDir)
    {
    }
    void consume(int64_t firstSeq, int64_t nSeq, std::span<const float> logits) override
    {
        const int64_t first = firstSeq * m_perSeq;
        std::memcpy(m_rows.row(first), logits.data(), logits.size_bytes());
        m_rows.release(first, nSeq * m_perSeq);
    }
    uint64_t memoryBytes() const override { return m_rows.spilled() ? 0 : m_rows.bytes(); }
    ActivationStore& rows() { return m_rows; }

private:
    int64_t m_perSeq;
    ActivationStore m_rows;
};

/// Mean KL(base || logits) over the scored positions, summed in position order as meanKld sums.
class KldToBase final : public LogitSink {
public:
    KldToBase(ActivationStore& base, int64_t perSeq, int threads) : m_base(base), m_perSeq(perSeq), m_threads(threads)
    {
    }
    void consume(int64_t firstSeq, int64_t nSeq, std::span<const float> logits) override
    {
        const int64_t first = firstSeq * m_perSeq, rows = nSeq * m_perSeq, nVocab = m_base.cols();
        m_kl.resize(size_t(rows));
        parallelFor(rows, m_threads, [&](int64_t b, int64_t e) {
            for (int64_t r = b; r < e; ++r)
                m_kl[size_t(r)] = positionKld(m_base.row(first + r), logits.data() + r * nVocab, nVocab);
        });
        for (double kl : m_kl)
            m_total += kl;
        m_count += rows;
        m_base.release(first, rows);
    }
    double mean() const { return m_count ? m_total / double(m_count) : 0.0; }

private:
    ActivationStore& m_base;
    int64_t m_perSeq;
    int m_threads;
    std::vector<double> m_kl;
    double m_total = 0.0;
    int64_t m_count = 0;
};

/// Progress over work counted in block runs; a part reports its own fraction of its share.
class Work {
public:
    Work(ProgressFn progress, double total) : m_progress(std::move(progress)), m_total(std::max(total, 1.0)) {}
    ProgressFn part(double size) const
    {
        return [this, size](double f) { return !m_progress || m_progress((m_done + size * f) / m_total); };
    }
    /// Counts `size` as done; throws Error(Cancelled) when the progress callback says so.
    void advance(double size)
    {
        m_done += size;
        if (m_progress && !m_progress(std::min(1.0, m_done / m_total)))
            throw Error(ErrorCode::Cancelled, "sensitivity measurement cancelled");
    }

private:
    ProgressFn m_progress;
    double m_total, m_done = 0.0;
};

/// Measurements that each resume from the stored block inputs of one reference model.
class ResumingRuns {
public:
    ResumingRuns(std::shared_ptr<const ModelFile> model, std::span<const int32_t> tokens, int64_t seqLen,
                 const SensitivityEngine& engine, const ImatrixFile* imatrix);

    const MappedWeights& file() const { return *m_file; }
    int64_t layers() const { return m_file->config().nLayer; }
    /// Block runs of prepare() and of a measurement starting at `firstLayer`.
    double prepareCost(bool withReference) const { return double(layers() + 1) + (withReference ? layers() : 0); }
    double cost(int64_t firstLayer) const { return double(layers() - std::max<int64_t>(firstLayer, 0) + 1); }
    /// Runs the float model (its logits are the base) and keeps the block inputs of the reference model
    /// `reference` (the float model's own when null).
    void prepare(const Plan* reference, const ProgressFn& progress);
    /// Mean KLD against the base of the model `plan` makes, whose blocks before `firstLayer` are the
    /// reference model's (-1: its embedding differs too).
    double measure(const Plan& plan, int64_t firstLayer, const ProgressFn& progress);

private:
    void planMemory();

    std::shared_ptr<const MappedWeights> m_file;
    std::shared_ptr<const ImatrixFile> m_imatrix;
    std::span<const int32_t> m_tokens;
    ForwardOptions m_engine;
    StreamLayout m_layout;
    std::string m_spillDir; // empty: stored inputs and base logits stay in memory
    std::optional<BaseLogits> m_base;
    std::optional<BlockInputs> m_inputs;
};

ResumingRuns::ResumingRuns(std::shared_ptr<const ModelFile> model, std::span<const int32_t> tokens, int64_t seqLen,
                           const SensitivityEngine& engine, const ImatrixFile* imatrix)
    : m_file(std::make_shared<MappedWeights>(std::move(model), engine.threads)),
      m_imatrix(imatrix, [](const ImatrixFile*) {}), m_tokens(tokens)
{
    m_engine.threads = engine.threads;
    m_engine.memoryBudgetBytes = engine.memoryBudgetBytes;
    m_engine.scratchDir = engine.scratchDir;
    if (seqLen < 2 || tokens.empty() || tokens.size() % size_t(seqLen) != 0)
        throw Error(ErrorCode::InvalidArgument, "sensitivity: " + std::to_string(tokens.size())
                                                    + " tokens do not form sequences of " + std::to_string(seqLen));
    const int64_t nSeq = int64_t(tokens.size()) / seqLen;
    m_layout = {seqLen, seqLen / 2, nSeq, nSeq}; // every sequence at once, as the whole-model pass ran them
    planMemory();
}

/// Fits the run to the budget: the stored inputs and base logits in memory when they fit beside it, else in
/// the scratch folder; every sequence at once when it can, fewer per sub-batch and head pass when not.
void ResumingRuns::planMemory()
{
    const LlamaForward probe(m_file, m_engine);
    const LlamaConfig& c = m_file->config();
    const int64_t tokens = int64_t(m_tokens.size());
    const int64_t scored = tokens / m_layout.seqLen * (m_layout.seqLen - m_layout.firstOutput);
    const uint64_t budget = m_engine.memoryBudgetBytes ? m_engine.memoryBudgetBytes : defaultMemoryBudget();
    const uint64_t kept = BlockInputs::bytesFor(c, tokens) + uint64_t(scored) * uint64_t(c.nVocab) * sizeof(float);
    StreamMemory need = probe.estimateMemory(tokens, m_layout, 0);
    if (need.peak() + kept <= budget) // the kept rows are there in both phases
        return;
    m_spillDir = m_engine.scratchDir.empty() ? std::filesystem::temp_directory_path().string() : m_engine.scratchDir;
    while (need.peak() > budget && (m_layout.batchSequences > 1 || m_layout.headSequences > 1)) {
        m_layout.batchSequences = std::max<int64_t>(1, m_layout.batchSequences / 2);
        m_layout.headSequences = std::max<int64_t>(1, m_layout.headSequences / 2);
        need = probe.estimateMemory(tokens, m_layout, 0);
    }
    checkMemoryBudget(need, budget);
}

void ResumingRuns::prepare(const Plan* reference, const ProgressFn& progress)
{
    const LlamaConfig& c = m_file->config();
    const double total = prepareCost(reference != nullptr), floatShare = double(layers() + 1) / total;
    const int64_t nSeq = int64_t(m_tokens.size()) / m_layout.seqLen, perSeq = m_layout.seqLen - m_layout.firstOutput;
    m_base.emplace(nSeq * perSeq, perSeq, c.nVocab, m_spillDir);
    LlamaForward base(m_file, m_engine);
    const auto scaled = [&](double from, double share) {
        return [&progress, from, share](double f) { return !progress || progress(from + share * f); };
    };
    const double blockShare = floatShare * double(layers()) / double(layers() + 1);
    if (!reference) {
        m_inputs.emplace(base, m_tokens, m_layout, !m_spillDir.empty(), scaled(0.0, blockShare));
        ActivationStore x = m_inputs->copy(layers(), m_spillDir);
        base.runHead(x, m_layout, *m_base, scaled(blockShare, floatShare - blockShare));
        return;
    }
    base.run(m_tokens, m_layout, *m_base, scaled(0.0, floatShare));
    LlamaForward ref(std::make_shared<PlannedWeights>(m_file, *reference, m_imatrix), m_engine);
    m_inputs.emplace(ref, m_tokens, m_layout, !m_spillDir.empty(), scaled(floatShare, 1.0 - floatShare));
}

double ResumingRuns::measure(const Plan& plan, int64_t firstLayer, const ProgressFn& progress)
{
    LlamaForward fwd(std::make_shared<PlannedWeights>(m_file, plan, m_imatrix), m_engine);
    ActivationStore x = firstLayer < 0 ? fwd.embed(m_tokens, m_layout, !m_spillDir.empty(), progress)
                                       : m_inputs->copy(firstLayer, m_spillDir);
    const int64_t from = std::max<int64_t>(firstLayer, 0);
    const double blockShare = double(layers() - from) / double(layers() - from + 1);
    fwd.runBlocks(x, m_layout, from, layers(), [&](double f) { return !progress || progress(f * blockShare); });
    KldToBase sink(m_base->rows(), m_layout.seqLen - m_layout.firstOutput, resolveThreadCount(m_engine.threads));
    fwd.runHead(x, m_layout, sink,
                [&](double f) { return !progress || progress(blockShare + f * (1.0 - blockShare)); });
    return sink.mean();
}

/// The tensors the forward pass reads, in name order.
std::vector<const TensorInfo*> readTensors(const MappedWeights& file)
{
    std::vector<std::string> names = file.tensorNames();
    std::sort(names.begin(), names.end());
    std::vector<const TensorInfo*> out;
    for (const std::string& name : names)
        if (const TensorInfo* t = file.model().findTensor(name))
            out.push_back(t);
    return out;
}

Plan planOf(const std::vector<const TensorInfo*>& tensors, TensorType type)
{
    Plan p;
    for (const TensorInfo* t : tensors)
        p.entries.push_back({t->name, {}, type, {}, false});
    return p;
}

int64_t unitFirstLayer(const ResumingRuns& runs, const Unit& u)
{
    int64_t first = runs.layers();
    for (const TensorInfo* t : u.tensors)
        first = std::min(first, firstLayerOf(t->name, runs.layers()));
    return first;
}

} // namespace

SensitivityResult measureSensitivity(std::shared_ptr<const ModelFile> model, std::span<const int32_t> tokens,
                                     int64_t seqLen, TensorType type, SensitivityMode mode,
                                     const ImatrixFile* imatrix, const ProgressFn& progress, const SensitivityEngine& engine)
{
    ResumingRuns runs(std::move(model), tokens, seqLen, engine, imatrix);
    std::vector<const TensorInfo*> targets = readTensors(runs.file());
    std::erase_if(targets, [&](const TensorInfo* t) { return !fits(*t, type); });
    const bool disable = mode == SensitivityMode::DisableOne;
    const Plan all = planOf(targets, type);
    const std::vector<Unit> units = unitsFor(targets, mode);
    double total = runs.prepareCost(disable);
    for (const Unit& u : units)
        total += runs.cost(unitFirstLayer(runs, u));
    Work work(progress, total);
    runs.prepare(disable ? &all : nullptr, work.part(runs.prepareCost(disable)));
    work.advance(runs.prepareCost(disable));
    SensitivityResult r;
    std::map<std::string, std::pair<double, int>> layers, classes;
    for (const Unit& u : units) {
        Plan plan = disable ? all : planOf(u.tensors, type);
        if (disable)
            std::erase_if(plan.entries, [&](const PlanEntry& e) {
                return std::any_of(u.tensors.begin(), u.tensors.end(), [&](auto* t) { return t->name == e.tensor; });
            });
        const int64_t first = unitFirstLayer(runs, u);
        const double kld = runs.measure(plan, first, work.part(runs.cost(first)));
        if (u.tensors.size() != 1 || u.tensors[0]->name != u.name) {
            r.layers.push_back({u.name, kld});   // a whole layer (EnableOneLayer)
        } else {
            r.tensors.push_back({u.name, kld});
            std::string layer, cls;
            splitName(u.name, layer, cls);
            if (!layer.empty()) { layers[layer].first += kld; ++layers[layer].second; }
            classes[cls].first += kld;
            ++classes[cls].second;
        }
        work.advance(runs.cost(first));
    }
    if (mode != SensitivityMode::EnableOneLayer) {
        r.layers = means(layers);
        r.classes = means(classes);
    }
    return r;
}

std::vector<MeasuredKld> measureEnableOne(std::shared_ptr<const ModelFile> model, std::span<const int32_t> tokens,
                                          int64_t seqLen, std::span<const TensorType> types,
                                          const ImatrixFile* imatrix, const ProgressFn& progress,
                                          const SensitivityEngine& engine)
{
    ResumingRuns runs(std::move(model), tokens, seqLen, engine, imatrix);
    std::vector<MeasuredKld> out;
    for (const TensorInfo* t : readTensors(runs.file())) {
        const auto type = std::find_if(types.begin(), types.end(), [&](TensorType x) { return fits(*t, x); });
        if (type != types.end())
            out.push_back({t->name, *type, 0.0});
    }
    double total = runs.prepareCost(false);
    for (const MeasuredKld& m : out)
        total += runs.cost(firstLayerOf(m.tensor, runs.layers()));
    Work work(progress, total);
    runs.prepare(nullptr, work.part(runs.prepareCost(false)));
    work.advance(runs.prepareCost(false));
    for (MeasuredKld& m : out) {
        const int64_t first = firstLayerOf(m.tensor, runs.layers());
        m.kld = runs.measure(planOf({runs.file().model().findTensor(m.tensor)}, m.type), first,
                             work.part(runs.cost(first)));
        work.advance(runs.cost(first));
    }
    return out;
}

} // namespace qx
