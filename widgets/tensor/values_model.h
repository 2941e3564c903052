#pragma once
// A window of a tensor's values next to their round trip through a candidate format: one table row per
// value, starting at (row, offset) in the tensor and running `count` values on (across tensor rows). Lazy:
// only the tensor rows the view asks for are decoded and round-tripped (a few are cached), so a window
// into a 4096 × 11008 tensor costs one 11008-value row, not the tensor. Tensor-wide formats (per-tensor
// scales) need the whole round trip, passed in with setWholeRoundTrip; until then Quantized stays empty.

#include "io/model_file.h"
#include "tensor/tensor_analysis.h"

#include <QAbstractTableModel>

#include <map>
#include <memory>

namespace qx::ui {

class ValuesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Row, ColumnIndex, Original, Quantized, Difference, ColumnCount };
    static constexpr int SortRole = Qt::UserRole;
    static constexpr int kMaxCount = 65536;

    explicit ValuesModel(QObject* parent = nullptr);
    /// The tensor and format (tensor == nullptr clears). `model` keeps the mapping alive.
    void setTensor(std::shared_ptr<const ModelFile> model, const TensorInfo* tensor, const CandidateFormat& format);
    /// The round trip of the whole tensor for `format`, when it was computed (may be null).
    void setWholeRoundTrip(std::shared_ptr<const std::vector<float>> values);
    /// The window: `count` values from element (row, offset) on, clipped to the tensor and kMaxCount.
    void setWindow(int64_t row, int64_t offset, int count);
    /// Tensor rows decoded so far (tests check the laziness).
    int64_t rowsComputed() const { return m_rowsComputed; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct CachedRow {
        std::vector<float> original, rebuilt;
    };
    const CachedRow& rowValues(int64_t row) const;
    void reset();

    std::shared_ptr<const ModelFile> m_model;
    const TensorInfo* m_tensor = nullptr;
    CandidateFormat m_format;
    std::shared_ptr<const std::vector<float>> m_whole;
    int64_t m_first = 0;  ///< flat index of the first value
    int m_count = 0;
    mutable std::map<int64_t, CachedRow> m_cache;
    mutable int64_t m_rowsComputed = 0;
};

} // namespace qx::ui
