#include "plan/plan_document.h"

#include "plan/plan_calibration.h"

#include "common/error.h"
#include "export/scheme_choice_gguf.h"
#include "quant/dequantize.h"
#include "quant/formats.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTimer>
#include <QUndoCommand>
#include <QUndoStack>

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace qx::ui {
namespace {

constexpr int kSolverMergeId = 1;
constexpr int kAutosaveMs = 30000;
constexpr int kDebounceMs = 2000;

QString typeText(TensorType type)
{
    return QString::fromLatin1(tensorTypeName(type).data(), static_cast<qsizetype>(tensorTypeName(type).size()));
}

/// The tensors whose entry or scheme differs between two states.
QStringList changedTensors(const PlanState& before, const PlanState& after)
{
    QStringList out;
    std::unordered_map<std::string, const PlanEntry*> old;
    for (const PlanEntry& e : before.plan.entries)
        old[e.tensor] = &e;
    for (const PlanEntry& e : after.plan.entries) {
        const auto it = old.find(e.tensor);
        const auto s0 = before.schemes.find(e.tensor);
        const auto s1 = after.schemes.find(e.tensor);
        const bool schemeSame = (s0 == before.schemes.end()) == (s1 == after.schemes.end())
                                && (s0 == before.schemes.end() || s0->second == s1->second);
        if (it == old.end() || !(*it->second == e) || !schemeSame)
            out << QString::fromStdString(e.tensor);
    }
    return out;
}

class PlanEditCommand : public QUndoCommand {
public:
    PlanEditCommand(PlanDocument* doc, PlanState before, PlanState after, QStringList changed, const QString& text,
                    int mergeId)
        : QUndoCommand(text), m_doc(doc), m_before(std::move(before)), m_after(std::move(after)),
          m_changed(std::move(changed)), m_id(mergeId)
    {
    }
    void redo() override { m_doc->applyState(m_after, m_changed); }
    void undo() override { m_doc->applyState(m_before, m_changed); }
    int id() const override { return m_id; }
    bool mergeWith(const QUndoCommand* other) override
    {
        const auto* o = static_cast<const PlanEditCommand*>(other);
        m_after = o->m_after;
        setText(o->text());
        for (const QString& t : o->m_changed)
            if (!m_changed.contains(t))
                m_changed << t;
        return true;
    }

private:
    PlanDocument* m_doc;
    PlanState m_before;
    PlanState m_after;
    QStringList m_changed;
    int m_id;
};

} // namespace

PlanDocument::PlanDocument(QObject* parent)
    : QObject(parent), m_undo(new QUndoStack(this)), m_autosaveTimer(new QTimer(this)), m_debounce(new QTimer(this))
{
    m_autosaveTimer->setInterval(kAutosaveMs);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_autosaveTimer, &QTimer::timeout, this, &PlanDocument::autosaveNow);
    connect(m_debounce, &QTimer::timeout, this, &PlanDocument::autosaveNow);
    connect(m_undo, &QUndoStack::cleanChanged, this, [this](bool clean) {
        if (clean)
            removeAutosave();
        emit dirtyChanged(!clean);
    });
}

PlanDocument::~PlanDocument() = default;

Plan PlanDocument::storedPlan(const ModelFile& model, const std::string& sourcePath)
{
    Plan plan;
    plan.sourcePath = sourcePath;
    for (const TensorInfo* t : plannedTensors(model))
        plan.entries.push_back({t->name, t->ne, t->type, "as stored", false});
    return plan;
}

uint64_t PlanDocument::plannedBytes(const TensorInfo& tensor, TensorType type)
{
    if (type == tensor.type)
        return tensor.nbytes;
    return tensorBytes(type, tensor.elementCount()).value_or(0);
}

uint64_t PlanDocument::plannedBytes(const TensorInfo& tensor, TensorType type, const std::optional<SchemeChoice>& scheme)
{
    if (!scheme)
        return plannedBytes(tensor, type);
    const int64_t rowLength = tensor.rowLength();
    const auto rows = rowLength > 0 ? static_cast<int64_t>(tensor.elementCount() / static_cast<uint64_t>(rowLength)) : 0;
    try {
        return schemeChoiceBytes(*scheme, rows, rowLength);
    } catch (const Error&) {
        return plannedBytes(tensor, type);  // cannot happen for a scheme setScheme accepted
    }
}

uint64_t PlanDocument::plannedBytesOf(int tensorIndex) const
{
    const PlanEntry* e = entryForTensor(tensorIndex);
    if (!e)
        return 0;
    return plannedBytes(m_model->tensors[static_cast<size_t>(tensorIndex)], e->type, schemeOf(e->tensor));
}

