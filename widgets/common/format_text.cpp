#include "common/format_text.h"

#include <QLocale>
#include <QStringList>

namespace qx::ui {
namespace {

/// The value with the user's decimal point but no group separator ("1023,5" in German, "1023.5" in English).
QString decimal(double value, int decimals)
{
    QLocale locale;
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    return locale.toString(value, 'f', decimals);
}

} // namespace

QString formatBytes(uint64_t bytes)
{
    static const char* const kUnits[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    double value = static_cast<double>(bytes);
    int unit = 0;
    while (value >= 1024.0 && unit < 4) {
        value /= 1024.0;
        ++unit;
    }
    const int decimals = unit == 0 ? 0 : (value < 10 ? 2 : 1);
    return QStringLiteral("%1 %2").arg(decimal(value, decimals), QLatin1String(kUnits[unit]));
}

QString formatCount(uint64_t count)
{
    static const char* const kUnits[] = {"", " K", " M", " B", " T"};
    double value = static_cast<double>(count);
    int unit = 0;
    while (value >= 1000.0 && unit < 4) {
        value /= 1000.0;
        ++unit;
    }
    const int decimals = unit == 0 ? 0 : (value < 10 ? 2 : (value < 100 ? 1 : 0));
    return QStringLiteral("%1%2").arg(decimal(value, decimals), QLatin1String(kUnits[unit]));
}

QString formatShape(const std::vector<int64_t>& ne)
{
    QStringList parts;
    for (int64_t n : ne)
        parts << QString::number(n);
    return parts.join(QStringLiteral(" × "));
}

} // namespace qx::ui
