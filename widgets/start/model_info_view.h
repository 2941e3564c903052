#pragma once
// The Info view: what the model is (format, architecture, hyper-parameters), its tokenizer, the perplexity
// on its own held-out text when the file records one (models trained by qexplore, the demo model), and
// every metadata key/value in a sortable table.

#include "io/model_file.h"

#include <QWidget>

#include <memory>

class QFormLayout;
class QLabel;
class QTableView;

namespace qx::ui {

class MetadataTableModel;

class ModelInfoView : public QWidget {
    Q_OBJECT
public:
    explicit ModelInfoView(QWidget* parent = nullptr);

    void setModelFile(std::shared_ptr<const ModelFile> model);
    MetadataTableModel* metadataModel() const { return m_metadata; }

private:
    void fillSpec(const ModelFile& model);
    void addRow(const QString& label, const QString& value);

    QLabel* m_title;
    QFormLayout* m_form;
    MetadataTableModel* m_metadata;
    QTableView* m_table;
};

} // namespace qx::ui
