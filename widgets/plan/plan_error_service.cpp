#include "plan/plan_error_service.h"

#include "plan/plan_calibration.h"
#include "plan/plan_document.h"
#include "tensor/tensor_analysis.h"

#include "quant/dequantize.h"
#include "stats/error_metrics.h"

#include <QtConcurrent/QtConcurrentRun>

#include <limits>
#include <vector>

namespace qx::ui {
namespace {

struct WorkItem {
    int tensor = 0;
    CandidateFormat format;
    std::string key;  ///< the cache key (formatKeyOf)
    std::shared_ptr<const PlanCalibration> calibration;   ///< set when the tensor's values are calibrated
};

/// The weights a calibrated tensor is compared with, and its calibrated values in the same space:
/// the stored weights for methods that keep them in place (RTN, imatrix, GPTQ, LLM.int8); for SmoothQuant
/// the values with the folded norm scales taken out again (W' = W·s, norm' = norm/s, so W'[:, j]·norm'_j /
/// norm_j is W's own column); for AWQ, whose scales also run through attn_v and ffn_up, the scaled float
/// weights it quantized.
void calibratedPair(const ModelFile& model, const TensorInfo& t, const PlanCalibration& c, std::vector<float>& original,
                    std::vector<float>& back)
{
    const CalibResult& r = *c.result;
    const auto packed = r.packed.find(t.name);
    back = packed != r.packed.end() ? packed->second.unpack() : r.values.at(t.name);
    if (r.method == "awq" || r.method == "awq-noclip") {
        if (const auto it = r.exportValues.find(t.name); it != r.exportValues.end())
            original = it->second;
        return;
    }
    if (r.method != "smoothquant")
        return;
    const std::string prefix = t.name.substr(0, t.name.find('.', 4) + 1);   // "blk.N."
    const bool attention = t.name.find(".attn_q.") != std::string::npos || t.name.find(".attn_k.") != std::string::npos
                           || t.name.find(".attn_v.") != std::string::npos;
    const bool ffn = t.name.find(".ffn_gate.") != std::string::npos || t.name.find(".ffn_up.") != std::string::npos;
    const std::string norm = prefix + (attention ? "attn_norm.weight" : "ffn_norm.weight");
    const TensorInfo* stored = model.findTensor(norm);
    const auto folded = r.values.find(norm);
    if ((!attention && !ffn) || !stored || folded == r.values.end())
        return;
    const std::vector<float> n = dequantizeTensor(*stored);
    const int64_t cols = t.rowLength();
    for (size_t i = 0; i < back.size(); ++i) {
        const auto j = static_cast<size_t>(static_cast<int64_t>(i) % cols);
        back[i] = n[j] != 0.0f ? back[i] * folded->second[j] / n[j] : back[i];
    }
}

PlannedError measure(const ModelFile& model, const TensorInfo& t, const WorkItem& item, const std::atomic_bool& cancelled)
{
    PlannedError out;
    try {
        std::vector<float> original = dequantizeTensor(t);
        std::vector<float> back;
        if (item.calibration) {
            calibratedPair(model, t, *item.calibration, original, back);
            out.calibrated = true;
        } else {
            // A slow custom scheme (e.g. KL clipping) stops mid-tensor when the plan changes; the result is dropped.
            back = roundTrip(item.format, original, t.rowLength(), [&cancelled](double) { return !cancelled.load(); },
                             importanceFor(item.format, t));
        }
        ErrorOptions options;
        options.histogramBins = 1;  // only the scalar metrics are shown
        const TensorError e = compareTensors(original, back, options);
        out.sqnrDb = e.sqnrDb;
        out.relativeError = e.relativeFrobenius;
    } catch (const std::exception&) {
        out.failed = true;
    }
    return out;
}

} // namespace

PlanErrorService::PlanErrorService(QObject* parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(50);
    connect(&m_debounce, &QTimer::timeout, this, &PlanErrorService::refresh);
}

PlanErrorService::~PlanErrorService()
{
    cancel();
    m_pool.waitForDone();
}

void PlanErrorService::setDocument(PlanDocument* document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (!m_document)
        return;
    connect(m_document, &PlanDocument::planChanged, this, [this] { m_debounce.start(); });
    connect(m_document, &PlanDocument::imatrixChanged, this, [this] { m_debounce.start(); });
    connect(m_document, &QObject::destroyed, this, [this] {
        cancel();
        m_document = nullptr;
    });
    m_debounce.start();
}

std::string PlanErrorService::formatKeyOf(int tensorIndex) const
{
    const PlanEntry* e = m_document ? m_document->entryForTensor(tensorIndex) : nullptr;
    if (!e)
        return {};
    if (const auto scheme = m_document->schemeOf(e->tensor))
        return schemeChoiceToJson(*scheme);  // the name omits e.g. the percentile: the JSON is unique
    if (const auto c = m_document->calibration(); c && c->tensors.count(e->tensor))
        return std::string(tensorTypeName(e->type)) + "|" + c->key;   // the calibrated values, not the round trip
    // The round trip of a GGUF type depends on the importance matrix it is quantized with.
    return std::string(tensorTypeName(e->type)) + "|" + m_document->imatrixPath().toStdString();
}

std::optional<PlannedError> PlanErrorService::errorOf(int tensorIndex) const
{
    const PlanEntry* e = m_document ? m_document->entryForTensor(tensorIndex) : nullptr;
    if (!e)
        return std::nullopt;
    const TensorInfo& t = m_document->model()->tensors[static_cast<size_t>(tensorIndex)];
    if (!m_document->schemeOf(e->tensor) && e->type == t.type)
        return PlannedError{std::numeric_limits<double>::infinity(), 0.0, true, false};
    if (m_model != m_document->model())
        return std::nullopt;  // the cache still belongs to the previous model until refresh()
    const auto it = m_cache.find(Key{tensorIndex, formatKeyOf(tensorIndex)});
    return it == m_cache.end() ? std::nullopt : std::optional<PlannedError>(it->second);
}

void PlanErrorService::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
    m_cancel.reset();
    ++m_generation;
    m_pending = 0;
}

