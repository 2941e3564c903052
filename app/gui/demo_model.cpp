#include "gui/demo_model.h"

#include "common/error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace qx::app {

std::string demoModelPath()
{
    QFile resource(QStringLiteral(":/demo/demo-model.gguf"));
    if (!resource.open(QIODevice::ReadOnly))
        throw Error(ErrorCode::Io, "demo-model.gguf", kNoOffset, "the demo model is not built into this executable");
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    const QString path = dir + QStringLiteral("/demo-model-%1.gguf").arg(resource.size());
    if (QFileInfo(path).size() == resource.size())
        return path.toStdString();
    QDir().mkpath(dir);
    QSaveFile out(path);   // written under a temporary name and renamed: never a half-written model
    if (!out.open(QIODevice::WriteOnly) || out.write(resource.readAll()) != resource.size() || !out.commit())
        throw Error(ErrorCode::Io, path.toStdString(), kNoOffset,
                    "cannot write the demo model: " + out.errorString().toStdString());
    return path.toStdString();
}

} // namespace qx::app
