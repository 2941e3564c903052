#include "model/mapped_weights.h"

#include "common/error.h"
#include "common/mapped_file.h"
#include "common/parallel_for.h"
#include "quant/dequantize.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <map>
#include <mutex>

namespace qx {
namespace {

constexpr uint64_t kHugePage = uint64_t{2} << 20;
constexpr uint64_t kPooledMin = uint64_t{1} << 20; // smaller tensors (norms, biases) live in plain vectors

uint64_t roundUp(uint64_t v, uint64_t to) { return (v + to - 1) / to * to; }

uint64_t bufferBytes(uint64_t count)
{
    const uint64_t bytes = count * sizeof(float);
    return bytes < kPooledMin ? bytes : roundUp(bytes, kHugePage);
}

} // namespace

/// Anonymous mappings for working matrices, kept for reuse up to `keepBytes` of idle buffers: the blocks of
/// a model repeat the same shapes, so after the first block no page is faulted in again. Huge pages are
/// asked for (fewer faults). Returned buffers hand themselves back when their last owner lets go.
class FloatBufferPool : public std::enable_shared_from_this<FloatBufferPool> {
public:
    explicit FloatBufferPool(uint64_t keepBytes) : m_keepBytes(keepBytes) {}
    ~FloatBufferPool() { clear(); }

    std::shared_ptr<float> take(uint64_t count, const std::string& what)
    {
        const uint64_t bytes = bufferBytes(count);
        void* p = nullptr;
        {
            std::lock_guard lock(m_mutex);
            if (auto it = m_idle.find(bytes); it != m_idle.end()) {
                p = it->second;
                m_idleBytes -= bytes;
                m_idle.erase(it);
            }
        }
        if (!p) {
            p = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            if (p == MAP_FAILED)
                throw Error(ErrorCode::Io, "cannot allocate " + std::to_string(bytes >> 20) + " MiB for " + what + ": "
                                               + std::strerror(errno));
            ::madvise(p, bytes, MADV_HUGEPAGE);
        }
        std::weak_ptr<FloatBufferPool> pool = weak_from_this();
        return std::shared_ptr<float>(static_cast<float*>(p), [pool, bytes](float* q) {
            if (const auto owner = pool.lock())
                owner->giveBack(q, bytes);
            else
                ::munmap(q, bytes);
        });
    }

    void clear()
    {
        std::lock_guard lock(m_mutex);
        for (const auto& [bytes, p] : m_idle)
            ::munmap(p, bytes);
        m_idle.clear();
        m_idleBytes = 0;
    }

private:
    void giveBack(float* p, uint64_t bytes)
    {
        std::lock_guard lock(m_mutex);
        if (m_idleBytes + bytes <= m_keepBytes) {
            m_idle.emplace(bytes, p);
            m_idleBytes += bytes;
        } else {
            ::munmap(p, bytes);
        }
    }

