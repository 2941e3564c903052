#include "quant/scheme_choice.h"

#include "common/error.h"
#include "io/json_file.h"
#include "quant/scheme_choice_json.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace qx {
namespace {

constexpr std::array<const char*, 3> kModeNames{"symmetric", "symmetric-full", "asymmetric"};
constexpr std::array<const char*, 3> kGranularityNames{"tensor", "channel", "group"};
constexpr std::array<const char*, 4> kClipNames{"absmax", "percentile", "mse", "kl"};

const FormatInfo* catalogFormat(SchemeId id)
{
    for (const FormatInfo& f : kFormats)
        if (!f.ggufExportable && f.scheme == id)
            return &f;
    if (id == SchemeId::Fp16)
        return formatOf(TensorType::F16);
    if (id == SchemeId::Bf16)
        return formatOf(TensorType::BF16);
    return nullptr;
}

[[noreturn]] void bad(const std::string& file, const std::string& where, const std::string& message)
{
    throw Error(ErrorCode::Invalid, file, kNoOffset, where + ": " + message);
}

template <size_t N>
int enumFrom(const nlohmann::json& j, const char* key, const std::array<const char*, N>& names, int fallback,
             const std::string& file, const std::string& where)
{
    if (!j.contains(key))
        return fallback;
    const auto& v = j[key];
    if (v.is_string())
        for (size_t i = 0; i < N; ++i)
            if (v.get<std::string>() == names[i])
                return static_cast<int>(i);
    std::string expected;
    for (size_t i = 0; i < N; ++i)
        expected += (i ? (i + 1 == N ? " or " : ", ") : "") + std::string(names[i]);
    bad(file, where, "\"" + std::string(key) + "\" is " + v.dump() + " (expected " + expected + ")");
}

int intFrom(const nlohmann::json& j, const char* key, int fallback, int lo, int hi, const std::string& file,
            const std::string& where)
{
    if (!j.contains(key))
        return fallback;
    const auto& v = j[key];
    if (!v.is_number_integer() || v.get<int64_t>() < lo || v.get<int64_t>() > hi)
        bad(file, where, "\"" + std::string(key) + "\" is " + v.dump() + " (expected an integer in " + std::to_string(lo)
                             + ".." + std::to_string(hi) + ")");
    return static_cast<int>(v.get<int64_t>());
}

double numberFrom(const nlohmann::json& j, const char* key, double fallback, const std::string& file,
                  const std::string& where)
{
    if (!j.contains(key))
        return fallback;
    if (!j[key].is_number())
        bad(file, where, "\"" + std::string(key) + "\" is " + j[key].dump() + " (expected a number)");
    return j[key].get<double>();
}

} // namespace

std::optional<UniformScheme> uniformSchemeOf(const SchemeChoice& choice)
{
    if (const auto* u = std::get_if<UniformScheme>(&choice.value))
        return *u;
    const SchemeId id = *choice.catalogId();
    if (schemeInfo(id).family != SchemeFamily::Integer)
        return std::nullopt;
    return uniformSchemeOf(id);
}

UniformScheme canonicalUniform(UniformScheme s)
{
    const UniformScheme defaults;
    if (s.granularity != Granularity::PerGroup)
        s.groupSize = 0;
    if (s.clip != ClipMethod::Percentile)
        s.percentile = defaults.percentile;
    if (s.clip != ClipMethod::MseSearch) {
        s.mseGridSteps = defaults.mseGridSteps;
        s.mseMinRatio = defaults.mseMinRatio;
    }
    if (s.clip != ClipMethod::KlDivergence)
        s.klBins = defaults.klBins;
    return s;
}

SchemeChoice choiceOf(const UniformScheme& scheme)
{
    const UniformScheme c = canonicalUniform(scheme);
    for (const SchemeInfo& info : kSchemeCatalog)
        if (info.family == SchemeFamily::Integer && canonicalUniform(uniformSchemeOf(info.id)) == c)
            return info.id;
    return c;
}

std::string schemeChoiceName(const SchemeChoice& choice)
{
    if (const SchemeId* id = choice.catalogId())
        return std::string(schemeInfo(*id).name);
    return uniformSchemeName(std::get<UniformScheme>(choice.value));
}

uint64_t schemeChoiceBytes(const SchemeChoice& choice, int64_t rows, int64_t rowLength)
{
    if (rows < 0 || rowLength < 0)
        throw Error(ErrorCode::InvalidArgument, "schemeChoiceBytes: negative shape");
    if (const auto* u = std::get_if<UniformScheme>(&choice.value))
        return uniformStorageBytes(*u, rows, rowLength);
    const FormatInfo* f = catalogFormat(*choice.catalogId());
    if (!f)
        throw Error(ErrorCode::InvalidArgument, "scheme has no size rule");
    return storedBytes(*f, rows, rowLength);
}

double schemeChoiceBitsPerWeight(const SchemeChoice& choice, int64_t rows, int64_t rowLength)
{
    if (const auto* u = std::get_if<UniformScheme>(&choice.value))
        return uniformBitsPerWeight(*u, rows, rowLength);
    return schemeBitsPerWeight(*choice.catalogId(), rows, rowLength);
}

