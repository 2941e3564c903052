#include "quant/minifloat.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace qx {
namespace {

int expMask(const MiniFloatFormat& f) { return (1 << f.expBits) - 1; }
int manMask(const MiniFloatFormat& f) { return (1 << f.manBits) - 1; }
uint8_t signBit(const MiniFloatFormat& f) { return static_cast<uint8_t>(1u << (f.expBits + f.manBits)); }

uint8_t maxCode(const MiniFloatFormat& f)
{
    switch (f.specials) {
    case MiniFloatSpecials::Ieee: return static_cast<uint8_t>(((expMask(f) - 1) << f.manBits) | manMask(f));
    case MiniFloatSpecials::FiniteNanOnly: return static_cast<uint8_t>((expMask(f) << f.manBits) | (manMask(f) - 1));
    case MiniFloatSpecials::None: break;
    }
    return static_cast<uint8_t>((expMask(f) << f.manBits) | manMask(f));
}

uint8_t nanCode(const MiniFloatFormat& f)
{
    switch (f.specials) {
    case MiniFloatSpecials::Ieee: return static_cast<uint8_t>((expMask(f) << f.manBits) | manMask(f));
    case MiniFloatSpecials::FiniteNanOnly: return static_cast<uint8_t>((expMask(f) << f.manBits) | manMask(f));
    case MiniFloatSpecials::None: break;
    }
    return 0;
}

// Bits of a non-negative value that is exactly representable in `f`.
uint8_t bitsOf(double v, const MiniFloatFormat& f)
{
    if (v == 0.0)
        return 0;
    const int minExp = 1 - f.bias();
    const int e = std::ilogb(v);
    if (e < minExp)
        return static_cast<uint8_t>(std::lround(v / std::ldexp(1.0, minExp - f.manBits)));
    const auto mant = static_cast<int>(std::lround((v / std::ldexp(1.0, e) - 1.0) * (1 << f.manBits)));
    return static_cast<uint8_t>(((e + f.bias()) << f.manBits) | mant);
}

} // namespace

float decodeMiniFloat(uint8_t code, const MiniFloatFormat& f)
{
    const bool negative = code & signBit(f);
    const int exp = (code >> f.manBits) & expMask(f);
    const int man = code & manMask(f);
    double v;
    if (f.specials == MiniFloatSpecials::Ieee && exp == expMask(f))
        v = man == 0 ? std::numeric_limits<double>::infinity() : std::numeric_limits<double>::quiet_NaN();
    else if (f.specials == MiniFloatSpecials::FiniteNanOnly && exp == expMask(f) && man == manMask(f))
        v = std::numeric_limits<double>::quiet_NaN();
    else if (exp == 0)
        v = std::ldexp(static_cast<double>(man), 1 - f.bias() - f.manBits);
    else
        v = std::ldexp(1.0 + static_cast<double>(man) / (1 << f.manBits), exp - f.bias());
    return static_cast<float>(negative ? -v : v);
}

float miniFloatMax(const MiniFloatFormat& f) { return decodeMiniFloat(maxCode(f), f); }

uint8_t encodeMiniFloat(float x, const MiniFloatFormat& f)
{
    if (std::isnan(x))
        return nanCode(f);
    const uint8_t sign = std::signbit(x) ? signBit(f) : 0;
    const double a = std::fabs(static_cast<double>(x));
    if (std::isinf(a))
        return f.specials == MiniFloatSpecials::Ieee ? static_cast<uint8_t>(sign | (expMask(f) << f.manBits))
                                                     : static_cast<uint8_t>(sign | maxCode(f));
    if (a == 0.0)
        return sign;
    // Round on the grid of a's binade (or the subnormal grid); nearbyint rounds ties to even.
    const int e = std::max(std::ilogb(a), 1 - f.bias());
    const double quantum = std::ldexp(1.0, e - f.manBits);
    const double v = std::nearbyint(a / quantum) * quantum;
    if (v > static_cast<double>(miniFloatMax(f)))
        return static_cast<uint8_t>(sign | maxCode(f));
    return static_cast<uint8_t>(sign | bitsOf(v, f));
}

} // namespace qx