    std::mutex m_mutex;
    std::multimap<uint64_t, void*> m_idle;
    uint64_t m_idleBytes = 0;
    uint64_t m_keepBytes;
};

void releaseMappedPages(const ModelFile& model, std::span<const std::byte> bytes)
{
    if (bytes.empty())
        return;
    const auto page = static_cast<uintptr_t>(::sysconf(_SC_PAGESIZE));
    const auto begin = reinterpret_cast<uintptr_t>(bytes.data()), end = begin + bytes.size();
    for (const auto& mapping : model.mappings) {
        const auto mapBegin = reinterpret_cast<uintptr_t>(mapping->data());
        const uintptr_t mapEnd = mapBegin + mapping->size();
        if (!mapping->data() || begin < mapBegin || end > mapEnd)
            continue;
        // A read-only private file mapping never holds modified pages: dropping them only unmaps them
        // here (the page cache keeps the data), so rounding out to whole pages is harmless.
        const uintptr_t first = begin / page * page, last = std::min(roundUp(end, page), roundUp(mapEnd, page));
        ::madvise(reinterpret_cast<void*>(first), last - first, MADV_DONTNEED);
        return;
    }
}

MappedWeights::MappedWeights(std::shared_ptr<const ModelFile> model, int threads)
    : m_model(std::move(model)), m_threads(resolveThreadCount(threads))
{
    if (!m_model)
        throw Error(ErrorCode::InvalidArgument, "MappedWeights: no model");
    m_config = llamaConfigOf(*m_model);
    uint64_t largestBlock = 0;
    for (const LlamaTensorSpec& e : llamaGlobalTensors(m_config))
        if (find(e.name))
            m_names.push_back(e.name);
    for (int64_t layer = 0; layer < m_config.nLayer; ++layer) {
        uint64_t block = 0;
        for (const LlamaTensorSpec& e : llamaBlockTensors(m_config, layer))
            if (find(e.name)) {
                m_names.push_back(e.name);
                block += workingBytes(e.name);
            }
        largestBlock = std::max(largestBlock, block);
    }
    m_pool = std::make_shared<FloatBufferPool>(largestBlock);
}

MappedWeights::~MappedWeights() = default;

const TensorInfo* MappedWeights::find(const std::string& name) const { return m_model->findTensor(name); }

WeightView MappedWeights::shape(const std::string& name) const
{
    const TensorInfo* t = find(name);
    return t ? WeightView{nullptr, t->rowLength(), t->rows()} : WeightView{};
}

TensorType MappedWeights::storageType(const std::string& name) const
{
    const TensorInfo* t = find(name);
    return t ? t->type : TensorType::F32;
}

namespace {

bool usableInPlace(const TensorInfo& t)
{
    return t.type == TensorType::F32 && t.data.size() == t.elementCount() * sizeof(float)
           && reinterpret_cast<uintptr_t>(t.data.data()) % alignof(float) == 0;
}

} // namespace

WorkingTensor MappedWeights::load(const std::string& name) const
{
    const TensorInfo* t = find(name);
    if (!t)
        return {};
    WorkingTensor w{{nullptr, t->rowLength(), t->rows()}, t->type, {}};
    if (usableInPlace(*t)) {
        w.view.data = reinterpret_cast<const float*>(t->data.data());
        w.keepAlive = m_model;
        return w;
    }
    const uint64_t count = t->elementCount();
    std::shared_ptr<float> values;
    if (bufferBytes(count) < kPooledMin) {
        auto v = std::make_shared<std::vector<float>>(count);
        values = std::shared_ptr<float>(v, v->data());
    } else {
        values = m_pool->take(count, "tensor " + name);
    }
    const int64_t cols = t->rowLength();
    float* out = values.get();
    parallelFor(t->rows(), t->rows() * cols < (int64_t{1} << 16) ? 1 : m_threads, [&](int64_t b, int64_t e) {
        dequantizeRows(*t, b, e - b, std::span<float>(out + b * cols, static_cast<size_t>((e - b) * cols)));
    });
    w.view.data = out;
    w.keepAlive = std::move(values);
    return w;
}

void MappedWeights::loadRows(const std::string& name, int64_t firstRow, int64_t rowCount, float* dst) const
{
    const TensorInfo* t = find(name);
    if (!t)
        throw Error(ErrorCode::InvalidArgument, "loadRows: the model has no tensor " + name);
    dequantizeRows(*t, firstRow, rowCount, std::span<float>(dst, static_cast<size_t>(rowCount * t->rowLength())));
}

void MappedWeights::release(const std::string& name) const
{
    if (const TensorInfo* t = find(name))
        releaseMappedPages(*m_model, t->data);
}

void MappedWeights::trim() const { m_pool->clear(); }

uint64_t MappedWeights::workingBytes(const std::string& name) const
{
    const TensorInfo* t = find(name);
    return !t || usableInPlace(*t) ? 0 : bufferBytes(t->elementCount());
}

uint64_t MappedWeights::fileBytes(const std::string& name) const
{
    const TensorInfo* t = find(name);
    return t ? t->data.size() : 0;
}

} // namespace qx
