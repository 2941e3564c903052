#include "about_dialog.h"

#include "app_icon.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace qx::ui {

AboutDialog::AboutDialog(Page page, QWidget* parent) : QDialog(parent), m_tabs(new QTabWidget(this))
{
    setWindowTitle(tr("About Quantization Explorer"));
    auto* licence = new QPlainTextEdit(licenceText(), this);
    licence->setReadOnly(true);
    licence->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    licence->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_tabs->setObjectName(QStringLiteral("aboutTabs"));
    m_tabs->addTab(setupAboutPage(), tr("About"));
    m_tabs->addTab(licence, tr("Licence"));
    m_tabs->addTab(setupThirdPartyPage(), tr("Third-party software"));
    m_tabs->setCurrentIndex(static_cast<int>(page));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* aboutQt = buttons->addButton(tr("About &Qt"), QDialogButtonBox::HelpRole);
    aboutQt->setObjectName(QStringLiteral("aboutQt"));
    connect(aboutQt, &QPushButton::clicked, this, [] { QApplication::aboutQt(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(buttons);
    resize(640, 480);
}

QString AboutDialog::licenceText()
{
    QFile file(QStringLiteral(":/about/LICENSE"));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QWidget* AboutDialog::setupAboutPage()
{
    auto* page = new QWidget(this);
    auto* icon = new QLabel(page);
    icon->setPixmap(appIcon().pixmap(64, 64));
    icon->setAlignment(Qt::AlignTop);
    auto* text = new QLabel(page);
    text->setObjectName(QStringLiteral("aboutText"));
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    text->setOpenExternalLinks(true);
    text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    text->setText(tr("<h3>Quantization Explorer %1</h3>"
                     "<p>Look inside language model files (GGUF, Hugging Face safetensors folders, llama2.c "
                     "checkpoints), see how each tensor's weights are distributed and what quantization does to "
                     "them, plan a mix of formats under a size budget, measure it, and export a GGUF file that "
                     "llama.cpp loads.</p>"
                     "<p>Copyright © 2026 Quantization Explorer developers.<br>"
                     "Free software under the MIT licence (see the Licence page).</p>")
                      .arg(QApplication::applicationVersion()));
    auto* layout = new QHBoxLayout(page);
    layout->addWidget(icon);
    layout->addWidget(text, 1);
    return page;
}

QWidget* AboutDialog::setupThirdPartyPage()
{
    auto* browser = new QTextBrowser(this);
    browser->setObjectName(QStringLiteral("thirdParty"));
    browser->setOpenExternalLinks(true);
    const QString row = QStringLiteral("<tr><td><b>%1</b></td><td>%2</td><td>%3</td></tr>");
    QString rows;
    rows += row.arg(QStringLiteral("Qt %1").arg(QString::fromLatin1(qVersion())), QStringLiteral("LGPL-3.0"),
                    tr("user interface; linked dynamically"));
    rows += row.arg(QStringLiteral("oneDNN"), QStringLiteral("Apache-2.0"), tr("matrix products; linked dynamically"));
    rows += row.arg(QStringLiteral("Oniguruma"), QStringLiteral("BSD-2-Clause"),
                    tr("tokenizer.json expressions; linked dynamically"));
    rows += row.arg(QStringLiteral("Eigen"), QStringLiteral("MPL-2.0"), tr("linear algebra; compiled in (header-only)"));
    rows += row.arg(QStringLiteral("CLI11"), QStringLiteral("BSD-3-Clause"),
                    tr("command-line options of qexplore-cli; compiled in (header-only)"));
    rows += row.arg(QStringLiteral("JSON for Modern C++"), QStringLiteral("MIT"),
                    tr("JSON files; compiled in (header-only), © 2013-2022 Niels Lohmann"));
    browser->setHtml(tr("<p>Quantization Explorer is built with these libraries, under their own licences:</p>")
                     + QStringLiteral("<table cellspacing=\"6\">") + rows + QStringLiteral("</table>")
                     + tr("<p>The demo model is this project's own work (trained by its trainer on its own generated "
                          "stories) and is under the MIT licence too. The Debian package lists all of this in "
                          "/usr/share/doc/qexplore/copyright.</p>"));
    return browser;
}

} // namespace qx::ui
