// Fake quantization of a parameter vector and the straight-through fine-tuning loop.
#include "train/qat.h"

namespace qx {

UniformScheme qatScheme(int bits, int group)
{
    UniformScheme s;
    s.bits = bits;
    s.mode = UniformMode::Asymmetric;
    s.granularity = Granularity::PerGroup;
    s.groupSize = group;
    s.scaleFormat = ScaleFormat::F16;
    s.clip = ClipMethod::AbsMax;
    return s;
}

std::vector<float> fakeQuantParams(const TrainShape& shape, std::span<const float> params, const UniformScheme& scheme)
{
    std::vector<float> out(params.begin(), params.end());
    for (const ParamTensor& t : paramLayout(shape)) {
        if (t.isNorm)
            continue;
        const auto first = static_cast<size_t>(t.offset), count = static_cast<size_t>(t.count);
        fakeQuantUniform(params.subspan(first, count), std::span<float>(out).subspan(first, count), t.ne[0], scheme,
                         {}, 1);
    }
    return out;
}

std::vector<double> qatFineTune(const TrainShape& shape, std::vector<float>& latent, std::span<const int32_t> stream,
                                const UniformScheme& scheme, const TrainOptions& options, const StepFn& onStep,
                                const ProgressFn& progress)
{
    const ParamsTransform quantize = [&](std::span<const float> params, std::vector<float>& seen) {
        seen = fakeQuantParams(shape, params, scheme);
    };
    return trainModel(shape, latent, stream, options, onStep, progress, quantize);
}

} // namespace qx
