#include "compare/model_diff.h"

#include "common/error.h"
#include "common/page_release.h"
#include "common/parallel_chunks.h"
#include "export/hf_convert.h"
#include "io/model_file.h"
#include "stats/error_metrics.h"
#include "stats/tensor_stats.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <limits>
#include <map>
#include <numeric>

namespace qx {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

/// A matched (or unmatched) tensor and where its data are.
struct Pair {
    std::string name;
    const TensorInfo* a = nullptr;
    const TensorInfo* b = nullptr;
    bool aliasA = false, aliasB = false;   ///< that side's data are counted under another name
    std::vector<int64_t> permA, permB;   ///< HF attn_q/attn_k row orders (empty: stored order)
};

std::vector<int64_t> trimmedShape(std::vector<int64_t> ne)
{
    while (ne.size() > 1 && ne.back() == 1)
        ne.pop_back();
    return ne;
}

/// Rows of `t`, in the order `perm` gives (empty: stored order).
RowSource orderedRows(const TensorInfo& t, std::vector<int64_t> perm)
{
    RowSource s = rowSourceFromTensor(t);
    s.view = {};
    if (perm.empty())
        return s;
    s.read = [base = s.read, perm = std::move(perm), len = s.rowLength](int64_t first, int64_t count,
                                                                       std::span<float> dst) {
        for (int64_t r = 0; r < count; ++r)
            base(perm[size_t(first + r)], 1, dst.subspan(size_t(r * len), size_t(len)));
    };
    return s;
}

void describeSides(const Pair& p, TensorDiff& d)
{
    d.name = p.name;
    d.aliasA = p.aliasA;
    d.aliasB = p.aliasB;
    splitTensorName(d.name, d.layer, d.tensorClass);
    if (p.a) {
        d.typeA = p.a->type;
        d.neA = p.a->ne;
        d.bytesA = p.a->nbytes;
        d.bitsPerWeightA = p.a->bitsPerWeight();
    }
    if (p.b) {
        d.typeB = p.b->type;
        d.neB = p.b->ne;
        d.bytesB = p.b->nbytes;
        d.bitsPerWeightB = p.b->bitsPerWeight();
    }
    if (!p.a)
        d.status = TensorDiffStatus::OnlyInB;
    else if (!p.b)
        d.status = TensorDiffStatus::OnlyInA;
    else if (trimmedShape(p.a->ne) != trimmedShape(p.b->ne))
        d.status = TensorDiffStatus::ShapeMismatch;
}

/// Equal type and equal bytes, row by row in the order the rows are compared in.
bool sameBytes(const Pair& p)
{
    if (p.a->type != p.b->type || p.a->data.size() != p.b->data.size())
        return false;
    if (p.permA.empty() && p.permB.empty())
        return std::memcmp(p.a->data.data(), p.b->data.data(), p.a->data.size()) == 0;
    const int64_t rows = p.a->rows();
    const size_t rowBytes = p.a->data.size() / size_t(std::max<int64_t>(rows, 1));
    for (int64_t r = 0; r < rows; ++r) {
        const int64_t ra = p.permA.empty() ? r : p.permA[size_t(r)], rb = p.permB.empty() ? r : p.permB[size_t(r)];
        if (std::memcmp(p.a->data.data() + size_t(ra) * rowBytes, p.b->data.data() + size_t(rb) * rowBytes, rowBytes))
            return false;
    }
    return true;
}

void setIdentical(const Pair& p, TensorDiff& d)
{
    d.status = TensorDiffStatus::Identical;
    d.values = p.a->elementCount();
    d.sqnrDb = kInf;
    d.relativeError = 0.0;
    d.maxAbsDiff = 0.0;
    d.cosine = 1.0;
}

/// Measures one shape-matched pair (d.status Compared on entry).
void measurePair(const Pair& p, TensorDiff& d, const ProgressFn& chunkProgress)
{
    if (sameBytes(p))
        return setIdentical(p, d);
    ErrorOptions options;
    options.histogramBins = 0;
    try {
        const TensorError e = compareRows(orderedRows(*p.a, p.permA), orderedRows(*p.b, p.permB), options,
                                          chunkProgress);
        d.values = e.count + e.nonFinite;
        d.nonFinite = e.nonFinite;
        d.sqnrDb = e.sqnrDb;
        d.relativeError = e.relativeFrobenius;
        d.maxAbsDiff = e.maxAbsError;
        d.cosine = e.cosine;
        d.mse = e.mse;
        d.signalEnergy = e.signalEnergy;
        d.noiseEnergy = e.noiseEnergy;
    } catch (const Error& err) {
        if (err.code() != ErrorCode::Unsupported)
            throw;
        d.status = TensorDiffStatus::Undecodable;
        d.problem = err.detail();
    }
}

/// A model's tensors by name, with the second names: aliases of tied weights, and "output.weight" for
/// token_embd when the model has no output head of its own (llama.cpp then uses token_embd).
struct NameIndex {
    std::map<std::string, const TensorInfo*, std::less<>> byName;
    std::map<std::string, bool, std::less<>> isAlias;
};

NameIndex indexTensors(const ModelFile& m)
{
    NameIndex x;
    for (const TensorInfo& t : m.tensors) {
        x.byName.emplace(t.name, &t);
        x.isAlias.emplace(t.name, !t.aliasOf.empty());
    }
    for (auto& [name, t] : x.byName)
        if (x.isAlias[name])
            if (const TensorInfo* target = m.findTensor(t->aliasOf))
                t = target;
    const auto embd = x.byName.find("token_embd.weight");
    if (embd != x.byName.end() && !x.byName.count("output.weight")) {
        x.byName.emplace("output.weight", embd->second);
        x.isAlias.emplace("output.weight", true);
    }
    return x;
}

/// Every name of A (file order, then its implied output head), then B's names A lacks; a name that is a
/// second name on both sides (or on the only side that has it) is left out.
std::vector<Pair> matchTensors(const ModelFile& a, const ModelFile& b)
{
    const NameIndex ia = indexTensors(a), ib = indexTensors(b);
    std::vector<std::string> names;
    for (const TensorInfo& t : a.tensors)
        names.push_back(t.name);
    if (ia.byName.count("output.weight") && !a.findTensor("output.weight"))
        names.push_back("output.weight");
    for (const TensorInfo& t : b.tensors)
        if (!ia.byName.count(t.name))
            names.push_back(t.name);
    if (ib.byName.count("output.weight") && !ia.byName.count("output.weight") && !b.findTensor("output.weight"))
        names.push_back("output.weight");
    std::vector<Pair> pairs;
    for (const std::string& n : names) {
        const auto ta = ia.byName.find(n), tb = ib.byName.find(n);
        const bool aliasA = ta == ia.byName.end() || ia.isAlias.at(n), aliasB = tb == ib.byName.end() || ib.isAlias.at(n);
        if (aliasA && aliasB)
            continue;
        Pair p;
        p.name = n;
        p.a = ta == ia.byName.end() ? nullptr : ta->second;
        p.b = tb == ib.byName.end() ? nullptr : tb->second;
        p.aliasA = p.a && aliasA;
        p.aliasB = p.b && aliasB;
        pairs.push_back(std::move(p));
    }
    return pairs;
}

/// HF rows are put in GGUF order on the side that needs it; two HF folders are compared as stored.
void orderRows(const ModelFile& a, const ModelFile& b, Pair& p)
{
    p.permA = hfRowPermutation(a, *p.a);
    p.permB = hfRowPermutation(b, *p.b);
    if (!p.permA.empty() && !p.permB.empty()) {
        p.permA.clear();
        p.permB.clear();
    }
}

} // namespace

