#include "settings_dialog.h"

#include "app_settings.h"
#include "translation.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

namespace qx::ui {

SettingsDialog::SettingsDialog(QWidget* parent)
    : QDialog(parent), m_language(new QComboBox(this)), m_threads(new QSpinBox(this))
{
    setWindowTitle(tr("Settings"));
    m_language->addItem(tr("System default (%1)").arg(QLocale::system().nativeLanguageName()), QString());
    for (const LanguageChoice& choice : availableLanguages())
        m_language->addItem(choice.nativeName, choice.code);
    const int current = m_language->findData(AppSettings::language());
    m_language->setCurrentIndex(current < 0 ? 0 : current);

    m_threads->setRange(0, 1024);
    m_threads->setSpecialValueText(tr("Automatic (%1)").arg(QThread::idealThreadCount()));
    m_threads->setValue(AppSettings::threads());
    m_threads->setToolTip(tr("Threads used by the computations; automatic uses every core"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    form->addRow(tr("&Threads:"), m_threads);
    auto* note = new QLabel(tr("Changes take effect the next time Quantization Explorer starts."), this);
    note->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        save();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addStretch(1);
    layout->addWidget(buttons);
}

void SettingsDialog::save() const
{
    AppSettings::setLanguage(m_language->currentData().toString());
    AppSettings::setThreads(m_threads->value());
}

} // namespace qx::ui
