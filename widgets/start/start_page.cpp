#include "start/start_page.h"

#include "common/app_icon.h"
#include "common/flow_layout.h"

#include <QDir>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace qx::ui {

StartPage::StartPage(QWidget* parent) : QWidget(parent)
{
    auto* column = new QVBoxLayout;
    column->setSpacing(style()->pixelMetric(QStyle::PM_LayoutVerticalSpacing) * 3);
    column->addWidget(createHeader());
    column->addWidget(createErrorBanner());
    column->addWidget(createButtons());
    column->addWidget(createRecent(), 1);

    // A centred column of readable width, growing with the font (high-DPI and large fonts alike).
    auto* content = new QWidget(this);
    content->setLayout(column);
    content->setMaximumWidth(fontMetrics().averageCharWidth() * 90);
    auto* outer = new QHBoxLayout(this);
    outer->addStretch(1);
    outer->addWidget(content, 4);
    outer->addStretch(1);
    setAcceptDrops(false);  // the main window handles drops for the whole window
}

QWidget* StartPage::createHeader()
{
    auto* header = new QWidget(this);
    auto* icon = new QLabel(header);
    const int side = fontMetrics().height() * 4;
    icon->setPixmap(appIcon().pixmap(side, side));
    auto* title = new QLabel(tr("Quantization Explorer"), header);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 2.0);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto* subtitle = new QLabel(tr("Look inside a language model and decide how to quantize it. "
                                   "Open a GGUF file, a safetensors file or Hugging Face folder, or a "
                                   "llama2.c checkpoint — or drop one onto this window."), header);
    subtitle->setWordWrap(true);
    auto* text = new QVBoxLayout;
    text->addWidget(title);
    text->addWidget(subtitle);
    auto* layout = new QHBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(icon, 0, Qt::AlignTop);
    layout->addLayout(text, 1);
    return header;
}

QWidget* StartPage::createButtons()
{
    auto* box = new QWidget(this);
    auto* openFile = new QPushButton(style()->standardIcon(QStyle::SP_DialogOpenButton), tr("Open model file…"), box);
    openFile->setToolTip(tr("A .gguf, .safetensors or llama2.c .bin file (Ctrl+O)"));
    auto* openFolder = new QPushButton(style()->standardIcon(QStyle::SP_DirOpenIcon), tr("Open model folder…"), box);
    openFolder->setToolTip(tr("A Hugging Face folder with config.json and safetensors files"));
    m_demo = new QPushButton(tr("Open demo model"), box);
    m_demo->setToolTip(tr("A small built-in model to try the explorer without downloading anything"));
    m_demo->setVisible(false);
    auto* layout = new FlowLayout(box);   // side by side, or on two lines when a language needs the room
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(openFile);
    layout->addWidget(openFolder);
    layout->addWidget(m_demo);
    connect(openFile, &QPushButton::clicked, this, &StartPage::openFileRequested);
    connect(openFolder, &QPushButton::clicked, this, &StartPage::openFolderRequested);
    connect(m_demo, &QPushButton::clicked, this, &StartPage::openDemoRequested);
    openFile->setDefault(true);
    return box;
}

QWidget* StartPage::createRecent()
{
    auto* box = new QWidget(this);
    auto* label = new QLabel(tr("Recent models"), box);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    m_clearRecent = new QPushButton(tr("Clear list"), box);
    m_clearRecent->setFlat(true);
    m_noRecent = new QLabel(tr("Models you open will be listed here."), box);
    m_noRecent->setEnabled(false);
    m_recent = new QListWidget(box);
    m_recent->setUniformItemSizes(true);
    auto* top = new QHBoxLayout;
    top->addWidget(label);
    top->addStretch(1);
    top->addWidget(m_clearRecent);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_noRecent);
    layout->addWidget(m_recent, 1);
    layout->addStretch(0);  // takes the space while the list is hidden
    connect(m_recent, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { emit openPathRequested(item->data(Qt::UserRole).toString()); });
    connect(m_clearRecent, &QPushButton::clicked, this, &StartPage::clearRecentRequested);
    setRecentFiles({});
    return box;
}

QWidget* StartPage::createErrorBanner()
{
    m_errorBanner = new QFrame(this);
    m_errorBanner->setFrameShape(QFrame::StyledPanel);
    m_errorBanner->setAutoFillBackground(true);
    m_errorBanner->setBackgroundRole(QPalette::AlternateBase);
    auto* icon = new QLabel(m_errorBanner);
    const int side = style()->pixelMetric(QStyle::PM_MessageBoxIconSize);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(side, side));
    m_errorText = new QLabel(m_errorBanner);
    m_errorText->setWordWrap(true);
    m_errorText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorText->setTextFormat(Qt::PlainText);
    auto* close = new QPushButton(tr("Dismiss"), m_errorBanner);
    close->setFlat(true);
    auto* layout = new QHBoxLayout(m_errorBanner);
    layout->addWidget(icon, 0, Qt::AlignTop);
    layout->addWidget(m_errorText, 1);
    layout->addWidget(close, 0, Qt::AlignTop);
    connect(close, &QPushButton::clicked, this, &StartPage::clearError);
    m_errorBanner->setVisible(false);
    return m_errorBanner;
}

void StartPage::setRecentFiles(const QStringList& paths)
{
    m_recent->clear();
    for (const QString& path : paths) {
        const QFileInfo info(path);
        auto* item = new QListWidgetItem(
            tr("%1 — %2").arg(info.fileName(), QDir::toNativeSeparators(info.absolutePath())), m_recent);
        item->setData(Qt::UserRole, path);
        item->setToolTip(QDir::toNativeSeparators(path));
        item->setIcon(style()->standardIcon(info.isDir() ? QStyle::SP_DirIcon : QStyle::SP_FileIcon));
    }
    m_recent->setVisible(!paths.isEmpty());
    m_clearRecent->setVisible(!paths.isEmpty());
    m_noRecent->setVisible(paths.isEmpty());
}

void StartPage::setDemoAvailable(bool available)
{
    m_demo->setVisible(available);
}

void StartPage::showError(const QString& message)
{
    m_errorText->setText(message);
    m_errorBanner->setVisible(true);
}

void StartPage::clearError()
{
    m_errorText->clear();
    m_errorBanner->setVisible(false);
}

QString StartPage::errorText() const
{
    return m_errorText->text();
}

bool StartPage::isErrorVisible() const
{
    return !m_errorBanner->isHidden();
}

} // namespace qx::ui
