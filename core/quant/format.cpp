#include "quant/format.h"

#include "common/error.h"
#include "quant/quantize.h"
#include "quant/uniform_quant.h"

#include <cstdio>

namespace qx {
namespace {

/// The calibration spellings of uniform schemes: "intB-gG" (B bits 2..8, groups of G >= 8, F16 steps;
/// asymmetric below 8 bits) and "int8-pc" (symmetric per-channel, F16 steps).
std::optional<UniformScheme> calibrationSpelling(std::string_view name)
{
    const std::string text(name);
    UniformScheme s;
    s.scaleFormat = ScaleFormat::F16;
    int bits = 0, group = 0;
    char tail = 0;
    if (text == "int8-pc") {
        s.bits = 8;
        s.granularity = Granularity::PerChannel;
    } else if (std::sscanf(text.c_str(), "int%d-g%d%c", &bits, &group, &tail) == 2 && bits >= 2 && bits <= 8
               && group >= 8) {
        s.bits = bits;
        s.granularity = Granularity::PerGroup;
        s.groupSize = group;
    } else {
        return std::nullopt;
    }
    s.mode = s.bits == 8 ? UniformMode::SymmetricRestricted : UniformMode::Asymmetric;
    return s;
}

} // namespace

std::optional<TensorType> Format::ggufType() const
{
    if (const TensorType* t = std::get_if<TensorType>(&m_value))
        return *t;
    return std::nullopt;
}

std::optional<SchemeChoice> Format::scheme() const
{
    if (const SchemeChoice* s = std::get_if<SchemeChoice>(&m_value))
        return *s;
    return std::nullopt;
}

std::optional<SchemeId> Format::catalogId() const
{
    const SchemeChoice* s = std::get_if<SchemeChoice>(&m_value);
    const SchemeId* id = s ? s->catalogId() : nullptr;
    return id ? std::optional<SchemeId>(*id) : std::nullopt;
}

std::optional<UniformScheme> Format::uniform() const
{
    const std::optional<SchemeChoice> s = scheme();
    return s ? uniformSchemeOf(*s) : std::nullopt;
}

const FormatInfo* Format::info() const
{
    if (const std::optional<TensorType> t = ggufType())
        return formatOf(*t);
    const SchemeId* id = std::get<SchemeChoice>(m_value).catalogId();
    if (!id)
        return nullptr;
    for (const FormatInfo& f : kFormats)
        if (!f.ggufExportable && f.scheme == *id)
            return &f;
    return nullptr;
}

std::string Format::name() const
{
    if (const std::optional<TensorType> t = ggufType())
        return std::string(tensorTypeName(*t));
    return schemeChoiceName(std::get<SchemeChoice>(m_value));
}

bool Format::needsImportance() const
{
    const std::optional<TensorType> t = ggufType();
    return t && quantizeNeedsImportance(*t);
}

FormatFit Format::fit(int64_t rowLength) const
{
    if (const std::optional<TensorType> t = ggufType()) {
        if (const FormatInfo* f = info())
            return fits(*f, rowLength);
        FormatFit fit;
        fit.fits = false;
        fit.reason = std::string(tensorTypeName(*t)) + " cannot be written";
        return fit;
    }
    return schemeChoiceFit(std::get<SchemeChoice>(m_value), rowLength);
}

uint64_t Format::bytes(int64_t rows, int64_t rowLength) const
{
    if (ggufType()) {
        if (const FormatInfo* f = info())
            return storedBytes(*f, rows, rowLength);
        const std::optional<uint64_t> b = tensorBytes(*ggufType(), static_cast<uint64_t>(rows * rowLength));
        if (!b)
            throw Error(ErrorCode::InvalidArgument, name() + ": row " + std::to_string(rowLength) + " does not fit its blocks");
        return *b;
    }
    return schemeChoiceBytes(std::get<SchemeChoice>(m_value), rows, rowLength);
}

double Format::bitsPerWeight(int64_t rows, int64_t rowLength) const
{
    const double values = static_cast<double>(rows) * static_cast<double>(rowLength);
    return values > 0 ? static_cast<double>(bytes(rows, rowLength)) * 8.0 / values : 0.0;
}

void Format::fakeQuant(std::span<const float> in, int64_t rowLength, std::span<float> out,
                       std::span<const float> importance, const ProgressFn& progress) const
{
    if (const std::optional<SchemeChoice> s = scheme()) {
        fakeQuantChoice(*s, in, out, rowLength, progress);
        return;
    }
    const FormatInfo* f = info();
    if (!f)
        throw Error(ErrorCode::Unsupported, name() + " cannot be written");
    if (needsImportance() && importance.empty())
        throw Error(ErrorCode::InvalidArgument, name() + " needs importance data (an imatrix)");
    qx::fakeQuant(*f, in, rowLength, out, importance);
}

std::optional<Format> formatFromName(std::string_view name)
{
    if (const std::optional<UniformScheme> s = calibrationSpelling(name))
        return Format(*s);
    if (const FormatInfo* f = findFormat(name))
        return f->ggufExportable ? Format(f->ggufType) : Format(f->scheme);
    if (const std::optional<TensorType> t = tensorTypeFromName(name); t && canQuantize(*t))
        return Format(*t);
    return std::nullopt;
}

} // namespace qx
