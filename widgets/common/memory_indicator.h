#pragma once
// A status-bar label showing the process's resident memory (VmRSS), refreshed every second.

#include <QLabel>

#include <optional>

namespace qx::ui {

class MemoryIndicator : public QLabel {
    Q_OBJECT
public:
    explicit MemoryIndicator(QWidget* parent = nullptr);

    /// Resident set size in bytes from /proc/self/status; nullopt where that file does not exist.
    static std::optional<quint64> residentBytes();
    /// Parses the VmRSS line of a /proc/<pid>/status text ("VmRSS:   12345 kB") into bytes.
    static std::optional<quint64> parseVmRss(const QByteArray& statusText);

    void refresh();
};

} // namespace qx::ui
