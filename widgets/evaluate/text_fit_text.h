#pragma once
// The words for eval/text_fit.h's facts: "this text does not fit this model", with the reasons, for the
// Evaluate panel's status line and the Runs table.
#include "eval/text_fit.h"

#include <QString>

namespace qx::ui {

/// "This text does not fit this model: …" with each reason that holds; empty when the text fits.
QString textFitWarning(const TextFit& fit);

/// The short form a table cell carries next to the number; empty when the text fits.
QString textFitShort(const TextFit& fit);

} // namespace qx::ui