FormatFit schemeChoiceFit(const SchemeChoice& choice, int64_t rowLength)
{
    if (const SchemeId* id = choice.catalogId()) {
        const FormatInfo* f = catalogFormat(*id);
        return f ? fits(*f, rowLength) : FormatFit{false, "unknown scheme", std::nullopt};
    }
    FormatFit fit;
    try {
        validateUniform(std::get<UniformScheme>(choice.value), rowLength > 0 ? static_cast<uint64_t>(rowLength) : 1,
                        rowLength);
    } catch (const Error& e) {
        fit.fits = false;
        fit.reason = e.detail();
    }
    return fit;
}

void validateSchemeChoice(const SchemeChoice& choice, int64_t rowLength)
{
    const FormatFit fit = schemeChoiceFit(choice, rowLength);
    if (!fit.fits)
        throw Error(ErrorCode::InvalidArgument, fit.reason);
}

void fakeQuantChoice(const SchemeChoice& choice, std::span<const float> in, std::span<float> out, int64_t rowLength,
                     const ProgressFn& progress, int threads)
{
    if (in.size() != out.size() || rowLength <= 0 || in.size() % static_cast<size_t>(rowLength) != 0)
        throw Error(ErrorCode::InvalidArgument, "fakeQuantChoice: input and output are not whole rows of equal size");
    validateSchemeChoice(choice, rowLength);
    if (const auto* u = std::get_if<UniformScheme>(&choice.value))
        return fakeQuantUniform(in, out, rowLength, *u, progress, threads);
    fakeQuantScheme(*choice.catalogId(), in, out, rowLength);
}

nlohmann::ordered_json schemeChoiceJson(const SchemeChoice& choice)
{
    nlohmann::ordered_json j;
    if (const SchemeId* id = choice.catalogId()) {
        j["catalog"] = std::string(schemeInfo(*id).name);
        return j;
    }
    const UniformScheme& s = std::get<UniformScheme>(choice.value);
    j["bits"] = s.bits;
    j["mode"] = kModeNames[static_cast<size_t>(s.mode)];
    j["granularity"] = kGranularityNames[static_cast<size_t>(s.granularity)];
    if (s.granularity == Granularity::PerGroup)
        j["group"] = s.groupSize;
    j["scale"] = s.scaleFormat == ScaleFormat::F16 ? "f16" : "f32";
    j["clip"] = kClipNames[static_cast<size_t>(s.clip)];
    if (s.clip == ClipMethod::Percentile)
        j["percentile"] = s.percentile;
    if (s.clip == ClipMethod::MseSearch) {
        j["mseGridSteps"] = s.mseGridSteps;
        j["mseMinRatio"] = s.mseMinRatio;
    }
    if (s.clip == ClipMethod::KlDivergence)
        j["klBins"] = s.klBins;
    return j;
}

SchemeChoice schemeChoiceFromJsonValue(const nlohmann::json& j, const std::string& file, const std::string& where)
{
    if (!j.is_object())
        bad(file, where, "a scheme is a JSON object");
    if (j.contains("catalog")) {
        const auto& name = j["catalog"];
        for (const SchemeInfo& info : kSchemeCatalog)
            if (name.is_string() && name.get<std::string>() == info.name)
                return info.id;
        bad(file, where, "\"catalog\" is " + name.dump() + ", not a scheme of the catalog");
    }
    UniformScheme s;
    s.bits = intFrom(j, "bits", -1, 2, 8, file, where);
    if (s.bits < 0)
        bad(file, where, "missing \"bits\" (or \"catalog\")");
    s.mode = static_cast<UniformMode>(enumFrom(j, "mode", kModeNames, 0, file, where));
    s.granularity = static_cast<Granularity>(enumFrom(j, "granularity", kGranularityNames, 1, file, where));
    s.groupSize = intFrom(j, "group", s.groupSize, 1, 1 << 20, file, where);
    const auto scale = enumFrom(j, "scale", std::array<const char*, 2>{"f32", "f16"}, 0, file, where);
    s.scaleFormat = scale == 1 ? ScaleFormat::F16 : ScaleFormat::F32;
    s.clip = static_cast<ClipMethod>(enumFrom(j, "clip", kClipNames, 0, file, where));
    s.percentile = numberFrom(j, "percentile", s.percentile, file, where);
    if (!(s.percentile > 0.0 && s.percentile <= 100.0))
        bad(file, where, "\"percentile\" must be in (0, 100]");
    s.mseGridSteps = intFrom(j, "mseGridSteps", s.mseGridSteps, 1, 100000, file, where);
    s.mseMinRatio = numberFrom(j, "mseMinRatio", s.mseMinRatio, file, where);
    if (!(s.mseMinRatio > 0.0 && s.mseMinRatio <= 1.0))
        bad(file, where, "\"mseMinRatio\" must be in (0, 1]");
    s.klBins = intFrom(j, "klBins", s.klBins, 2 * (1 << (s.bits - 1)), 1 << 20, file, where);
    return canonicalUniform(s);
}

std::string schemeChoiceToJson(const SchemeChoice& choice)
{
    return schemeChoiceJson(choice).dump();
}

SchemeChoice schemeChoiceFromJson(std::string_view text, const std::string& fileName)
{
    return schemeChoiceFromJsonValue(parseJsonText(text, fileName, 0), fileName, "scheme");
}

} // namespace qx
