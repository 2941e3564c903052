#pragma once
// The Learn lab: a list of lessons on the left, the current lesson on the right, and a combo box choosing
// which 2-D tensor of the loaded model the lessons work on. Without a model every lesson runs on a
// built-in deterministic heavy-tailed sample and says so. Large tensors are cut to their first rows
// (at most kMaxValues values) so every lesson recomputes instantly. The lessons on activations get the
// model's captured activations from a background job started by setModel().

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QListWidget;
class QSplitter;
class QStackedWidget;

namespace qx {
struct ModelFile;
}

namespace qx::ui {

class JobRunner;
class Lesson;
struct LessonData;

class LearnLab : public QWidget {
    Q_OBJECT
public:
    static constexpr int64_t kMaxValues = 1 << 18;

    explicit LearnLab(QWidget* parent = nullptr);
    ~LearnLab() override;

    /// Uses `model`'s 2-D tensors (nullptr: the built-in sample).
    void setModel(std::shared_ptr<const qx::ModelFile> model);
    /// Shows lesson `id` ("formats", "symmetric", "clipping", "granularity", "dynamic", "gptq", "kquants",
    /// "outliers", "nf4", "qat", "bitnet"), on `tensorName` when it names a 2-D tensor of the model. False
    /// when the id is unknown.
    bool showLesson(const QString& id, const QString& tensorName = {});
    /// The lessons, in list order.
    QList<Lesson*> lessons() const;
    /// The lesson with `id`, or nullptr.
    Lesson* lesson(const QString& id) const;
    /// The id of the lesson shown.
    QString currentLessonId() const;
    /// The tensor the lessons currently use (empty for the sample).
    QString currentTensor() const;
    /// "Open in Learn lab": loads `tensorName` and stays on the current lesson when it works on a tensor,
    /// else shows the symmetric/asymmetric lesson.
    void openTensor(const QString& tensorName);
    /// The job capturing the model's activations (tests wait on it).
    JobRunner* activationJob() const { return m_capture; }
    /// The lesson list / lesson splitter's sizes, for the window to keep between sessions.
    QByteArray splitterState() const;
    void restoreSplitter(const QByteArray& state);

private:
    void selectTensor(int comboIndex);
    void startCapture();
    std::shared_ptr<const LessonData> loadTensor(const QString& name) const;

    std::shared_ptr<const qx::ModelFile> m_model;
    QListWidget* m_list = nullptr;
    QSplitter* m_split = nullptr;
    QStackedWidget* m_stack = nullptr;
    QComboBox* m_tensors = nullptr;
    QLabel* m_status = nullptr;
    JobRunner* m_capture = nullptr;
};

} // namespace qx::ui