void splitTensorName(const std::string& name, int& layer, std::string& tensorClass)
{
    layer = -1;
    std::string rest = name;
    if (name.rfind("blk.", 0) == 0) {
        const size_t dot = name.find('.', 4);
        if (dot != std::string::npos && dot > 4
            && std::all_of(name.begin() + 4, name.begin() + long(dot), [](char c) { return c >= '0' && c <= '9'; })) {
            layer = std::stoi(name.substr(4, dot - 4));
            rest = name.substr(dot + 1);
        }
    }
    for (const char* suffix : {".weight", ".bias"}) {
        const size_t n = std::strlen(suffix);
        if (rest.size() > n && rest.compare(rest.size() - n, n, suffix) == 0) {
            rest.resize(rest.size() - n);
            break;
        }
    }
    tensorClass = rest;
}

const char* tensorDiffStatusName(TensorDiffStatus status)
{
    switch (status) {
    case TensorDiffStatus::Compared: return "compared";
    case TensorDiffStatus::Identical: return "identical";
    case TensorDiffStatus::ShapeMismatch: return "shape_mismatch";
    case TensorDiffStatus::OnlyInA: return "only_in_a";
    case TensorDiffStatus::OnlyInB: return "only_in_b";
    case TensorDiffStatus::Undecodable: return "undecodable";
    }
    return "?";
}

