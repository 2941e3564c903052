#include "gui/demo_model.h"

#include "common/error.h"
#include "demo/demo_data.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace qx::app {
namespace {

QByteArrayView modelBytes()
{
    const std::span<const std::byte> bytes = demoModelBytes();
    return {reinterpret_cast<const char*>(bytes.data()), static_cast<qsizetype>(bytes.size())};
}

/// The first 12 hex digits of the SHA-1 of the demo model and its text.
QString digest()
{
    static const QString value = [] {
        QCryptographicHash hash(QCryptographicHash::Sha1);
        hash.addData(modelBytes());
        const std::string_view text = demoText();
        hash.addData(QByteArrayView(text.data(), static_cast<qsizetype>(text.size())));
        return QString::fromLatin1(hash.result().toHex().left(12));
    }();
    return value;
}

/// Writes `bytes` to `path` unless a file of that size is there (under a temporary name, then renamed:
/// never a half-written file).
void writeOnce(const QString& path, QByteArrayView bytes)
{
    if (QFileInfo(path).size() == bytes.size())
        return;
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes.data(), bytes.size()) != bytes.size() || !out.commit())
        throw Error(ErrorCode::Io, path.toStdString(), kNoOffset,
                    "cannot write the demo model's files: " + out.errorString().toStdString());
}

} // namespace

DemoFiles demoFileLocations()
{
    const QDir dir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/demo-")
                   + digest());
    return {dir.filePath(QStringLiteral("demo-model.gguf")), dir.filePath(QStringLiteral("demo-text.txt")),
            dir.filePath(QStringLiteral("demo-calibration.txt"))};
}

DemoFiles writeDemoFiles()
{
    const DemoFiles files = demoFileLocations();
    writeOnce(files.model, modelBytes());
    const std::string_view text = demoText();
    writeOnce(files.text, QByteArrayView(text.data(), static_cast<qsizetype>(text.size())));
    const std::string calibration = demoCalibrationText();
    writeOnce(files.calibrationText, QByteArrayView(calibration.data(), static_cast<qsizetype>(calibration.size())));
    return files;
}

} // namespace qx::app
