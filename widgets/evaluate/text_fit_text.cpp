#include "evaluate/text_fit_text.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

namespace qx::ui {

QString textFitWarning(const TextFit& fit)
{
    if (fit.fits())
        return {};
    const QLocale locale;
    QStringList reasons;
    if (fit.poorCoverage())
        reasons << QCoreApplication::translate(
                       "qx::ui::TextFitText",
                       "%1 % of its tokens are unknown or byte-fallback tokens (the vocabulary does not cover it)")
                       .arg(locale.toString(100.0 * fit.fallbackRate(), 'f', 1));
    if (fit.nearUniform())
        reasons << QCoreApplication::translate("qx::ui::TextFitText",
                                               "the unquantized model's perplexity (%1) is %2 times its vocabulary "
                                               "size (%3): it predicts this text no better than guessing")
                       .arg(locale.toString(fit.ppl, 'f', 1), locale.toString(fit.pplToVocab(), 'f', 2),
                            locale.toString(static_cast<qlonglong>(fit.vocabSize)));
    return QCoreApplication::translate("qx::ui::TextFitText", "This text does not fit this model: %1.")
        .arg(reasons.join(QStringLiteral("; ")));
}

QString textFitShort(const TextFit& fit)
{
    return fit.fits() ? QString() : QCoreApplication::translate("qx::ui::TextFitText", "text does not fit");
}

} // namespace qx::ui
