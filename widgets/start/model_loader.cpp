#include "start/model_loader.h"

#include "common/error_text.h"

#include <QFileInfo>

namespace qx::ui {

ModelLoader::ModelLoader(JobRunner* runner, ModelOpener opener, QObject* parent)
    : QObject(parent), m_runner(runner), m_opener(std::move(opener))
{
}

void ModelLoader::open(const QString& path)
{
    using Model = std::shared_ptr<const ModelFile>;
    const std::string nativePath = QFile::encodeName(path).toStdString();
    ModelOpener opener = m_opener;
    m_runner->start<Model>(
        tr("Opening %1…").arg(QFileInfo(path).fileName()),
        [opener, nativePath](const ProgressFn&) {
            Model model = opener(nativePath);
            if (!model)
                throw Error(ErrorCode::Invalid, nativePath, kNoOffset, "no model in this file");
            return model;
        },
        [this, path](JobResult<Model> result) {
            switch (result.outcome) {
            case JobOutcome::Completed: emit loaded(path, *result.value); break;
            case JobOutcome::Cancelled: emit cancelled(path); break;
            case JobOutcome::Failed: emit failed(path, ErrorText::openFailed(path, result.error)); break;
            }
        });
}

} // namespace qx::ui
