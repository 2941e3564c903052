#pragma once
// Turns the errors the core reports (code, file, byte offset, English detail) into translated sentences.

#include "common/job_runner.h"

#include <QCoreApplication>
#include <QString>

namespace qx::ui {

class ErrorText {
    Q_DECLARE_TR_FUNCTIONS(ErrorText)
public:
    /// "Could not open “x.gguf”: the file ends early (at byte 1234). Detail: …"; `path` is used when the
    /// error itself names no file.
    static QString openFailed(const QString& path, const JobError& error);
    /// A short translated phrase for an error code, e.g. "the file ends early".
    static QString codeText(ErrorCode code);
};

} // namespace qx::ui
