#pragma once
// Opens model files through the JobRunner and reports the outcome as signals on the UI thread. The
// function that opens a path is injected (qx::openModel in the app, a fake in tests).

#include "common/job_runner.h"
#include "io/model_file.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <string>

namespace qx::ui {

using ModelOpener = std::function<std::shared_ptr<const ModelFile>(const std::string& path)>;

class ModelLoader : public QObject {
    Q_OBJECT
public:
    ModelLoader(JobRunner* runner, ModelOpener opener, QObject* parent = nullptr);

    /// Starts opening `path` (cancelling any job in progress); ends in loaded(), failed() or cancelled().
    void open(const QString& path);

signals:
    void loaded(const QString& path, std::shared_ptr<const qx::ModelFile> model);
    void failed(const QString& path, const QString& message);
    void cancelled(const QString& path);

private:
    JobRunner* m_runner;
    ModelOpener m_opener;
};

} // namespace qx::ui
