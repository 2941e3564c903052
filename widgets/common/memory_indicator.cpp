#include "common/memory_indicator.h"

#include "common/format_text.h"

#include <QFile>
#include <QTimer>

namespace qx::ui {

MemoryIndicator::MemoryIndicator(QWidget* parent) : QLabel(parent)
{
    setToolTip(tr("Memory in use by Quantization Explorer (resident set size)"));
    auto* timer = new QTimer(this);
    connect(timer, &QTimer::timeout, this, &MemoryIndicator::refresh);
    timer->start(1000);
    refresh();
}

std::optional<quint64> MemoryIndicator::parseVmRss(const QByteArray& statusText)
{
    for (const QByteArray& line : statusText.split('\n')) {
        if (!line.startsWith("VmRSS:"))
            continue;
        const QList<QByteArray> parts = line.mid(6).simplified().split(' ');
        bool ok = false;
        const quint64 kib = parts.value(0).toULongLong(&ok);
        if (ok)
            return kib * 1024;
    }
    return std::nullopt;
}

std::optional<quint64> MemoryIndicator::residentBytes()
{
    QFile file(QStringLiteral("/proc/self/status"));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return parseVmRss(file.readAll());
}

void MemoryIndicator::refresh()
{
    const auto bytes = residentBytes();
    setText(bytes ? tr("Memory: %1").arg(formatBytes(*bytes)) : QString());
}

} // namespace qx::ui
