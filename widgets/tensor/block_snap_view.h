#pragma once
// "One block": the values of one quantization block snapping to their levels. One lane per group of the
// block (the sub-blocks of a k-quant super-block, else one), all on a shared value axis with round ticks:
// the group's levels as a comb (the levels in use darker), each original value as a dot above, the value
// it comes back as on the comb, and a line from one to the other. The lane's label names its scale (and
// min) as stored. Painted by hand so every level and value is visible at any size.

#include "quant/block_grid.h"

#include <QString>
#include <QWidget>

#include <optional>
#include <vector>

namespace qx::ui {

class BlockSnapView : public QWidget {
    Q_OBJECT
public:
    struct Block {
        BlockGrid grid;
        std::vector<float> original;   ///< the block's values before the round trip
        QString title;                 ///< e.g. "Q4_K super-block 3 of row 17 (values 768–1023)"
        QString scales;                ///< e.g. "d = 0.0012, dmin = 0.00045 (fp16)"
    };

    explicit BlockSnapView(QWidget* parent = nullptr);
    /// Shows `block` (nullopt: a hint instead).
    void setBlock(std::optional<Block> block, const QString& hint = {});
    const std::optional<Block>& block() const { return m_block; }
    /// The value axis drawn (lo, hi): round numbers around the block's values and levels.
    std::pair<double, double> axisRange() const;
    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    /// The label of lane `g` ("sc 43 · m 12", "Δ 0.0031").
    QString laneLabel(size_t g) const;
    void paintLane(QPainter& p, size_t g, const QRectF& lane, const QRectF& plot) const;
    double xOf(double v, const QRectF& plot) const;

    std::optional<Block> m_block;
    QString m_hint;
    double m_lo = 0.0, m_hi = 1.0;
};

} // namespace qx::ui
