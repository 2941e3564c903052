#include "common/error_text.h"

#include <QDir>
#include <QLocale>

namespace qx::ui {

QString ErrorText::codeText(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Io: return tr("the file could not be read");
    case ErrorCode::Truncated: return tr("the file ends early");
    case ErrorCode::BadMagic: return tr("this is not a model file of a known kind");
    case ErrorCode::Unsupported: return tr("the file uses a feature that is not supported");
    case ErrorCode::Invalid: return tr("the file breaks a rule of its format");
    case ErrorCode::Overflow: return tr("a size in the file is too large");
    case ErrorCode::Mismatch: return tr("parts of the model do not agree with each other");
    case ErrorCode::Cancelled: return tr("the operation was cancelled");
    case ErrorCode::InvalidArgument: return tr("the request was not valid");
    case ErrorCode::OverBudget: return tr("the job needs more memory than its budget allows");
    }
    return tr("unknown error");
}

QString ErrorText::openFailed(const QString& path, const JobError& error)
{
    const QString file = QDir::toNativeSeparators(error.file.isEmpty() ? path : error.file);
    QString text;
    if (!error.code)
        text = tr("Could not open “%1”: %2").arg(file, error.detail);
    else if (error.offset != kNoOffset)
        text = tr("Could not open “%1”: %2 (at byte %3).")
                   .arg(file, codeText(*error.code), QLocale().toString(error.offset));
    else
        text = tr("Could not open “%1”: %2.").arg(file, codeText(*error.code));
    if (error.code && !error.detail.isEmpty())
        text += QLatin1Char('\n') + tr("Detail: %1").arg(error.detail);
    return text;
}

} // namespace qx::ui
