// PlanDocument::describe: a plan named after what made it (see plan_document.h).
#include "plan/plan_document.h"

#include "plan/plan_calibration.h"

#include "calib/calib_run.h"

#include <QLocale>
#include <QStringList>

#include <set>

namespace qx::ui {

QString PlanDocument::describe() const
{
    const QString origin = QString::fromStdString(m_state.origin);
    QString base = origin;
    if (origin == QStringLiteral("solver"))
        base = tr("solver %1 bpw").arg(QLocale().toString(totals().bitsPerWeight, 'f', 2));
    else if (origin.isEmpty() && (m_state.handEdits > 0 || !m_state.schemes.empty() || !m_state.calibration))
        base = tr("as stored");
    QStringList parts;
    if (!base.isEmpty())
        parts << base;
    if (m_state.handEdits > 0)
        parts << tr("%n edit(s)", nullptr, m_state.handEdits);
    std::set<std::string> schemes;
    for (const auto& [tensor, scheme] : m_state.schemes)
        schemes.insert(schemeChoiceName(scheme));
    if (schemes.size() == 1)
        parts << QString::fromStdString(*schemes.begin());
    else if (!schemes.empty())
        parts << tr("%n schemes", nullptr, static_cast<int>(schemes.size()));
    if (m_state.calibration && m_state.calibration->result) {
        const QString method = QString::fromStdString(calibMethodLabel(m_state.calibration->result->method));
        if (!base.contains(method))
            parts << method;
    }
    return parts.join(QStringLiteral(" + "));
}

QString PlanDocument::calibrationMethodOf(const std::string& tensor) const
{
    const auto& c = m_state.calibration;
    if (!c || !c->result || !c->tensors.count(tensor))
        return {};
    return QString::fromStdString(calibMethodLabel(c->result->method));
}

} // namespace qx::ui
