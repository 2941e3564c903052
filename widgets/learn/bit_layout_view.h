#pragma once
// Paints one row per number format: the stored bits as cells coloured by field (sign, exponent,
// mantissa / integer bits), then the decoded value and its rounding error. Colours follow the palette
// (lighter fills on light themes, deeper fills on dark ones) so text stays readable.

#include "learn/lesson_math.h"

#include <QWidget>

#include <vector>

namespace qx::ui {

class BitLayoutView : public QWidget {
    Q_OBJECT
public:
    struct Row {
        QString name;
        learn::FormatLayout layout;
        learn::EncodedValue value;
    };
    using QWidget::QWidget;
    /// Replaces the rows and repaints.
    void setRows(std::vector<Row> rows);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::vector<Row> m_rows;
};

} // namespace qx::ui
