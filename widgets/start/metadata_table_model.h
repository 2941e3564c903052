#pragma once
// A model's metadata key/values as a table: key, GGUF type, value. Arrays are summarised (element type,
// count and the first few elements) so a 32 000-entry vocabulary stays one readable row.

#include "io/model_file.h"

#include <QAbstractTableModel>

#include <memory>

namespace qx::ui {

class MetadataTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { KeyColumn, TypeColumn, ValueColumn, ColumnCount };

    explicit MetadataTableModel(QObject* parent = nullptr);
    void setModelFile(std::shared_ptr<const ModelFile> model);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// "string", "u32", "array[string]".
    static QString typeText(const GgufValue& value);
    /// The value as one line; arrays as "512 × string: "<unk>", "<s>", … ".
    static QString valueText(const GgufValue& value, int maxElements = 6);

private:
    std::shared_ptr<const ModelFile> m_model;
};

} // namespace qx::ui
