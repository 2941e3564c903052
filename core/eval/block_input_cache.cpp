#include "eval/block_input_cache.h"

#include "common/error.h"
#include "model/activation_store.h"
#include "model/block_inputs.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <optional>
#include <system_error>

namespace qx {
namespace {

/// The block whose weights `tensor` belongs to; nLayer for the output norm and head (no block input
/// depends on them); -1 for the token embedding and anything else outside the blocks (every input does).
int64_t blockOf(const std::string& tensor, int64_t nLayer)
{
    if (tensor.rfind("output.", 0) == 0 || tensor.rfind("output_norm.", 0) == 0)
        return nLayer;
    if (tensor.rfind("blk.", 0) != 0)
        return -1;
    int64_t block = -1;
    const char* first = tensor.data() + 4;
    const auto [end, ec] = std::from_chars(first, tensor.data() + tensor.size(), block);
    return ec == std::errc() && end != first && *end == '.' && block >= 0 && block < nLayer ? block : -1;
}

uint64_t mixString(uint64_t h, const std::string& s)
{
    const uint64_t n = s.size();
    return fingerprint(s.data(), s.size(), fingerprint(&n, sizeof n, h));
}

/// The fingerprint of one plan entry: name, type, scheme, calibrated values, importance data.
uint64_t entryPrint(const PlanEntry& entry, const ImatrixFile* imatrix,
                    const std::map<std::string, std::vector<float>>* substitutions, const SchemeChoices* schemes,
                    const PackedTensors* packed)
{
    uint64_t h = mixString(fingerprint(nullptr, 0), entry.tensor);
    const auto type = static_cast<int64_t>(entry.type);
    h = fingerprint(&type, sizeof type, h);
    if (schemes)
        if (auto it = schemes->find(entry.tensor); it != schemes->end())
            h = mixString(h ^ 0x5c, schemeChoiceToJson(it->second));
    if (substitutions)
        if (auto it = substitutions->find(entry.tensor); it != substitutions->end())
            h = fingerprint(it->second.data(), it->second.size() * sizeof(float), h ^ 0x5d);
    if (packed)
        if (auto it = packed->find(entry.tensor); it != packed->end()) {
            const PackedTensor& p = it->second;
            h = fingerprint(p.blocks.data(), p.blocks.size(), h ^ 0x5f);
            h = fingerprint(p.rowSteps.data(), p.rowSteps.size() * sizeof(float), h);
            h = fingerprint(p.floatColumns.data(), p.floatColumns.size() * sizeof(int64_t), h);
            h = fingerprint(p.floatValues.data(), p.floatValues.size() * sizeof(float), h);
        }
    if (imatrix)
        if (const ImatrixEntry* e = imatrix->find(entry.tensor))
            h = fingerprint(e->values.data(), e->values.size() * sizeof(float), h ^ 0x5e);
    return h;
}

struct Stored {
    uint64_t signature = 0;
    ActivationStore rows;
};

} // namespace

uint64_t fingerprint(const void* data, size_t bytes, uint64_t seed)
{
    // Eight bytes a step: calibrated values of a large model are gigabytes.
    uint64_t h = seed;
    const auto* p = static_cast<const unsigned char*>(data);
    size_t i = 0;
    for (; i + 8 <= bytes; i += 8) {
        uint64_t word;
        std::memcpy(&word, p + i, 8);
        h = (h ^ word) * 1099511628211ull;
        h ^= h >> 29;
    }
    for (; i < bytes; ++i)
        h = (h ^ p[i]) * 1099511628211ull;
    return h;
}

RunSignature planRunSignature(int64_t nLayer, const Plan& plan, uint64_t context, const ImatrixFile* imatrix,
                              const std::map<std::string, std::vector<float>>* substitutions,
                              const SchemeChoices* schemes, const PackedTensors* packed)
{
    std::vector<uint64_t> blocks(size_t(nLayer) + 1, 0);  // [0]: outside the blocks; [b + 1]: block b
    for (const PlanEntry& entry : plan.entries) {
        const int64_t b = blockOf(entry.tensor, nLayer);
        if (b < nLayer)  // the head's weights change no block's input
            blocks[size_t(b + 1)] ^= entryPrint(entry, imatrix, substitutions, schemes, packed);
    }
    RunSignature s{context, std::vector<uint64_t>(size_t(nLayer) + 1)};
    s.inputs[0] = fingerprint(&blocks[0], sizeof(uint64_t), context);
    for (int64_t l = 0; l < nLayer; ++l)
        s.inputs[size_t(l + 1)] = fingerprint(&blocks[size_t(l + 1)], sizeof(uint64_t), s.inputs[size_t(l)]);
    return s;
}

struct BlockInputCache::Impl {
    BlockInputCacheOptions options;
    mutable std::mutex mutex;
    std::weak_ptr<const ModelFile> model;
    const ModelFile* modelAddress = nullptr;
    uint64_t context = 0;
    StreamLayout layout;
    int64_t tokenCount = 0;
    std::vector<std::optional<Stored>> inputs;  // by block, 0..nLayer (0 is never stored: embedding is cheap)
    bool storeFailed = false;