void PlanErrorService::refresh()
{
    cancel();
    if (!m_document || m_document->model() != m_model) {
        m_cache.clear();
        m_model = m_document ? m_document->model() : nullptr;
    }
    if (!m_model)
        return;
    std::vector<WorkItem> items;
    for (size_t i = 0; i < m_model->tensors.size(); ++i) {
        const int index = static_cast<int>(i);
        const PlanEntry* e = m_document->entryForTensor(index);
        if (!e || errorOf(index))
            continue;
        CandidateFormat f;
        if (const auto scheme = m_document->schemeOf(e->tensor))
            f = candidateOf(*scheme);
        else
            f = {e->type, m_document->imatrix()};
        const auto c = m_document->calibration();
        items.push_back({index, std::move(f), formatKeyOf(index), c && c->tensors.count(e->tensor) ? c : nullptr});
    }
    if (items.empty()) {
        emit idle();
        return;
    }
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_pending = static_cast<int>(items.size());
    const quint64 generation = m_generation;
    (void)QtConcurrent::run(&m_pool, [this, model = m_model, items = std::move(items), token = m_cancel, generation] {
        for (const WorkItem& item : items) {
            if (token->load())
                break;
            const PlannedError value = measure(*model, model->tensors[static_cast<size_t>(item.tensor)], item, *token);
            QMetaObject::invokeMethod(this, [this, generation, tensor = item.tensor, name = item.key, value] {
                accept(generation, tensor, name, value);
            }, Qt::QueuedConnection);
        }
        QMetaObject::invokeMethod(this, [this, generation] { jobDone(generation); }, Qt::QueuedConnection);
    });
}

void PlanErrorService::accept(quint64 generation, int tensorIndex, const std::string& format, const PlannedError& value)
{
    if (generation != m_generation)
        return;  // stale: the plan changed since this job started
    m_cache[Key{tensorIndex, format}] = value;
    if (m_pending > 0)
        --m_pending;
    emit errorsChanged({tensorIndex});
}

void PlanErrorService::jobDone(quint64 generation)
{
    if (generation != m_generation)
        return;
    m_pending = 0;
    m_cancel.reset();
    emit idle();
}

} // namespace qx::ui
