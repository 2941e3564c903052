#pragma once
// The Values tab: choose a tensor row, an offset within it and a count; the table lists each value, its
// round trip through the current format and the difference (ValuesModel, computed lazily).

#include <QWidget>

class QLabel;
class QSpinBox;
class QTableView;

namespace qx::ui {

class ValuesModel;

class ValuesView : public QWidget {
    Q_OBJECT
public:
    explicit ValuesView(QWidget* parent = nullptr);
    ValuesModel* model() const { return m_model; }
    /// Limits the spin boxes to a tensor of rows × rowLength and resets the window to its start.
    void setShape(int64_t rows, int64_t rowLength);
    /// Moves the window (also updates the spin boxes).
    void setWindow(int64_t row, int64_t offset, int count);

private:
    void apply();

    ValuesModel* m_model;
    QSpinBox* m_row;
    QSpinBox* m_offset;
    QSpinBox* m_count;
    QTableView* m_table;
    QLabel* m_note;
};

} // namespace qx::ui
