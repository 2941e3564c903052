#include "learn/gptq_lesson.h"

#include "learn/dynamic_lesson.h"
#include "common/heatmap_widget.h"

#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace qx::ui {

GptqLesson::GptqLesson(QWidget* parent) : Lesson(parent)
{
    addIntro(tr("<h2>GPTQ step by step</h2><p>Rounding every weight to the nearest level "
        "ignores that the layer's <i>output</i> is what matters. GPTQ quantizes one input column at a time and "
        "moves each column's rounding error onto the columns not yet quantized, weighted by the inverse "
        "Hessian H⁻¹ of the output error (H = 2/n Σ x xᵀ from real activations): correlated inputs absorb "
        "each other's error. Press <b>Step</b> to quantize the framed column and watch the columns to its "
        "right change.</p>"));
    m_source = addParagraph();
    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Bits (symmetric, one scale per row):"), this));
    m_bits = new QSpinBox(this);
    m_bits->setRange(2, 8);
    m_bits->setValue(3);
    controls->addWidget(m_bits);
    m_step = new QPushButton(tr("Step"), this);
    m_run = new QPushButton(tr("Run"), this);
    m_reset = new QPushButton(tr("Reset"), this);
    for (QPushButton* b : {m_step, m_run, m_reset})
        controls->addWidget(b);
    controls->addStretch(1);
    column()->insertLayout(column()->count() - 1, controls);
    setupMaps();
    addWidget(m_maps);
    m_text = addParagraph();
    connect(m_step, &QPushButton::clicked, this, &GptqLesson::step);
    connect(m_run, &QPushButton::clicked, this, &GptqLesson::run);
    connect(m_reset, &QPushButton::clicked, this, &GptqLesson::reset);
    connect(m_bits, &QSpinBox::valueChanged, this, &GptqLesson::reset);
}

void GptqLesson::setupMaps()
{
    m_maps = new QWidget(this);
    auto* grid = new QGridLayout(m_maps);
    grid->setContentsMargins(0, 0, 0, 0);
    m_w = new HeatmapWidget(m_maps);
    m_q = new HeatmapWidget(m_maps);
    m_err = new HeatmapWidget(m_maps);
    m_hinv = new HeatmapWidget(m_maps);
    grid->addWidget(m_w, 0, 0);
    grid->addWidget(m_q, 0, 1);
    grid->addWidget(m_err, 1, 0);
    grid->addWidget(m_hinv, 1, 1);
}

GptqLesson::~GptqLesson() = default;

void GptqLesson::setBits(int bits) { m_bits->setValue(bits); }
int GptqLesson::bits() const { return m_bits->value(); }

QuantGrid GptqLesson::grid() const
{
    QuantGrid g;
    g.uniform.bits = bits();
    g.uniform.mode = UniformMode::SymmetricRestricted;
    g.uniform.granularity = Granularity::PerChannel;
    return g;
}

void GptqLesson::recompute()
{
    const learn::ActivationSet* set = activations();
    m_layer.clear();
    if (set) {
        const std::string tensor = data()->tensorName.toStdString();
        const auto fits = [&](const std::string& n) {
            const WeightView w = set->weights->tensor(n);
            return set->inputs.count(n) && w.rows >= kRows && w.cols >= kCols;
        };
        m_layer = fits(tensor) ? tensor : fits("blk.0.attn_q.weight") ? std::string("blk.0.attn_q.weight") : std::string();
    }
    for (QWidget* w : std::initializer_list<QWidget*>{m_maps, m_step, m_run, m_reset, m_bits})
        w->setEnabled(!m_layer.empty());
    m_maps->setVisible(!m_layer.empty());
    if (m_layer.empty()) {
        m_stepper.reset();
        m_source->setText(set ? tr("The model has no linear layer of at least %1 × %2 with captured inputs.")
                                    .arg(kRows).arg(kCols) : activationNote());
        m_text->clear();
        return;
    }
    m_source->setText(activationSourceLine(*set, m_layer) + QLatin1Char(' ')
        + tr("The slice: output rows 0–%1, input columns 0–%2; H from all %3 tokens.")
              .arg(kRows - 1).arg(kCols - 1).arg(set->inputs.at(m_layer).rows));
    reset();
}

void GptqLesson::reset()
{
    const learn::ActivationSet* set = activations();
    if (m_layer.empty() || !set)
        return;
    const learn::ActivationMatrix& x = set->inputs.at(m_layer);
    const std::vector<float> w = learn::weightSlice(set->weights->tensor(m_layer), 0, 0, kRows, kCols);
    m_stepper = std::make_unique<learn::GptqStepper>(w, kRows, kCols, learn::sliceHessian(x, 0, kCols), grid());
    const std::vector<double>& h = m_stepper->hessianInverse();
    const std::vector<float> hf(h.begin(), h.end());
    m_w->setMatrix(tr("W: the original weights"), m_stepper->original(), kRows, kCols);  // its own range first
    m_hinv->setMatrix(tr("H⁻¹ (%1 × %1, damping %2 %)").arg(kCols).arg(num(m_stepper->dampUsed(), 3)),
                      hf, kCols, kCols);
    m_errGptq = 0;
    m_errRtn = learn::outputError(m_stepper->original(), m_stepper->rtn(), kRows, kCols, x);
    showState();
}

void GptqLesson::step()
{
    if (m_stepper && m_stepper->step())
        showState();
}

void GptqLesson::run()
{
    if (!m_stepper)
        return;
    m_stepper->runToEnd();
    showState();
}

void GptqLesson::showState()
{
    const learn::GptqStepper& s = *m_stepper;
    const auto done = static_cast<int>(s.done());
    const std::vector<float> current = s.current();
    double range = m_w->range(); // W and the working weights share one colour scale
    for (float v : current)
        range = std::max(range, static_cast<double>(std::fabs(v)));
    m_w->setMatrix(tr("W: the original weights"), s.original(), kRows, kCols, HeatmapWidget::Scale::Diverging, range);
    m_q->setMatrix(done == 0 ? tr("Working weights: nothing quantized yet")
                             : tr("Working weights: columns 0–%1 quantized").arg(done - 1),
                   current, kRows, kCols, HeatmapWidget::Scale::Diverging, range);
    m_err->setMatrix(tr("W − working weights (error and compensation)"), s.difference(), kRows, kCols);
    for (HeatmapWidget* v : {m_w, m_q, m_err})
        v->setCurrentColumn(done < kCols ? done : -1);
    m_hinv->setCurrentColumn(done < kCols ? done : -1);
    m_step->setEnabled(done < kCols);
    m_run->setEnabled(done < kCols);
    const learn::ActivationMatrix& x = activations()->inputs.at(m_layer);
    QString text = tr("Column %1 of %2 done. ").arg(done).arg(kCols);
    if (done == kCols) {
        m_errGptq = learn::outputError(s.original(), s.current(), kRows, kCols, x);
        text += tr("Output error ‖WX − QX‖ over the %1 tokens: <b>GPTQ %2</b> against <b>round-to-nearest %3</b> "
                   "on the same %4-bit grid (%5 % lower).")
                    .arg(x.rows).arg(num(m_errGptq, 4)).arg(num(m_errRtn, 4)).arg(bits())
                    .arg(num(100.0 * (1.0 - m_errGptq / m_errRtn), 3));
    } else {
        text += tr("Round-to-nearest on the same grid gives ‖WX − QX‖ = %1; run to the end to compare.")
                    .arg(num(m_errRtn, 4));
    }
    m_text->setText(text);
}

} // namespace qx::ui
