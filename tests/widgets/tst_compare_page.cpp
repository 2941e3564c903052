// The Compare page against llama.cpp's quantizations of synth-d256: the table shows the core's figures
// (SQNR, identical, types, colours), the Layers chart the core's per-layer totals, the Distribution both
// histograms, the Metadata tab the key changes; "Use B's types as my plan" gives llama-quantize's Q4_K_M
// plan in one undo step; models of other shapes are refused with their metadata; Cancel ends the job.
#include "common/test_data.h"
#include "common/test_main.h"
#include "common/widget_shots.h"

#include "common/chart_util.h"
#include "common/job_runner.h"
#include "common/table_export.h"
#include "compare/compare_output_panel.h"
#include "compare/compare_page.h"
#include "compare/compare_table_model.h"
#include "compare/model_diff.h"
#include "common/app_settings.h"
#include "common/thread_count.h"
#include "compare/output_diff.h"
#include "io/model_file.h"
#include "model/llama_forward.h"
#include "model/mapped_weights.h"
#include "model/tokenizer.h"
#include "plan/plan_document.h"
#include "plan/presets.h"

#include <QAbstractItemModelTester>
#include <QChart>
#include <QChartView>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QUndoStack>
#include <QtTest/QtTest>

#include <cmath>
#include <fstream>

using namespace qx;
using namespace qx::ui;

namespace {

const std::string kDir = "reference/synth-d256/";

/// Compares `page`'s model with `other` and waits for the result.
bool compareAndWait(ComparePage& page, const std::string& other)
{
    QSignalSpy spy(&page, &ComparePage::compared);
    page.compareWith(QString::fromStdString(other));
    return spy.wait(120000);
}

QLineSeries* seriesNamed(QChartView* view, const QString& name)
{
    for (QAbstractSeries* s : view->chart()->series())
        if (s->name() == name)
            return qobject_cast<QLineSeries*>(s);
    return nullptr;
}

} // namespace

