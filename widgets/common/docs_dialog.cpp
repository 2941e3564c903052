#include "common/docs_dialog.h"

#include <QDialogButtonBox>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QListWidget>
#include <QSplitter>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

namespace qx::ui {
namespace {

QString readText(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

/// The page's first Markdown heading, else its file name.
QString titleOf(const QString& path)
{
    for (const QString& line : readText(path).split(QLatin1Char('\n')))
        if (line.startsWith(QLatin1Char('#')))
            return line.section(QLatin1Char(' '), 1).trimmed();
    return QFileInfo(path).fileName();
}

} // namespace

QStringList DocsDialog::pages()
{
    QStringList out;
    if (QFile::exists(QStringLiteral(":/docs/README.md")))
        out << QStringLiteral(":/docs/README.md");
    QStringList docs;
    QDirIterator it(QStringLiteral(":/docs/docs"), {QStringLiteral("*.md")}, QDir::Files);
    while (it.hasNext())
        docs << it.next();
    std::sort(docs.begin(), docs.end());
    out << docs;
    return out;
}

DocsDialog::DocsDialog(QWidget* parent) : QDialog(parent), m_list(new QListWidget(this)), m_browser(new QTextBrowser(this))
{
    setWindowTitle(tr("Documentation"));
    m_list->setObjectName(QStringLiteral("docsPages"));
    m_browser->setObjectName(QStringLiteral("docsBrowser"));
    m_browser->setOpenExternalLinks(true);
    for (const QString& page : pages()) {
        auto* item = new QListWidgetItem(titleOf(page), m_list);
        item->setData(Qt::UserRole, page);
    }
    // Titles wrap rather than scroll or cut; the list is as wide as 32 characters.
    m_list->setWordWrap(true);
    m_list->setTextElideMode(Qt::ElideNone);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setResizeMode(QListView::Adjust);
    auto* split = new QSplitter(this);
    split->addWidget(m_list);
    split->addWidget(m_browser);
    split->setStretchFactor(1, 1);
    split->setSizes({fontMetrics().averageCharWidth() * 32, fontMetrics().averageCharWidth() * 90});
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        if (item)
            showPage(item->data(Qt::UserRole).toString());
    });
    // Links between the pages (docs/x.md, ../README.md) resolve inside the embedded tree.
    connect(m_browser, &QTextBrowser::sourceChanged, this, [this](const QUrl& url) { m_current = url.toString(); });
    resize(fontMetrics().averageCharWidth() * 130, fontMetrics().height() * 40);
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
}

bool DocsDialog::showPage(const QString& resourcePath)
{
    if (!QFile::exists(resourcePath))
        return false;
    const bool markdown = resourcePath.endsWith(QStringLiteral(".md"));
    m_browser->setSource(QUrl(QStringLiteral("qrc") + resourcePath),
                         markdown ? QTextDocument::MarkdownResource : QTextDocument::UnknownResource);
    m_current = resourcePath;
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->data(Qt::UserRole).toString() == resourcePath && m_list->currentRow() != i) {
            const QSignalBlocker block(m_list);
            m_list->setCurrentRow(i);
        }
    return true;
}

QString DocsDialog::pageText() const { return m_browser->toPlainText(); }

} // namespace qx::ui
