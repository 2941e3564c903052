#pragma once
// The tensors of one model as a two-level tree: groups ("global" for token_embd/output/output_norm and
// anything outside a layer, then one group per layer "blk.N" in layer order) holding their tensors in
// file order. Group rows show totals. DisplayRole is formatted text; SortRole the raw number (or the name)
// so a QSortFilterProxyModel sorts 1000 B after 999 B. Columns are listed in one table (kColumns).
// The model holds an immutable snapshot (shared_ptr<const ModelFile>); setModelFile() resets it.
// With a PlanDocument attached (setPlan) the plan columns show the planned format, its bits/weight and
// bytes, the background error of the planned format (PlanErrorService), the measured sensitivity when
// given, the reason, and a checkable pin (checking it is an undoable PlanDocument::setPinned).

#include "io/model_file.h"

#include <QAbstractItemModel>

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace qx::ui {

class PlanDocument;
class PlanErrorService;

class TensorTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column {
        NameColumn, ShapeColumn, TypeColumn, ParametersColumn, SizeColumn, BitsColumn,
        PinColumn, PlannedColumn, PlannedBitsColumn, PlannedSizeColumn, SqnrColumn, RelErrorColumn,
        SensitivityColumn, ReasonColumn, ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1,  ///< raw value: qulonglong counts/bytes, double bits, QString names
        TensorIndexRole,              ///< index into ModelFile::tensors, or -1 for a group row
        IsGroupRole,
    };

    explicit TensorTreeModel(QObject* parent = nullptr);

    /// Replaces the snapshot (nullptr empties the tree).
    void setModelFile(std::shared_ptr<const ModelFile> model);
    const std::shared_ptr<const ModelFile>& modelFile() const { return m_model; }
    /// The tensor behind `index` (any column), or nullptr for group rows and invalid indexes.
    const TensorInfo* tensorAt(const QModelIndex& index) const;
    int groupCount() const { return static_cast<int>(m_groups.size()); }
    int tensorCount() const;
    /// Shows the plan of `document` and the errors of `errors` (either may be nullptr).
    void setPlan(PlanDocument* document, PlanErrorService* errors);
    /// Measured sensitivity per tensor name (e.g. KLD in nats); an empty map clears the column.
    void setSensitivity(std::unordered_map<std::string, double> values);
    /// The source index of ModelFile::tensors[tensorIndex] in `column`, or invalid.
    QModelIndex indexOfTensor(int tensorIndex, int column = NameColumn) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

private:
    struct Group {
        int layer = -1;            ///< -1 for the global group
        std::vector<int> tensors;  ///< indexes into ModelFile::tensors, file order
        uint64_t parameters = 0;
        uint64_t bytes = 0;
        QString typeName;          ///< common stored type, or "mixed"
    };
    void buildGroups();
    QVariant groupData(const Group& group, int column, int role) const;
    QVariant tensorData(const TensorInfo& tensor, int column, int role) const;
    QVariant planTensorData(int tensorIndex, int column, int role) const;
    QVariant planGroupData(const Group& group, int column, int role) const;
    QVariant errorData(int tensorIndex, int column, int role) const;
    void planColumnsChanged();
    void errorColumnsChanged(const QList<int>& tensorIndexes);

    std::shared_ptr<const ModelFile> m_model;
    std::vector<Group> m_groups;
    std::vector<std::pair<int, int>> m_position;  ///< per tensor: (group, row)
    PlanDocument* m_plan = nullptr;
    PlanErrorService* m_errors = nullptr;
    std::unordered_map<std::string, double> m_sensitivity;
};

/// The layer a tensor name belongs to ("blk.12.attn_q.weight" -> 12), or -1 for global tensors.
int layerOfTensor(std::string_view name);

} // namespace qx::ui
