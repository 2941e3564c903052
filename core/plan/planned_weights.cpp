#include "plan/planned_weights.h"

#include "common/error.h"
#include "plan/sensitivity.h"

#include <algorithm>
#include <cstring>

namespace qx {

PlannedWeights::PlannedWeights(std::shared_ptr<const MappedWeights> base, Plan plan,
                               std::shared_ptr<const ImatrixFile> imatrix,
                               std::shared_ptr<const TensorSubstitutions> substitutions,
                               std::shared_ptr<const SchemeChoices> schemes,
                               std::shared_ptr<const PackedTensors> packed)
    : m_base(std::move(base)), m_plan(std::move(plan)), m_imatrix(std::move(imatrix)),
      m_substitutions(std::move(substitutions)), m_schemes(std::move(schemes)), m_packed(std::move(packed))
{
    if (!m_base)
        throw Error(ErrorCode::InvalidArgument, "PlannedWeights: no model");
    const std::vector<std::string> names = m_base->tensorNames();
    const auto reads = [&](const std::string& n) { return std::find(names.begin(), names.end(), n) != names.end(); };
    if (m_substitutions)
        for (const auto& [name, values] : *m_substitutions) {
            if (!reads(name))
                throw Error(ErrorCode::Mismatch, "calibrated values for a tensor the model does not use: " + name);
            const WeightView s = m_base->shape(name);
            if (static_cast<int64_t>(values.size()) != s.rows * s.cols)
                throw Error(ErrorCode::InvalidArgument, "calibrated values of the wrong size for " + name);
        }
    if (m_packed)
        for (const auto& [name, p] : *m_packed) {
            if (!reads(name))
                throw Error(ErrorCode::Mismatch, "calibrated values for a tensor the model does not use: " + name);
            const WeightView s = m_base->shape(name);
            if (p.rows != s.rows || p.rowLength != s.cols)
                throw Error(ErrorCode::InvalidArgument, "packed calibrated values of the wrong shape for " + name);
            m_overhead = std::max(m_overhead, uint64_t(p.valueCount()) * sizeof(float));
        }
    for (const PlanEntry& e : m_plan.entries) {
        if (!reads(e.tensor))
            continue;
        const TensorInfo* t = m_base->model().findTensor(e.tensor);
        if (!t)
            throw Error(ErrorCode::Mismatch, "plan names a tensor the model does not have: " + e.tensor);
        const Kind kind = kindOf(e.tensor);
        if (kind == Kind::Scheme || kind == Kind::RoundTrip) {
            const uint64_t quantized = kind == Kind::RoundTrip ? tensorBytes(e.type, t->elementCount()).value_or(0) : 0;
            m_overhead = std::max(m_overhead, t->elementCount() * sizeof(float) + quantized);
        }
    }
}

PlannedWeights::Kind PlannedWeights::kindOf(const std::string& name) const
{
    if (m_substitutions && m_substitutions->count(name))
        return Kind::Substituted;
    if (m_packed && m_packed->count(name))
        return Kind::Packed;
    const PlanEntry* e = m_plan.find(name);
    if (!e || !m_base->model().findTensor(name))
        return Kind::File;
    if (m_schemes && m_schemes->count(name))
        return Kind::Scheme;
    return e->type == TensorType::F32 ? Kind::File : Kind::RoundTrip;
}

TensorType PlannedWeights::storageType(const std::string& name) const
{
    const PlanEntry* e = m_plan.find(name);
    switch (kindOf(name)) {
    case Kind::Substituted: return e && e->type != TensorType::F32 ? e->type : m_base->storageType(name);
    case Kind::Packed: return m_packed->at(name).type;
    case Kind::RoundTrip: return e->type;
    default: return m_base->storageType(name);
    }
}

WorkingTensor PlannedWeights::made(const std::string& name) const
{
    const TensorInfo& t = *m_base->model().findTensor(name);
    const WeightView shape = m_base->shape(name);
    std::shared_ptr<const std::vector<float>> values;
    if (kindOf(name) == Kind::Packed) {
        values = std::make_shared<const std::vector<float>>(m_packed->at(name).unpack());
    } else if (kindOf(name) == Kind::Scheme) {
        values = std::make_shared<const std::vector<float>>(schemeRoundTrip(t, m_schemes->at(name)));
    } else {
        std::vector<float> importance;
        if (m_imatrix)
            importance = imatrixImportanceFor(*m_imatrix, t.name, t.rowLength()).value_or(std::vector<float>{});
        values = std::make_shared<const std::vector<float>>(roundTripTensor(t, m_plan.find(name)->type, importance));
    }
    return {{values->data(), shape.cols, shape.rows}, storageType(name), values};
}

WorkingTensor PlannedWeights::load(const std::string& name) const
{
    switch (kindOf(name)) {
    case Kind::File: {
        WorkingTensor w = m_base->load(name);
        w.storageType = storageType(name);
        return w;
    }
    case Kind::Substituted: {
        const std::vector<float>& v = m_substitutions->at(name);
        const WeightView shape = m_base->shape(name);
        return {{v.data(), shape.cols, shape.rows}, storageType(name), m_substitutions};
    }
    default: return made(name);
    }
}

void PlannedWeights::loadRows(const std::string& name, int64_t firstRow, int64_t rowCount, float* dst) const
{
    if (kindOf(name) == Kind::File) {
        m_base->loadRows(name, firstRow, rowCount, dst);
        return;
    }
    std::lock_guard lock(m_rowsMutex);
    if (m_rowsName != name) {
        m_rowsTensor = load(name);
        m_rowsName = name;
    }
    const WeightView& v = m_rowsTensor.view;
    if (firstRow < 0 || rowCount < 0 || firstRow + rowCount > v.rows)
        throw Error(ErrorCode::InvalidArgument, "loadRows: rows out of range for tensor " + name);
    std::memcpy(dst, v.data + firstRow * v.cols, sizeof(float) * static_cast<size_t>(rowCount * v.cols));
}

void PlannedWeights::release(const std::string& name) const
{
    {
        std::lock_guard lock(m_rowsMutex);
        if (m_rowsName == name) {
            m_rowsName.clear();
            m_rowsTensor = {};
        }
    }
    m_base->release(name);
}

uint64_t PlannedWeights::workingBytes(const std::string& name) const
{
    switch (kindOf(name)) {
    case Kind::File: return m_base->workingBytes(name);
    case Kind::Substituted: return 0;
    default: {
        const WeightView s = m_base->shape(name);
        return uint64_t(s.rows) * uint64_t(s.cols) * sizeof(float);
    }
    }
}

uint64_t PlannedWeights::fileBytes(const std::string& name) const
{
    const Kind kind = kindOf(name);
    return kind == Kind::Substituted || kind == Kind::Packed ? 0 : m_base->fileBytes(name);
}

} // namespace qx
