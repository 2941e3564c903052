#include "common/settings_dialog.h"

#include "common/app_settings.h"
#include "common/translation.h"

#include "common/thread_count.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace qx::ui {

SettingsDialog::SettingsDialog(QWidget* parent)
    : QDialog(parent), m_language(new QComboBox(this)), m_threads(new QSpinBox(this))
{
    setWindowTitle(tr("Settings"));
    m_language->setObjectName(QStringLiteral("languageBox"));
    m_language->addItem(tr("System default (%1)").arg(QLocale::system().nativeLanguageName()), QString());
    for (const LanguageChoice& choice : availableLanguages())
        m_language->addItem(choice.nativeName, choice.code);
    const int current = m_language->findData(AppSettings::language());
    m_language->setCurrentIndex(current < 0 ? 0 : current);

    m_threads->setObjectName(QStringLiteral("threadsBox"));
    m_threads->setRange(0, hardwareThreads());
    m_threads->setSpecialValueText(tr("Automatic (%1)").arg(resolveInteractiveThreadCount(0)));
    m_threads->setValue(AppSettings::threads());
    m_threads->setToolTip(tr("Threads used by the computations; automatic uses every core but one, which stays with the interface"));

    auto* general = new QGroupBox(tr("General"), this);
    auto* form = new QFormLayout(general);
    form->addRow(tr("&Language:"), m_language);
    form->addRow(tr("&Threads:"), m_threads);
    auto* note = new QLabel(tr("Language and threads take effect the next time Quantization Explorer starts."), this);
    note->setWordWrap(true);
    form->addRow(note);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        save();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(general);
    layout->addWidget(setupEvaluation());
    layout->addStretch(1);
    layout->addWidget(buttons);
}

QWidget* SettingsDialog::setupEvaluation()
{
    const EvaluationDefaults d = AppSettings::evaluationDefaults();
    m_textFile = new QLineEdit(d.textFile, this);
    m_textFile->setObjectName(QStringLiteral("textFileEdit"));
    m_textFile->setToolTip(tr("Plain text the Evaluate panel measures perplexity and KL divergence on"));
    m_textFile->setMinimumWidth(fontMetrics().averageCharWidth() * 40);
    auto* browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, &SettingsDialog::browseTextFile);
    m_context = new QSpinBox(this);
    m_context->setObjectName(QStringLiteral("contextBox"));
    m_context->setRange(EvaluationDefaults::kMinContext, EvaluationDefaults::kMaxContext);
    m_context->setValue(d.context);
    m_context->setSuffix(tr(" tokens"));
    m_context->setToolTip(tr("Tokens per chunk (llama-perplexity -c); the second half of each chunk is scored"));
    m_chunks = new QSpinBox(this);
    m_chunks->setObjectName(QStringLiteral("chunksBox"));
    m_chunks->setRange(0, EvaluationDefaults::kMaxChunks);
    m_chunks->setSpecialValueText(tr("all"));
    m_chunks->setValue(d.chunks);
    m_chunks->setToolTip(tr("Chunks evaluated (llama-perplexity --chunks); 0 = every whole chunk of the text"));

    auto* box = new QGroupBox(tr("Evaluation defaults"), this);
    auto* textRow = new QHBoxLayout;
    textRow->addWidget(m_textFile, 1);
    textRow->addWidget(browse);
    auto* form = new QFormLayout(box);
    auto* textLabel = new QLabel(tr("Te&xt file:"), this);
    textLabel->setBuddy(m_textFile);
    form->addRow(textLabel, textRow);
    form->addRow(tr("&Context:"), m_context);
    form->addRow(tr("C&hunks:"), m_chunks);
    auto* note = new QLabel(tr("The Evaluate panel uses these values as soon as you press OK."), this);
    note->setWordWrap(true);
    form->addRow(note);
    return box;
}

void SettingsDialog::browseTextFile()
{
    const QString start = m_textFile->text().isEmpty() ? QString() : QFileInfo(m_textFile->text()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Default evaluation text"), start,
                                                      tr("Text files (*.txt *.raw);;All files (*)"));
    if (!path.isEmpty())
        m_textFile->setText(path);
}

void SettingsDialog::save() const
{
    AppSettings::setLanguage(m_language->currentData().toString());
    AppSettings::setThreads(m_threads->value());
    AppSettings::setEvaluationDefaults({m_textFile->text().trimmed(), m_context->value(), m_chunks->value()});
}

} // namespace qx::ui