DiffRefusal checkComparable(const ModelFile& a, const ModelFile& b, std::string& detail)
{
    if (a.spec.architecture != b.spec.architecture) {
        detail = "architecture '" + a.spec.architecture + "' vs '" + b.spec.architecture + "'";
        return DiffRefusal::Architecture;
    }
    const std::pair<const char*, int64_t ModelSpec::*> fields[] = {
        {"embedding_length", &ModelSpec::embeddingLength}, {"block_count", &ModelSpec::blockCount},
        {"feed_forward_length", &ModelSpec::feedForwardLength}, {"attention.head_count", &ModelSpec::headCount},
        {"attention.head_count_kv", &ModelSpec::headCountKv}};
    for (const auto& [key, field] : fields) {
        const int64_t x = a.spec.*field, y = b.spec.*field;
        if (x != 0 && y != 0 && x != y) {
            detail = std::string(key) + " " + std::to_string(x) + " vs " + std::to_string(y);
            return DiffRefusal::HyperParameters;
        }
    }
    detail.clear();
    return DiffRefusal::None;
}

namespace {

/// Progress over all workers in values: each worker publishes its current pair's share, only worker 0
/// (the calling thread) calls the user's callback, and every worker stops once that asked to.
class SharedProgress {
public:
    SharedProgress(const ProgressFn& progress, uint64_t total, int workers)
        : m_progress(progress), m_total(double(std::max<uint64_t>(total, 1))), m_partial(size_t(std::max(workers, 1))) {}

    ProgressFn forWorker(int worker, double weight)
    {
        return [this, worker, weight](double f) {
            m_partial[size_t(worker)] = f * weight;
            if (worker == 0 && m_progress && !m_cancel) {
                double sum = double(m_done.load());
                for (const auto& x : m_partial)
                    sum += x.load();
                if (!m_progress(std::min(1.0, sum / m_total)))
                    m_cancel = true;
            }
            return !m_cancel.load();
        };
    }
    void finished(int worker, uint64_t values)
    {
        m_partial[size_t(worker)] = 0.0;
        m_done += values;
    }
    bool cancelled() const { return m_cancel; }

private:
    const ProgressFn& m_progress;
    double m_total;
    std::vector<std::atomic<double>> m_partial;
    std::atomic<uint64_t> m_done{0};
    std::atomic<bool> m_cancel{false};
};

/// Measures every shape-matched pair on worker threads, largest first (see the header).
void measureAll(const ModelFile& a, const ModelFile& b, std::vector<Pair>& pairs, std::vector<TensorDiff>& diffs,
                const DiffOptions& options, const ProgressFn& progress)
{
    std::vector<size_t> jobs;
    uint64_t total = 0;
    for (size_t i = 0; i < pairs.size(); ++i)
        if (diffs[i].status == TensorDiffStatus::Compared) {
            jobs.push_back(i);
            total += pairs[i].a->elementCount();
        }
    std::stable_sort(jobs.begin(), jobs.end(), [&](size_t x, size_t y) {
        return pairs[x].a->elementCount() > pairs[y].a->elementCount();
    });
    const int workers = resolveWorkerCount(options.threads, int64_t(jobs.size()));
    SharedProgress shared(progress, total, workers);
    runChunks(int64_t(jobs.size()), workers, {}, 0.0, 1.0, [&](int64_t job, int worker) {
        const size_t i = jobs[size_t(job)];
        Pair& p = pairs[i];
        orderRows(a, b, p);
        measurePair(p, diffs[i], shared.forWorker(worker, double(p.a->elementCount())));
        shared.finished(worker, p.a->elementCount());
        if (options.releasePages) {
            releaseMappedPages(a.mappings, p.a->data);
            releaseMappedPages(b.mappings, p.b->data);
        }
        if (shared.cancelled())
            throw Error(ErrorCode::Cancelled, "model comparison cancelled");
    });
}

} // namespace

ModelDiff diffModels(const ModelFile& a, const ModelFile& b, const DiffOptions& options, const ProgressFn& progress)
{
    ModelDiff r;
    r.pathA = a.path;
    r.pathB = b.path;
    r.architectureA = a.spec.architecture;
    r.architectureB = b.spec.architecture;
    r.metadata = diffMetadata(a.metadata, b.metadata);
    r.refusal = checkComparable(a, b, r.refusalDetail);
    if (r.refusal != DiffRefusal::None)
        return r;
    if (progress && !progress(0.0))
        throw Error(ErrorCode::Cancelled, "model comparison cancelled");
    std::vector<Pair> pairs = matchTensors(a, b);
    r.tensors.resize(pairs.size());
    for (size_t i = 0; i < pairs.size(); ++i)
        describeSides(pairs[i], r.tensors[i]);
    measureAll(a, b, pairs, r.tensors, options, progress);
    r.layers = totalsByLayer(r.tensors);
    r.classes = totalsByClass(r.tensors);
    r.total = totalsOf(r.tensors);
    if (progress && !progress(1.0))
        throw Error(ErrorCode::Cancelled, "model comparison cancelled");
    return r;
}

} // namespace qx