class TstComparePage : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void tableShowsTheCoreFigures()
    {
        QX_REQUIRE_SHARED(f32, kDir + "model-f32.gguf");
        QX_REQUIRE_SHARED(q4, kDir + "pure-Q4_K.gguf");
        const auto a = openModel(f32);
        ComparePage page;
        QAbstractItemModelTester tester(page.tableModel());
        page.setModel(a);
        QVERIFY(compareAndWait(page, q4));
        const ModelDiff core = diffModels(*a, *openModel(q4));
        CompareTableModel* m = page.tableModel();
        QCOMPARE(m->rowCount(), int(core.tensors.size()));
        for (int row = 0; row < m->rowCount(); ++row) {
            const TensorDiff& t = core.tensors[size_t(row)];
            const QModelIndex sqnr = m->index(row, CompareTableModel::Sqnr);
            QCOMPARE(m->index(row, 0).data().toString(), QString::fromStdString(t.name));
            QCOMPARE(sqnr.data(CompareTableModel::SortRole).toDouble(), t.sqnrDb);
            QCOMPARE(sqnr.data(Qt::BackgroundRole).value<QColor>(), CompareTableModel::sqnrColor(t.sqnrDb));
            if (t.status == TensorDiffStatus::Identical)
                QCOMPARE(sqnr.data().toString(), CompareTableModel::tr("identical"));
            else
                QCOMPARE(sqnr.data().toString(), dbText(t.sqnrDb));
        }
        QCOMPARE(m->index(2, CompareTableModel::TypeB).data().toString(), QString("Q4_K"));
        QCOMPARE(m->index(2, CompareTableModel::Sqnr).data(Qt::BackgroundRole).value<QColor>(),
                 CompareTableModel::sqnrColor(25.0));   // ~20.2 dB: the 20–30 dB colour
        QVERIFY(page.findChild<QLabel*>(QStringLiteral("compareSummary"))->text().contains("9 identical"));
        const QString csv = tableToCsv(*m);
        QVERIFY(csv.startsWith("Tensor,Type A,Type B,"));
        QVERIFY(csv.contains("blk.0.attn_norm.weight,F32,F32,"));
        QCOMPARE(page.metadataModel()->rowCount(), 2);
        QCOMPARE(page.metadataModel()->item(0, 0)->text(), QString("general.file_type"));
        test::shoot(page, "compare-tensors");
    }
    void numbersFollowTheInterfaceLanguage()
    {
        // German writes decimal commas: SQNR, bits per weight, relative error, max |Δ| and cosine all do.
        QX_REQUIRE_SHARED(f32, kDir + "model-f32.gguf");
        QX_REQUIRE_SHARED(q4, kDir + "pure-Q4_K.gguf");
        struct RestoreLocale {
            QLocale saved;
            ~RestoreLocale() { QLocale::setDefault(saved); }
        } restore;
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        ComparePage page;
        page.setModel(openModel(f32));
        const bool done = compareAndWait(page, q4);
        const QLocale de(QLocale::German, QLocale::Germany);
        const TensorDiff* t = page.tableModel()->tensorAt(2);
        const auto text = [&page](int column) { return page.tableModel()->index(2, column).data().toString(); };
        QVERIFY(done && t && t->status == TensorDiffStatus::Compared);
        QCOMPARE(text(CompareTableModel::Sqnr), de.toString(t->sqnrDb, 'f', 2));
        QVERIFY(text(CompareTableModel::Sqnr).contains(QLatin1Char(',')));
        QVERIFY(!text(CompareTableModel::Sqnr).contains(QLatin1Char('.')));
        QCOMPARE(text(CompareTableModel::BitsB), QStringLiteral("4,50"));
        QCOMPARE(text(CompareTableModel::RelativeError), de.toString(t->relativeError, 'g', 4));
        QCOMPARE(text(CompareTableModel::Cosine), de.toString(t->cosine, 'f', 6));
        QVERIFY(text(CompareTableModel::Cosine).startsWith(QStringLiteral("0,")));
    }
    void longNamesAreElidedWithTheirTooltip()
    {
        QX_REQUIRE_SHARED(f32, kDir + "model-f32.gguf");
        QX_REQUIRE_SHARED(q4, kDir + "pure-Q4_K.gguf");
        ComparePage page;
        page.setModel(openModel(f32));
        QVERIFY(compareAndWait(page, q4));
        auto* view = page.findChild<QTableView*>(QStringLiteral("compareTable"));
        QCOMPARE(view->textElideMode(), Qt::ElideMiddle);
        QCOMPARE(view->horizontalHeader()->sectionResizeMode(CompareTableModel::Name), QHeaderView::Stretch);
        const QModelIndex name = page.tableModel()->index(2, CompareTableModel::Name);
        QCOMPARE(name.data(Qt::ToolTipRole).toString(), name.data().toString());
    }
    void layersChartPlotsTheLayerTotals()
    {
        QX_REQUIRE_SHARED(f32, kDir + "model-f32.gguf");
        QX_REQUIRE_SHARED(q3, kDir + "preset-Q3_K_M.gguf");
        const auto a = openModel(f32);
        ComparePage page;
        page.setModel(a);
        QVERIFY(compareAndWait(page, q3));
        const ModelDiff core = diffModels(*a, *openModel(q3));
        QLineSeries* total = seriesNamed(page.findChild<QChartView*>(QStringLiteral("compareLayersChart")), ComparePage::tr("layer (all tensors)"));
        QVERIFY(total);
        QCOMPARE(total->count(), 4);
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(total->at(i).x(), double(i));
            QCOMPARE(total->at(i).y(), core.layers[size_t(i)].sqnrDb);
        }
        QLineSeries* down = seriesNamed(page.findChild<QChartView*>(QStringLiteral("compareLayersChart")), QStringLiteral("ffn_down"));
        QVERIFY(down);
        QCOMPARE(down->count(), 4);
        page.showTab(ComparePage::LayersTab);
        test::shoot(page, "compare-layers");
    }
    void distributionOverlaysBoth()
    {
        QX_REQUIRE_SHARED(f32, kDir + "model-f32.gguf");
        QX_REQUIRE_SHARED(q2, kDir + "pure-Q2_K.gguf");
        ComparePage page;
        page.setModel(openModel(f32));
        QVERIFY(compareAndWait(page, q2));
        QSignalSpy shown(&page, &ComparePage::distributionShown);
        page.findChild<QTableView*>(QStringLiteral("compareTable"))->selectRow(2);
        QVERIFY(shown.wait(60000));
        const auto series = page.findChild<QChartView*>(QStringLiteral("compareDistributionChart"))->chart()->series();
        QCOMPARE(series.size(), 2);
        QCOMPARE(series[0]->name(), ComparePage::tr("A"));
        QCOMPARE(series[1]->name(), ComparePage::tr("B"));
        QCOMPARE(qobject_cast<QLineSeries*>(series[0])->count(), 2 * 128);
        page.showTab(ComparePage::DistributionTab);
        test::shoot(page, "compare-distribution");
    }
    void usesTheOtherTypesInOneUndoStep()
    {
        QX_REQUIRE_SHARED(f32, kDir + "model-f32.gguf");
        QX_REQUIRE_SHARED(mix, kDir + "preset-Q4_K_M.gguf");
        const auto a = openModel(f32);
        PlanDocument doc;
        doc.setModel(a, QString::fromStdString(f32));
        ComparePage page;
        page.setPlanDocument(&doc);
        page.setModel(a);
        QVERIFY(compareAndWait(page, mix));
        QVERIFY(page.findChild<QPushButton*>(QStringLiteral("compareUseTypes"))->isEnabled());
        const Plan before = doc.plan();
        QCOMPARE(page.useOtherTypes(), 30);
        QCOMPARE(doc.undoStack()->count(), 1);
        const Plan q4km = planPreset(*a, Preset::Q4_K_M);
        for (size_t i = 0; i < q4km.entries.size(); ++i)
            QCOMPARE(doc.plan().entries[i].type, q4km.entries[i].type);
        doc.undoStack()->undo();
        QCOMPARE(doc.plan(), before);
    }
    void refusesOtherShapes()
    {
        QX_REQUIRE_SHARED(small, "models/stories260K.gguf");
        QX_REQUIRE_SHARED(f32, kDir + "model-f32.gguf");
        PlanDocument doc;
        ComparePage page;
        page.setPlanDocument(&doc);
        page.setModel(openModel(small));
        QVERIFY(compareAndWait(page, f32));
        QCOMPARE(page.tableModel()->rowCount(), 0);
        QVERIFY(page.metadataModel()->rowCount() > 5);
        QVERIFY(page.findChild<QLabel*>(QStringLiteral("compareSummary"))->text().contains("embedding_length 64 vs 256"));
        QVERIFY(!page.findChild<QPushButton*>(QStringLiteral("compareUseTypes"))->isEnabled());
        QCOMPARE(page.useOtherTypes(), 0);
    }
    // Selecting a tensor draws its distributions on another runner: the comparison under way goes on.
    void rowClickKeepsTheComparison()
    {
        QX_REQUIRE_SHARED(f32, kDir + "model-f32.gguf");
        QX_REQUIRE_SHARED(q4, kDir + "pure-Q4_K.gguf");
        QX_REQUIRE_SHARED(q2, kDir + "pure-Q2_K.gguf");
        ComparePage page;
        page.setModel(openModel(f32));
        QVERIFY(compareAndWait(page, q4));
        QSignalSpy spy(&page, &ComparePage::compared);
        page.compareWith(QString::fromStdString(q2));
        page.findChild<QTableView*>(QStringLiteral("compareTable"))->selectRow(3);   // the table of the first comparison is still on screen
        QVERIFY(page.runner()->isBusy());
        QVERIFY(spy.wait(120000));
        QVERIFY(page.diff());
        QVERIFY2(page.findChild<QLabel*>(QStringLiteral("compareSummary"))->text().startsWith("B = pure-Q2_K.gguf"), qPrintable(page.findChild<QLabel*>(QStringLiteral("compareSummary"))->text()));
    }
    // Evaluate: the figures of qx::compareOutputs for the pair, while tensors are selected meanwhile.
    void evaluateShowsTheOutputFigures()
    {
        QX_REQUIRE_SHARED(f32, kDir + "model-f32.gguf");
        QX_REQUIRE_SHARED(q4, kDir + "pure-Q4_K.gguf");
        QX_REQUIRE_SHARED(text, "text/tinystories-valid-head.txt");
        ComparePage page;
        page.setModel(openModel(f32));
        CompareOutputPanel* panel = page.outputPanel();
        QVERIFY(!panel->evaluateButton()->isEnabled());   // no B yet
        QVERIFY(compareAndWait(page, q4));
        panel->setTextFile(QString::fromStdString(text));
        panel->setContext(128, 8);
        QVERIFY(panel->evaluateButton()->isEnabled());
        QSignalSpy done(panel, &CompareOutputPanel::evaluated);
        panel->evaluate();
        QVERIFY(panel->cancelButton()->isEnabled());
        page.findChild<QTableView*>(QStringLiteral("compareTable"))->selectRow(2);
        QVERIFY(done.wait(120000));
        QVERIFY2(panel->result(), qPrintable(panel->statusLabel()->text()));

        const int threads = resolveInteractiveThreadCount(AppSettings::threads());
        auto a = openModel(f32), b = openModel(q4);
        ForwardOptions fo;
        fo.threads = threads;
        LlamaForward fa(std::make_shared<const MappedWeights>(a, threads), fo);
        LlamaForward fb(std::make_shared<const MappedWeights>(b, threads), fo);
        const Tokenizer tok = Tokenizer::fromGguf(*a);
        OutputDiffOptions opt;
        opt.nCtx = 128, opt.maxChunks = 8, opt.bosToken = chunkBosToken(*a, tok);
        std::ifstream in(text);
        const std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const OutputDiff ref = compareOutputs(fa, fb, tok.encode(content, true), opt);
        QCOMPARE(panel->result()->kld.kldMean, ref.kld.kldMean);
        QCOMPARE(panel->result()->kld.sameTop, ref.kld.sameTop);
        QCOMPARE(panel->result()->pplB.ppl, ref.pplB.ppl);
        QStandardItemModel* figures = panel->figuresModel();
        QAbstractItemModelTester tester(figures);
        QCOMPARE(figures->rowCount(), 11);
        QCOMPARE(figures->item(0)->text(), CompareOutputPanel::tr("Perplexity of A"));
        QVERIFY(figures->item(0, 1)->text().startsWith(QLocale().toString(ref.pplA.ppl, 'f', 4)));
        QVERIFY(figures->item(3, 1)->text().startsWith(QLocale().toString(ref.kld.kldMean, 'f', 6)));
        QVERIFY(figures->item(7, 1)->text().startsWith(QLocale().toString(100.0 * ref.kld.sameTop, 'f', 3)));
        QCOMPARE(figures->item(10, 1)->text(), QLocale().toString(qlonglong(8 * 63)));
        test::shoot(page, "compare-outputs");
    }
    void evaluateCancels()
    {
        QX_REQUIRE_SHARED(f32, kDir + "model-f32.gguf");
        QX_REQUIRE_SHARED(q4, kDir + "pure-Q4_K.gguf");
        QX_REQUIRE_SHARED(text, "text/tinystories-valid-head.txt");
        ComparePage page;
        page.setModel(openModel(f32));
        QVERIFY(compareAndWait(page, q4));
        CompareOutputPanel* panel = page.outputPanel();
        panel->setTextFile(QString::fromStdString(text));
        panel->setContext(128, 0);
        QSignalSpy done(panel, &CompareOutputPanel::evaluated);
        panel->evaluate();
        panel->cancel();
        QVERIFY(done.wait(60000));
        QVERIFY(!panel->result());
        QCOMPARE(panel->statusLabel()->text(), CompareOutputPanel::tr("Evaluation cancelled."));
        QCOMPARE(panel->figuresModel()->rowCount(), 0);
        QVERIFY(panel->evaluateButton()->isEnabled());
        panel->setTextFile("/nonexistent/text.txt");
        panel->evaluate();
        QVERIFY(done.wait(60000));
        QVERIFY(panel->statusLabel()->text().contains("/nonexistent/text.txt"));
    }
    void cancelAndFailure()
    {
        QX_REQUIRE_SHARED(f32, kDir + "model-f32.gguf");
        QX_REQUIRE_SHARED(q4, kDir + "pure-Q4_K.gguf");
        ComparePage page;
        page.setModel(openModel(f32));
        QSignalSpy spy(&page, &ComparePage::compared);
        page.compareWith(QString::fromStdString(q4));
        page.runner()->cancel();
        QVERIFY(spy.wait(60000));
        QVERIFY(!page.diff());
        QCOMPARE(page.findChild<QLabel*>(QStringLiteral("compareSummary"))->text(), ComparePage::tr("Comparison cancelled."));
        QVERIFY(compareAndWait(page, "/nonexistent/model.gguf"));
        QVERIFY(page.findChild<QLabel*>(QStringLiteral("compareSummary"))->text().contains("/nonexistent/model.gguf"));
    }
};

QX_TEST_MAIN(TstComparePage)
#include "tst_compare_page.moc"