TensorType PlanDocument::nearestGgufType(SchemeId scheme)
{
    return ggufExportability(scheme).type.value_or(TensorType::F16);
}

void PlanDocument::setModel(std::shared_ptr<const ModelFile> model, const QString& modelPath)
{
    m_debounce->stop();
    m_autosaveTimer->stop();
    m_undo->clear();  // still under the old path: a clean stack drops the old model's autosave
    m_model = std::move(model);
    m_modelPath = modelPath;
    const bool hadCalibration = m_state.calibration != nullptr;
    const bool hadImatrix = m_imatrix != nullptr;
    m_imatrix.reset();
    m_imatrixPath.clear();
    m_state = PlanState{};
    if (m_model)
        m_state.plan = storedPlan(*m_model, modelPath.toStdString());
    rebuildIndex();
    m_undo->setClean();
    if (!m_fileName.isEmpty()) {
        m_fileName.clear();
        emit fileNameChanged(m_fileName);
    }
    m_recoveryAvailable = m_model && !m_modelPath.isEmpty() && QFile::exists(autosavePath());
    emit modelChanged();
    emit planChanged({});
    if (hadCalibration)
        emit calibrationChanged(nullptr);
    if (hadImatrix)
        emit imatrixChanged();
    emit dirtyChanged(false);
}

const PlanEntry* PlanDocument::entryForTensor(int tensorIndex) const
{
    if (tensorIndex < 0 || static_cast<size_t>(tensorIndex) >= m_entryOfTensor.size())
        return nullptr;
    const int e = m_entryOfTensor[static_cast<size_t>(tensorIndex)];
    return e < 0 ? nullptr : &m_state.plan.entries[static_cast<size_t>(e)];
}

std::optional<SchemeChoice> PlanDocument::schemeOf(const std::string& tensor) const
{
    const auto it = m_state.schemes.find(tensor);
    return it == m_state.schemes.end() ? std::nullopt : std::optional<SchemeChoice>(it->second);
}

bool PlanDocument::isDirty() const
{
    return !m_undo->isClean();
}

PlanTotals PlanDocument::totals() const
{
    PlanTotals t;
    if (!m_model)
        return t;
    for (size_t i = 0; i < m_model->tensors.size(); ++i) {
        const PlanEntry* e = entryForTensor(static_cast<int>(i));
        if (!e)
            continue;
        const TensorInfo& tensor = m_model->tensors[i];
        t.tensorBytes += plannedBytesOf(static_cast<int>(i));
        t.parameters += tensor.elementCount();
        t.modelBytes += tensor.nbytes;
    }
    t.bitsPerWeight = t.parameters ? 8.0 * static_cast<double>(t.tensorBytes) / static_cast<double>(t.parameters) : 0.0;
    t.sizeRatio = t.modelBytes ? static_cast<double>(t.tensorBytes) / static_cast<double>(t.modelBytes) : 0.0;
    try {
        t.fileBytes = predictedFileSize(*m_model, m_state.plan);
    } catch (const Error&) {
        t.fileBytes = 0;  // e.g. a stored type the exporter cannot write: the header shows no file size
    }
    return t;
}

void PlanDocument::rebuildIndex()
{
    m_entryOfTensor.assign(m_model ? m_model->tensors.size() : 0, -1);
    if (!m_model)
        return;
    std::unordered_map<std::string, int> byName;
    for (size_t i = 0; i < m_state.plan.entries.size(); ++i)
        byName[m_state.plan.entries[i].tensor] = static_cast<int>(i);
    for (size_t i = 0; i < m_model->tensors.size(); ++i)
        if (const auto it = byName.find(m_model->tensors[i].name); it != byName.end())
            m_entryOfTensor[i] = it->second;
}

void PlanDocument::applyState(const PlanState& state, const QStringList& changed)
{
    const bool calibrationChanges = state.calibration != m_state.calibration;
    m_state = state;
    rebuildIndex();
    emit planChanged(changed);
    if (calibrationChanges)
        emit calibrationChanged(m_state.calibration);
    scheduleAutosave();
}

EditSummary PlanDocument::push(PlanState after, const QString& text, int mergeId)
{
    EditSummary summary;
    after.calibration = prunedCalibration(after);
    QStringList changed = changedTensors(m_state, after);
    summary.changed = static_cast<int>(changed.size());
    if (after == m_state)
        return summary;
    m_undo->push(new PlanEditCommand(this, m_state, std::move(after), std::move(changed), text, mergeId));
    return summary;
}

