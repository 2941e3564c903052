#pragma once
// A plan's weights, streamed: the same tensors applyPlan (plan/sensitivity.h) would substitute in a
// resident model, made one at a time when the engine loads them from a model file — a planned tensor as
// its bit-exact quantize → dequantize round trip in the planned type (with the imatrix's importance), a
// tensor with a non-GGUF scheme as that scheme's round trip, a calibrated tensor (GPTQ, AWQ, …) as the
// values given, or decoded from the blocks given (a packed GPTQ result). Everything else comes from the file as it is. Storage types follow applyPlan's rules, so
// --ggml-matmul rounds activations for the planned types.

#include "io/model_file.h"
#include "model/mapped_weights.h"
#include "plan/plan.h"
#include "plan/plan_schemes.h"
#include "quant/imatrix_file.h"
#include "quant/packed_tensor.h"

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace qx {

/// Calibrated values by tensor name.
using TensorSubstitutions = std::map<std::string, std::vector<float>>;

class PlannedWeights final : public WeightSource {
public:
    /// Checks the plan against the model as applyPlan does: Error(Mismatch) for a plan entry or a
    /// substitution naming a tensor the model lacks, Error(InvalidArgument) for a substitution of the
    /// wrong size (packed ones too). Any of imatrix, substitutions, schemes and packed may be null.
    PlannedWeights(std::shared_ptr<const MappedWeights> base, Plan plan, std::shared_ptr<const ImatrixFile> imatrix,
                   std::shared_ptr<const TensorSubstitutions> substitutions = nullptr,
                   std::shared_ptr<const SchemeChoices> schemes = nullptr,
                   std::shared_ptr<const PackedTensors> packed = nullptr);

    const ModelSpec& spec() const override { return m_base->spec(); }
    const LlamaConfig& config() const override { return m_base->config(); }
    std::vector<std::string> tensorNames() const override { return m_base->tensorNames(); }
    WeightView shape(const std::string& name) const override { return m_base->shape(name); }
    TensorType storageType(const std::string& name) const override;
    WorkingTensor load(const std::string& name) const override;
    void loadRows(const std::string& name, int64_t firstRow, int64_t rowCount, float* dst) const override;
    void release(const std::string& name) const override;
    void trim() const override { m_base->trim(); }
    uint64_t workingBytes(const std::string& name) const override;
    uint64_t fileBytes(const std::string& name) const override;
    uint64_t loadOverheadBytes() const override { return m_overhead; }

private:
    enum class Kind { File, Substituted, Packed, Scheme, RoundTrip };
    Kind kindOf(const std::string& name) const;
    WorkingTensor made(const std::string& name) const;

    std::shared_ptr<const MappedWeights> m_base;
    Plan m_plan;
    std::shared_ptr<const ImatrixFile> m_imatrix;
    std::shared_ptr<const TensorSubstitutions> m_substitutions;
    std::shared_ptr<const SchemeChoices> m_schemes;
    std::shared_ptr<const PackedTensors> m_packed;
    uint64_t m_overhead = 0;
    // loadRows (token lookups) reuses the last tensor made whole.
    mutable std::mutex m_rowsMutex;
    mutable std::string m_rowsName;
    mutable WorkingTensor m_rowsTensor;
};

} // namespace qx
