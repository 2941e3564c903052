#include "learn/learn_lab.h"

#include "learn/bitnet_lesson.h"
#include "learn/iquants_lesson.h"
#include "learn/clipping_lesson.h"
#include "learn/dynamic_lesson.h"
#include "learn/gptq_lesson.h"
#include "learn/granularity_lesson.h"
#include "learn/kquants_lesson.h"
#include "learn/lesson.h"
#include "learn/nf4_lesson.h"
#include "learn/number_formats_lesson.h"
#include "learn/outliers_lesson.h"
#include "learn/qat_lesson.h"
#include "learn/symmetric_lesson.h"

#include "common/error.h"
#include "common/format_text.h"
#include "common/job_runner.h"
#include "io/model_file.h"
#include "learn/lesson_calib.h"
#include "learn/lesson_math.h"
#include "quant/dequantize.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QVBoxLayout>

namespace qx::ui {

namespace {

std::shared_ptr<const LessonData> sampleData()
{
    auto d = std::make_shared<LessonData>();
    d->values = learn::heavyTailedSample(64, 256, 1);
    d->rowLength = 256;
    d->totalRows = 64;
    d->isSample = true;
    return d;
}

} // namespace

LearnLab::LearnLab(QWidget* parent) : QWidget(parent)
{
    m_list = new QListWidget(this);
    m_stack = new QStackedWidget(this);
    m_capture = new JobRunner(this);
    const QList<Lesson*> all{new NumberFormatsLesson, new SymmetricLesson, new ClippingLesson, new GranularityLesson,
                             new DynamicLesson, new GptqLesson, new KQuantsLesson, new OutliersLesson,
                             new Nf4Lesson, new QatLesson, new BitNetLesson, new IquantsLesson};
    for (int i = 0; i < all.size(); ++i) {
        Lesson* l = all[i];
        auto* scroll = new QScrollArea(m_stack);
        scroll->setWidgetResizable(true);
        scroll->setWidget(l);
        m_stack->addWidget(scroll);
        m_list->addItem(tr("%1. %2").arg(i + 1).arg(l->title()));
    }
    // As wide as the longest title: the lesson list never scrolls sideways or cuts a title.
    m_list->setTextElideMode(Qt::ElideNone);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    const int listWidth = m_list->sizeHintForColumn(0) + 2 * m_list->frameWidth()
                          + m_list->style()->pixelMetric(QStyle::PM_ScrollBarExtent) + fontMetrics().averageCharWidth();
    m_list->setMinimumWidth(listWidth);
    m_tensors = new QComboBox(this);
    m_tensors->setMinimumContentsLength(24);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Tensor:"), this));
    top->addWidget(m_tensors, 1);
    top->addWidget(m_status, 2);
    auto* split = m_split = new QSplitter(this);
    split->setObjectName(QStringLiteral("learnSplit"));
    split->addWidget(m_list);
    split->addWidget(m_stack);
    split->setStretchFactor(1, 1);
    split->setCollapsible(0, false);
    split->setSizes({listWidth, 4 * listWidth});
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    connect(m_list, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    connect(m_tensors, &QComboBox::currentIndexChanged, this, &LearnLab::selectTensor);
    m_list->setCurrentRow(0);
    setModel(nullptr);
}

LearnLab::~LearnLab()
{
    m_capture->cancel();
    m_capture->waitForIdle();
}

QByteArray LearnLab::splitterState() const { return m_split->saveState(); }

void LearnLab::restoreSplitter(const QByteArray& state) { m_split->restoreState(state); }

QList<Lesson*> LearnLab::lessons() const
{
    QList<Lesson*> out;
    for (int i = 0; i < m_stack->count(); ++i)
        out.append(qobject_cast<Lesson*>(qobject_cast<QScrollArea*>(m_stack->widget(i))->widget()));
    return out;
}

Lesson* LearnLab::lesson(const QString& id) const
{
    for (Lesson* l : lessons())
        if (l->lessonId() == id)
            return l;
    return nullptr;
}

void LearnLab::setModel(std::shared_ptr<const qx::ModelFile> model)
{
    m_model = std::move(model);
    const QSignalBlocker block(m_tensors);
    m_tensors->clear();
    if (m_model)
        for (const TensorInfo& t : m_model->tensors)
            if (t.ne.size() == 2 && t.ne[0] > 1 && t.ne[1] > 1 && t.aliasOf.empty() && canDequantize(t.type))
                m_tensors->addItem(tr("%1  (%2)").arg(QString::fromStdString(t.name), formatShape(t.ne)),
                                   QString::fromStdString(t.name));
    if (m_tensors->count() == 0)
        m_tensors->addItem(tr("Built-in sample (no model loaded)"), QString());
    m_tensors->setEnabled(m_tensors->count() > 1 || m_model);
    startCapture();
    selectTensor(0);
    auto* qat = qobject_cast<QatLesson*>(lesson(QStringLiteral("qat")));
    const bool trainedHere = m_model && m_model->findMetadata("qexplore.train.seed");
    if (trainedHere || !m_model)
        qat->setTrainedModelPath(trainedHere ? QString::fromStdString(m_model->path) : QString());
}

void LearnLab::startCapture()
{
    for (Lesson* l : lessons())
        l->setActivations(nullptr, m_model ? tr("Capturing the model's activations…")
                                           : tr("This lesson runs the loaded model: open a Llama-family model."));
    if (!m_model)
        return;
    using Set = std::shared_ptr<const learn::ActivationSet>;
    m_capture->start<Set>(tr("Capturing activations"),
        [model = m_model](const ProgressFn&) -> Set { return std::make_shared<learn::ActivationSet>(learn::captureActivations(model)); },
        [this](JobResult<Set> r) {
            const QString note = r.outcome == JobOutcome::Failed
                ? tr("This lesson needs activations from a Llama-family model with a tokenizer (%1).").arg(r.error.detail)
                : tr("Activation capture cancelled.");
            const Set set = r.value.value_or(nullptr);
            for (Lesson* l : lessons())
                l->setActivations(set, set ? QString() : note);
        });
}

void LearnLab::openTensor(const QString& tensorName)
{
    const int current = m_list->currentRow();
    const QList<Lesson*> all = lessons();
    const QString id = current >= 0 && all[current]->lessonId() != QStringLiteral("qat") ? all[current]->lessonId()
                                                                                         : QStringLiteral("symmetric");
    showLesson(id, tensorName);
}

QString LearnLab::currentLessonId() const
{
    const int row = m_list->currentRow();
    return row >= 0 ? lessons()[row]->lessonId() : QString();
}

QString LearnLab::currentTensor() const { return m_tensors->currentData().toString(); }

bool LearnLab::showLesson(const QString& id, const QString& tensorName)
{
    const QList<Lesson*> all = lessons();
    for (int i = 0; i < all.size(); ++i) {
        if (all[i]->lessonId() != id)
            continue;
        const int t = m_tensors->findData(tensorName);
        if (!tensorName.isEmpty() && t >= 0 && t != m_tensors->currentIndex())
            m_tensors->setCurrentIndex(t);
        m_list->setCurrentRow(i);
        return true;
    }
    return false;
}

std::shared_ptr<const LessonData> LearnLab::loadTensor(const QString& name) const
{
    const TensorInfo* t = m_model ? m_model->findTensor(name.toStdString()) : nullptr;
    if (!t)
        return sampleData();
    auto d = std::make_shared<LessonData>();
    d->tensorName = name;
    d->rowLength = t->rowLength();
    d->totalRows = t->rows();
    const int64_t rows = std::max<int64_t>(1, std::min<int64_t>(t->rows(), kMaxValues / std::max<int64_t>(1, d->rowLength)));
    d->values.resize(static_cast<size_t>(rows * d->rowLength));
    dequantizeRows(*t, 0, rows, d->values);
    d->isSample = false;
    return d;
}

void LearnLab::selectTensor(int comboIndex)
{
    std::shared_ptr<const LessonData> data;
    try {
        data = loadTensor(m_tensors->itemData(comboIndex).toString());
        m_status->setText(data->isSample ? tr("Lessons use a built-in deterministic heavy-tailed sample.")
                                         : tr("Lessons use the model's own weights."));
    } catch (const Error& e) {
        data = sampleData();
        m_status->setText(tr("Could not read the tensor (%1); using the built-in sample.").arg(QString::fromStdString(e.what())));
    }
    for (Lesson* l : lessons())
        l->setData(data);
}

} // namespace qx::ui