EditSummary PlanDocument::setType(const QStringList& tensors, TensorType type)
{
    PlanState after = m_state;
    EditSummary s;
    for (const QString& name : tensors) {
        PlanEntry* e = after.plan.find(name.toStdString());
        const TensorInfo* t = m_model ? m_model->findTensor(name.toStdString()) : nullptr;
        if (!e || !t)
            continue;
        if (e->pinned) {
            ++s.skippedPinned;
            continue;
        }
        TensorType target = type;
        std::string reason = "set by hand";
        if (type != t->type) {
            const FormatInfo* f = formatOf(type);
            const FormatFit fit = f ? fits(*f, t->rowLength()) : FormatFit{false, "no quantizer", std::nullopt};
            const auto fallback = fit.fits ? std::nullopt : llamaFallbackType(type, t->rowLength());
            if (!isQuantizableTensor(*t) || !canDequantize(t->type) || !f || (!fit.fits && !fallback)) {
                ++s.skippedUnfit;
                continue;
            }
            if (!fit.fits) {
                target = *fallback;
                reason = "set by hand to " + std::string(tensorTypeName(type)) + "; " + fit.reason + " -> "
                         + std::string(tensorTypeName(target));
                ++s.fallbacks;
            }
        }
        e->type = target;
        e->reason = target == t->type && type == t->type ? "as stored" : reason;
        after.schemes.erase(e->tensor);
    }
    after.plan.preset.clear();
    after.plan.ftype.reset();
    after.handEdits += static_cast<int>(changedTensors(m_state, after).size());
    const QString text = tensors.size() == 1 ? tr("Set %1 to %2").arg(tensors.front(), typeText(type))
                                             : tr("Set %1 tensors to %2").arg(tensors.size()).arg(typeText(type));
    const EditSummary pushed = push(std::move(after), text);
    s.changed = pushed.changed;
    return s;
}

EditSummary PlanDocument::setScheme(const QStringList& tensors, const SchemeChoice& scheme)
{
    const std::string schemeText = schemeChoiceName(scheme);
    PlanState after = m_state;
    EditSummary s;
    for (const QString& name : tensors) {
        PlanEntry* e = after.plan.find(name.toStdString());
        const TensorInfo* t = m_model ? m_model->findTensor(name.toStdString()) : nullptr;
        if (!e || !t)
            continue;
        if (e->pinned) {
            ++s.skippedPinned;
            continue;
        }
        if (!isQuantizableTensor(*t) || !canDequantize(t->type) || !schemeChoiceFit(scheme, t->rowLength()).fits) {
            ++s.skippedUnfit;
            continue;
        }
        const GgufExportability gguf = ggufExportability(scheme);
        e->type = gguf.exportable && gguf.type ? *gguf.type : schemeChoiceFileType(scheme, t->rowLength());
        e->reason = gguf.exportable ? "set by hand"
                                    : "scheme " + schemeText + " (not exportable to GGUF; the file holds "
                                          + std::string(tensorTypeName(e->type)) + ")";
        after.schemes[e->tensor] = scheme;
    }
    after.plan.preset.clear();
    after.plan.ftype.reset();
    const QString schemeName = QString::fromStdString(schemeText);
    const QString text = tensors.size() == 1 ? tr("Set %1 to %2").arg(tensors.front(), schemeName)
                                             : tr("Set %1 tensors to %2").arg(tensors.size()).arg(schemeName);
    const EditSummary pushed = push(std::move(after), text);
    s.changed = pushed.changed;
    return s;
}

EditSummary PlanDocument::replacePlan(Plan fresh, const QString& text, std::string origin, int mergeId)
{
    PlanState after;
    after.origin = std::move(origin);
    fresh.sourcePath = m_modelPath.toStdString();
    after.plan = keepPinned(std::move(fresh), m_state.plan);
    EditSummary s;
    for (const PlanEntry& e : m_state.plan.entries)
        if (e.pinned) {
            ++s.skippedPinned;
            if (const auto it = m_state.schemes.find(e.tensor); it != m_state.schemes.end())
                after.schemes.insert(*it);
        }
    s.changed = push(std::move(after), text, mergeId).changed;
    return s;
}

EditSummary PlanDocument::applyPure(TensorType type)
{
    if (!m_model)
        return {};
    return replacePlan(planPure(*m_model, type, m_imatrix != nullptr), tr("Set all tensors to %1").arg(typeText(type)),
                       "pure " + std::string(tensorTypeName(type)));
}

EditSummary PlanDocument::applyPreset(Preset preset)
{
    if (!m_model)
        return {};
    const std::string_view name = presetName(preset);
    PresetOptions options;
    options.hasImatrix = m_imatrix != nullptr;
    return replacePlan(planPreset(*m_model, preset, options),
                       tr("Preset %1").arg(QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size()))),
                       std::string(name));
}