    std::string dir() const
    {
        return options.scratchDir.empty() ? std::filesystem::temp_directory_path().string() : options.scratchDir;
    }
    /// Forgets everything when the run's model, context or sizes differ from the stored ones.
    void adopt(const std::shared_ptr<const ModelFile>& m, const RunSignature& s, const StreamLayout& l, int64_t n);
    /// Keeps a copy of `residual` as block `level`'s input (unless one is there).
    void store(int64_t level, uint64_t signature, ActivationStore& residual, bool spill);
    /// Drops the inputs `s` supersedes; returns the last block whose stored input it shares (0: none).
    int64_t resumePoint(const RunSignature& s);
    /// Whether block `l`'s input is kept under the budgets; sets `spill` for where.
    std::vector<bool> keepSet(int64_t nLayer, int64_t rowBytes, bool& spill) const;
};

void BlockInputCache::Impl::adopt(const std::shared_ptr<const ModelFile>& m, const RunSignature& s,
                                  const StreamLayout& l, int64_t n)
{
    if (modelAddress == m.get() && model.lock() == m && context == s.context && layout == l && tokenCount == n
        && inputs.size() == s.inputs.size())
        return;
    inputs.clear();
    inputs.resize(s.inputs.size());
    model = m, modelAddress = m.get(), context = s.context, layout = l, tokenCount = n;
    storeFailed = false;
}

void BlockInputCache::Impl::store(int64_t level, uint64_t signature, ActivationStore& residual, bool spill)
{
    std::optional<Stored>& slot = inputs[size_t(level)];
    if (slot || storeFailed)
        return;
    try {
        slot = Stored{signature, copyActivations(residual, spill ? dir() : std::string())};
    } catch (const Error&) {
        storeFailed = true;  // a full scratch disk costs the reuse, never the evaluation
    }
}

int64_t BlockInputCache::Impl::resumePoint(const RunSignature& signature)
{
    int64_t resume = 0;
    for (size_t l = 1; l < inputs.size(); ++l) {
        std::optional<Stored>& s = inputs[l];
        if (s && s->signature != signature.inputs[l])
            s.reset();  // superseded: its file goes now, before this run stores its own
        else if (s)
            resume = int64_t(l);
    }
    return resume;
}

std::vector<bool> BlockInputCache::Impl::keepSet(int64_t nLayer, int64_t rowBytes, bool& spill) const
{
    const uint64_t each = uint64_t(rowBytes) * uint64_t(tokenCount);
    std::vector<bool> keep(size_t(nLayer) + 1, false);
    spill = each * uint64_t(nLayer) > options.memoryBytes;
    uint64_t room = options.memoryBytes;
    if (spill) {
        std::error_code ec;
        const std::filesystem::space_info space = std::filesystem::space(dir(), ec);
        room = ec ? 0 : std::min<uint64_t>(options.diskBytes, space.available / 10 * 9);
    }
    const int64_t fits = each ? int64_t(std::min<uint64_t>(room / each, uint64_t(nLayer))) : nLayer;
    if (fits <= 0 || storeFailed)
        return keep;
    keep[size_t(nLayer)] = true;  // the head's input: a head-only change runs nothing else
    if (fits == 1)
        return keep;
    const int64_t stride = (nLayer - 1 + fits - 2) / (fits - 1);
    for (int64_t l = stride; l < nLayer; l += stride)
        keep[size_t(l)] = true;
    return keep;
}

BlockInputCache::BlockInputCache(BlockInputCacheOptions options) : m_impl(std::make_unique<Impl>())
{
    m_impl->options = std::move(options);
}

BlockInputCache::~BlockInputCache() = default;

int64_t BlockInputCache::run(const std::shared_ptr<const ModelFile>& model, LlamaForward& forward,
                             std::span<const int32_t> tokens, const StreamLayout& layout,
                             const RunSignature& signature, LogitSink& sink, const ProgressFn& progress,
                             const BlockProgressFn& onBlock)
{
    Impl& d = *m_impl;
    const int64_t nLayer = forward.config().nLayer;
    if (int64_t(signature.inputs.size()) != nLayer + 1)
        throw Error(ErrorCode::InvalidArgument, "block input cache: a signature of "
                                                    + std::to_string(signature.inputs.size()) + " inputs for "
                                                    + std::to_string(nLayer) + " blocks");
    std::unique_lock lock(d.mutex, std::try_to_lock);
    if (!lock.owns_lock()) {
        if (onBlock)
            onBlock({0, 0, nLayer});
        forward.run(tokens, layout, sink, progress);
        return 0;
    }
    const int64_t n = int64_t(tokens.size());
    d.adopt(model, signature, layout, n);
    const int64_t resume = d.resumePoint(signature);
    const StreamMemory need = forward.estimateMemory(n, layout, sink.memoryBytes());
    const uint64_t budget = forward.options().memoryBudgetBytes ? forward.options().memoryBudgetBytes
                                                                : defaultMemoryBudget();
    checkMemoryBudget(need, budget);
    const std::string& engineDir = forward.options().scratchDir;
    const std::string workDir = !need.spilled()    ? std::string()
                                : engineDir.empty() ? std::filesystem::temp_directory_path().string()
                                                    : engineDir;
    ActivationStore x = resume > 0 ? copyActivations(d.inputs[size_t(resume)]->rows, workDir)
                                   : forward.embed(tokens, layout, need.spilled(), progress);
    bool spillInputs = false;
    const std::vector<bool> keep = d.keepSet(nLayer, forward.config().nEmbd * int64_t(sizeof(float)), spillInputs);
    const auto report = [&](int64_t block) {
        if (onBlock)
            onBlock({resume, block, nLayer});
    };
    forward.setBlockHook([&](int64_t layer, ActivationStore& residual) {
        if (keep[size_t(layer + 1)])
            d.store(layer + 1, signature.inputs[size_t(layer + 1)], residual, spillInputs);
        report(layer + 1);
    });
    struct HookReset {
        LlamaForward& f;
        ~HookReset() { f.setBlockHook({}); }
    } hookReset{forward};
    report(resume);
    const double blockShare = double(2 * (nLayer - resume)) / double(2 * (nLayer - resume) + 1);
    forward.runBlocks(x, layout, resume, nLayer, [&](double f) { return !progress || progress(f * blockShare); });
    forward.runHead(x, layout, sink,
                    [&](double f) { return !progress || progress(blockShare + f * (1.0 - blockShare)); });
    return resume;
}

BlockInputCache::Usage BlockInputCache::usage() const
{
    std::lock_guard lock(m_impl->mutex);
    Usage u;
    for (const std::optional<Stored>& s : m_impl->inputs) {
        if (!s)
            continue;
        ++u.inputs;
        (s->rows.spilled() ? u.diskBytes : u.memoryBytes) += s->rows.bytes();
    }
    return u;
}

void BlockInputCache::clear()
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->inputs.clear();
    m_impl->modelAddress = nullptr;
    m_impl->model.reset();
}

} // namespace qx
