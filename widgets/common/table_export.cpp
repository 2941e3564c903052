#include "common/table_export.h"

#include "common/atomic_file.h"
#include "common/error.h"
#include "common/svg_paint_device.h"

#include <QAbstractItemModel>
#include <QAbstractItemView>
#include <QAction>
#include <QChart>
#include <QBuffer>
#include <QChartView>
#include <QFileDialog>
#include <QMessageBox>
#include <QPainter>
#include <QStringList>

namespace qx::ui {

namespace {

QString csvField(QString text)
{
    if (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) || text.contains(QLatin1Char('\n'))
        || text.contains(QLatin1Char('\r'))) {
        text.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        return QLatin1Char('"') + text + QLatin1Char('"');
    }
    return text;
}

QString csvLine(const QStringList& fields)
{
    QStringList quoted;
    for (const QString& f : fields)
        quoted << csvField(f);
    return quoted.join(QLatin1Char(',')) + QLatin1Char('\n');
}

} // namespace

QString tableToCsv(const QAbstractItemModel& model)
{
    QString out;
    QStringList header;
    for (int c = 0; c < model.columnCount(); ++c)
        header << model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
    out += csvLine(header);
    for (int r = 0; r < model.rowCount(); ++r) {
        QStringList fields;
        for (int c = 0; c < model.columnCount(); ++c)
            fields << model.data(model.index(r, c), Qt::DisplayRole).toString();
        out += csvLine(fields);
    }
    return out;
}

bool saveFileBytes(const QString& path, const QByteArray& bytes)
{
    try {
        writeFileAtomically(path.toStdString(), std::string_view(bytes.constData(), size_t(bytes.size())));
        return true;
    } catch (const Error& e) {
        qWarning("%s", e.what());
        return false;
    }
}

bool saveImagePng(const QImage& image, const QString& path)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    return image.save(&buffer, "PNG") && saveFileBytes(path, bytes);
}

bool exportTableCsv(const QAbstractItemModel& model, const QString& path)
{
    return saveFileBytes(path, tableToCsv(model).toUtf8());
}

void installTableExport(QAbstractItemView* view)
{
    auto* action = new QAction(QAbstractItemView::tr("Export as CSV…"), view);
    action->setToolTip(QAbstractItemView::tr("Save this table as comma-separated values"));
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    view->addAction(action);
    QObject::connect(action, &QAction::triggered, view, [view] {
        if (!view->model())
            return;
        const QString path = QFileDialog::getSaveFileName(view, QAbstractItemView::tr("Export table"), QString(),
                                                          QAbstractItemView::tr("CSV files (*.csv)"));
        if (!path.isEmpty() && !exportTableCsv(*view->model(), path))
            QMessageBox::warning(view, QAbstractItemView::tr("Export table"),
                                 QAbstractItemView::tr("Cannot write %1").arg(path));
    });
}

bool exportChartPng(QChartView* view, const QString& path)
{
    const qreal ratio = 2.0;
    QImage image(view->size() * ratio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(ratio);
    image.fill(view->palette().color(QPalette::Window));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    // The target in device-independent pixels: the default (the device's size in pixels) would be scaled
    // by the ratio a second time.
    view->render(&painter, QRectF(QPointF(0, 0), QSizeF(view->size())));
    painter.end();
    return saveImagePng(image, path);
}

QString askPngPath(QWidget* parent)
{
    QString path = QFileDialog::getSaveFileName(parent, QChartView::tr("Save chart"), QString(),
                                                QChartView::tr("PNG images (*.png)"));
    if (!path.isEmpty() && !path.endsWith(QStringLiteral(".png"), Qt::CaseInsensitive))
        path += QStringLiteral(".png");
    return path;
}

bool exportChartSvg(QChartView* view, const QString& path)
{
    SvgPaintDevice device(view->size());
    device.setTitle(view->chart() ? view->chart()->title() : QString());
    QPainter painter(&device);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(QRect(QPoint(0, 0), view->size()), view->palette().color(QPalette::Window));
    view->render(&painter, QRectF(QPointF(0, 0), QSizeF(view->size())));
    painter.end();
    return device.save(path);
}

bool exportWidgetSvg(QWidget* widget, const QString& path)
{
    SvgPaintDevice device(widget->size());
    QPainter painter(&device);
    widget->render(&painter);
    painter.end();
    return device.save(path);
}

bool isSvgPath(const QString& path) { return path.endsWith(QStringLiteral(".svg"), Qt::CaseInsensitive); }

bool exportChartImage(QChartView* view, const QString& path)
{
    return isSvgPath(path) ? exportChartSvg(view, path) : exportChartPng(view, path);
}

QString askChartImagePath(QWidget* parent)
{
    const QString png = QChartView::tr("PNG images (*.png)"), svg = QChartView::tr("SVG drawings (*.svg)");
    QString filter;
    QString path = QFileDialog::getSaveFileName(parent, QChartView::tr("Save chart"), QString(),
                                                png + QStringLiteral(";;") + svg, &filter);
    if (path.isEmpty() || isSvgPath(path) || path.endsWith(QStringLiteral(".png"), Qt::CaseInsensitive))
        return path;
    return path + (filter == svg ? QStringLiteral(".svg") : QStringLiteral(".png"));
}

void installChartExport(QChartView* view)
{
    auto* action = new QAction(QChartView::tr("Save chart as PNG or SVG…"), view);
    action->setToolTip(QChartView::tr("Save the chart as a picture (PNG) or a vector drawing (SVG)"));
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    view->addAction(action);
    QObject::connect(action, &QAction::triggered, view, [view] {
        const QString path = askChartImagePath(view);
        if (!path.isEmpty() && !exportChartImage(view, path))
            QMessageBox::warning(view, QChartView::tr("Save chart"), QChartView::tr("Cannot write %1").arg(path));
    });
}

} // namespace qx::ui