EditSummary PlanDocument::applySolverPlan(Plan plan, const QString& label)
{
    if (!m_model)
        return {};
    return replacePlan(std::move(plan), label, "solver", kSolverMergeId);
}

EditSummary PlanDocument::setPinned(const QStringList& tensors, bool pinned)
{
    PlanState after = m_state;
    for (const QString& name : tensors)
        if (PlanEntry* e = after.plan.find(name.toStdString()))
            e->pinned = pinned;
    const QString text = pinned ? tr("Pin %1 tensors").arg(tensors.size()) : tr("Unpin %1 tensors").arg(tensors.size());
    return push(std::move(after), text);
}

bool PlanDocument::loadPlan(qx::Plan plan, const QString& label, SchemeOverrides schemes,
                            std::shared_ptr<const PlanCalibration> calibration)
{
    if (!m_model)
        return false;
    PlanState after{std::move(plan), std::move(schemes), std::move(calibration), label.toStdString()};
    try {
        validatePlanWithSchemes(*m_model, {after.plan, after.schemes});
    } catch (const Error&) {
        return false;
    }
    push(std::move(after), label);
    return true;
}

QStringList PlanDocument::allTensors() const
{
    QStringList out;
    for (const PlanEntry& e : m_state.plan.entries)
        out << QString::fromStdString(e.tensor);
    return out;
}

QStringList PlanDocument::tensorsMatching(const QString& pattern) const
{
    const QRegularExpression re(pattern, QRegularExpression::CaseInsensitiveOption);
    if (!re.isValid() || pattern.isEmpty())
        return {};
    QStringList out;
    for (const QString& name : allTensors())
        if (re.match(name).hasMatch())
            out << name;
    return out;
}

void PlanDocument::save(const QString& path)
{
    savePlan(path.toStdString(), m_state.plan, m_state.schemes);
    m_undo->setClean();
    removeAutosave();
    if (m_fileName != path) {
        m_fileName = path;
        emit fileNameChanged(m_fileName);
    }
}

void PlanDocument::loadFile(const QString& path)
{
    if (!m_model)
        throw Error(ErrorCode::InvalidArgument, path.toStdString(), kNoOffset, "no model is open");
    PlanWithSchemes loaded = loadPlanWithSchemes(path.toStdString());
    validatePlanWithSchemes(*m_model, loaded);
    push(PlanState{std::move(loaded.plan), std::move(loaded.schemes), nullptr, QFileInfo(path).completeBaseName().toStdString()},
         tr("Load %1").arg(QFileInfo(path).fileName()));
    if (m_fileName != path) {
        m_fileName = path;
        emit fileNameChanged(m_fileName);
    }
}

void PlanDocument::discard()
{
    m_recoveryAvailable = false;  // leaving the model: an older recovery file goes with the new changes
    removeAutosave();
}

QString PlanDocument::autosavePathFor(const QString& modelPath)
{
    const QByteArray hash = QCryptographicHash::hash(modelPath.toUtf8(), QCryptographicHash::Sha1).toHex();
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return dir + QStringLiteral("/autosave/") + QString::fromLatin1(hash) + QStringLiteral(".json");
}

void PlanDocument::recover()
{
    PlanWithSchemes loaded = loadPlanWithSchemes(autosavePath().toStdString());
    validatePlanWithSchemes(*m_model, loaded);
    m_recoveryAvailable = false;
    push(PlanState{std::move(loaded.plan), std::move(loaded.schemes)}, tr("Recover unsaved plan"));
}

void PlanDocument::discardRecovery()
{
    m_recoveryAvailable = false;
    removeAutosave();
}

void PlanDocument::autosaveNow()
{
    if (!m_model || m_modelPath.isEmpty() || m_recoveryAvailable)
        return;  // a pending recovery file is the user's to take or drop
    if (!isDirty()) {
        removeAutosave();
        return;
    }
    const QString path = autosavePath();
    QDir().mkpath(QFileInfo(path).absolutePath());
    try {
        savePlan(path.toStdString(), m_state.plan, m_state.schemes);
        emit autosaved(path);
    } catch (const Error& e) {
        qWarning("autosave failed: %s", e.what());
    }
}

void PlanDocument::setAutosaveInterval(int milliseconds)
{
    m_autosaveTimer->setInterval(milliseconds);
    m_debounce->setInterval(std::min(milliseconds, kDebounceMs));
}

void PlanDocument::scheduleAutosave()
{
    if (!m_model)
        return;
    m_debounce->start();
    if (!m_autosaveTimer->isActive())
        m_autosaveTimer->start();
}

void PlanDocument::removeAutosave()
{
    if (!m_modelPath.isEmpty() && !m_recoveryAvailable)
        QFile::remove(autosavePath());
}

} // namespace qx::ui
