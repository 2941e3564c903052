// "Measure sensitivity" in the plan panel on stories260K: the tree's Sensitivity column holds exactly the
// core's enable-one KLD for the same tokens and types, results are cached, Cancel ends the job Cancelled,
// a model change drops the column, and "use measured KLD" makes the slider solve on calibrated losses.

#include "common/test_data.h"
#include "common/test_main.h"

#include "common/job_runner.h"
#include "plan/plan_document.h"
#include "plan/scheme_panel.h"
#include "plan/sensitivity_box.h"
#include "tensor/tensor_tree_model.h"

#include "model/tokenizer.h"
#include "plan/solver_plan.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QHeaderView>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTreeView>
#include <QtTest/QtTest>

#include <fstream>
#include <sstream>

using namespace qx;
using namespace qx::ui;

namespace {

std::vector<int32_t> firstTokens(const ModelFile& model, const std::string& path, size_t count)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    std::vector<int32_t> tokens = Tokenizer::fromGguf(model).encode(text.str(), true);
    tokens.resize(std::min(tokens.size(), count));
    return tokens;
}

/// Counts SensitivityBox::measured and remembers the size of the last map.
struct Counter {
    explicit Counter(SensitivityBox* box)
    {
        QObject::connect(box, &SensitivityBox::measured, box, [this](const std::unordered_map<std::string, double>& m) {
            ++count;
            lastSize = m.size();
        });
    }
    int count = 0;
    size_t lastSize = 0;
};

bool waitIdle(JobRunner* runner)
{
    return QTest::qWaitFor([runner] { return !runner->isBusy(); }, 120000);
}

} // namespace

class TstSensitivityBox : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void columnEqualsCoreEnableOne()
    {
        QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
        QX_REQUIRE_SHARED(textPath, "text/tinystories-valid-head.txt");
        const auto model = openModel(path);
        PlanDocument doc;
        doc.setModel(model, QString::fromStdString(path));
        SchemePanel panel(&doc);
        TensorTreeModel tree;
        QAbstractItemModelTester tester(&tree);
        tree.setModelFile(model);
        tree.setPlan(&doc, nullptr);
        connect(&panel, &SchemePanel::sensitivityMeasured, &tree, &TensorTreeModel::setSensitivity);
        SensitivityBox* box = panel.sensitivityBox();
        box->setTextFile(QString::fromStdString(textPath));
        QVERIFY(box->selectType(QStringLiteral("Q4_K")));
        Counter measured(box);
        box->measure();
        QVERIFY(waitIdle(box->jobRunner()));
        QTRY_COMPARE_WITH_TIMEOUT(measured.count, 1, 5000);

        // The core on the same inputs: first 256 tokens with BOS, sequences of 128, Q4_K then its fallback.
        const std::vector<int32_t> tokens = firstTokens(*model, textPath, 256);
        QCOMPARE(tokens.size(), size_t(256));
        QCOMPARE(SensitivityBox::calibrationTokens(*model, textPath), tokens);
        const std::vector<TensorType> types{TensorType::Q4_K, TensorType::Q5_0, TensorType::F16};
        QCOMPARE(SensitivityBox::measuredTypes(*model, TensorType::Q4_K), types);
        const std::vector<MeasuredKld> core = measureEnableOne(model, tokens, 128, types, nullptr);
        QVERIFY(box->result());
        QCOMPARE(*box->result(), core);
        QCOMPARE(core.size(), size_t(37));  // 5 layers × 7 matrices, token_embd, output

        double maxKld = 0.0;
        for (const MeasuredKld& m : core) {
            QVERIFY2(m.kld > 0.0, m.tensor.c_str());
            // Q4_K cannot hold 64- or 172-wide rows: llama-quantize's fallbacks Q5_0, then F16 (ffn_down).
            QCOMPARE(m.type, m.tensor.find("ffn_down") != std::string::npos ? TensorType::F16 : TensorType::Q5_0);
            maxKld = std::max(maxKld, m.kld);
            const int t = int(std::find_if(model->tensors.begin(), model->tensors.end(),
                                           [&](const TensorInfo& i) { return i.name == m.tensor; }) - model->tensors.begin());
            const QModelIndex cell = tree.indexOfTensor(t, TensorTreeModel::SensitivityColumn);
            QCOMPARE(cell.data(TensorTreeModel::SortRole).toDouble(), m.kld);
            QVERIFY(!cell.data().toString().isEmpty());
        }
        qInfo("%zu tensors, max enable-one KLD at Q4_K (Q5_0/F16 fallback): %.6g nats", core.size(), maxKld);

        // Sorting by the column uses the raw number: the top tensor of a descending sort has the largest KLD.
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&tree);
        proxy.setSortRole(TensorTreeModel::SortRole);
        proxy.setRecursiveFilteringEnabled(true);
        proxy.sort(TensorTreeModel::SensitivityColumn, Qt::DescendingOrder);
        // Unmeasured rows (norms) hold no value; the measured ones must come in non-increasing order.
        int sortedGroups = 0;
        for (int g = 0; g < proxy.rowCount(); ++g) {
            const QModelIndex group = proxy.index(g, 0);
            std::vector<double> values;
            for (int r = 0; r < proxy.rowCount(group); ++r) {
                const QVariant v = proxy.index(r, TensorTreeModel::SensitivityColumn, group).data(TensorTreeModel::SortRole);
                if (v.isValid())
                    values.push_back(v.toDouble());
            }
            QVERIFY(std::is_sorted(values.rbegin(), values.rend()));
            sortedGroups += values.size() > 1;
        }
        const bool seen = sortedGroups >= 5;
        QVERIFY(seen);

        // Same (model, type, text): answered from the cache without a job.
        box->measure();
        QCOMPARE(measured.count, 2);
        QVERIFY(!box->jobRunner()->isBusy());
        QVERIFY(box->statusText().contains(QStringLiteral("cache")));

        if (const QByteArray dir = qgetenv("QX_SCREENSHOT_DIR"); !dir.isEmpty()) {
            grabTree(&tree, QString::fromLocal8Bit(dir));
            panel.resize(420, 760);
            panel.show();
            panel.grab().save(QDir(QString::fromLocal8Bit(dir)).filePath(QStringLiteral("sensitivity-panel.png")));
        }

        // A model change drops the column.
        doc.setModel(nullptr, {});
        QVERIFY(!box->result());
        QCOMPARE(measured.count, 3);
        QCOMPARE(measured.lastSize, size_t(0));
        QVERIFY(!tree.indexOfTensor(0, TensorTreeModel::SensitivityColumn).data(TensorTreeModel::SortRole).isValid());
    }

    void cancelEndsCancelled()
    {
        QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
        QX_REQUIRE_SHARED(textPath, "text/tinystories-valid-head.txt");
        PlanDocument doc;
        doc.setModel(openModel(path), QString::fromStdString(path));
        SensitivityBox box(&doc);
        box.setTextFile(QString::fromStdString(textPath));
        QVERIFY(box.selectType(QStringLiteral("Q8_0")));
        Counter measured(&box);
        std::vector<JobOutcome> finished;
        connect(box.jobRunner(), &JobRunner::finished, &box, [&finished](JobOutcome o) { finished.push_back(o); });
        connect(box.jobRunner(), &JobRunner::progressChanged, &box, [&box](double f) {
            if (f > 0.0)
                box.cancel();
        });
        box.measure();
        QVERIFY(waitIdle(box.jobRunner()));
        QTRY_COMPARE_WITH_TIMEOUT(int(finished.size()), 1, 5000);
        QVERIFY(finished.front() == JobOutcome::Cancelled);
        QCOMPARE(measured.count, 0);
        QVERIFY(!box.result());
        QVERIFY(box.statusText().contains(QStringLiteral("cancelled")));
    }

    void modelChangeDropsRunningJob()
    {
        QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
        QX_REQUIRE_SHARED(textPath, "text/tinystories-valid-head.txt");
        const auto model = openModel(path);
        PlanDocument doc;
        doc.setModel(model, QString::fromStdString(path));
        SensitivityBox box(&doc);
        box.setTextFile(QString::fromStdString(textPath));
        Counter measured(&box);
        box.measure();
        doc.setModel(model, QStringLiteral("/elsewhere/model.gguf"));  // same file under a new name: stale
        QVERIFY(waitIdle(box.jobRunner()));
        QTest::qWait(50);
        QCOMPARE(measured.count, 0);
        QVERIFY(!box.result());
    }

    void solverUsesMeasuredKld()
    {
        QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
        QX_REQUIRE_SHARED(textPath, "text/tinystories-valid-head.txt");
        const auto model = openModel(path);
        PlanDocument doc;
        doc.setModel(model, QString::fromStdString(path));
        SchemePanel panel(&doc);
        QSignalSpy ready(&panel, &SchemePanel::candidatesReady);
        QVERIFY(waitIdle(panel.jobRunner()));
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 5000);
        SensitivityBox* box = panel.sensitivityBox();
        box->setTextFile(QString::fromStdString(textPath));
        QVERIFY(box->selectType(QStringLiteral("Q3_K")));
        box->measure();
        QVERIFY(waitIdle(box->jobRunner()));
        QTRY_VERIFY_WITH_TIMEOUT(box->result() != nullptr, 5000);
        QCOMPARE(panel.solverTable(), panel.candidateTable());  // not asked for yet
        box->setUseInSolver(true);
        QVERIFY(panel.solverTable() != panel.candidateTable());
        const CandidateTable expected = calibrateLosses(*panel.candidateTable(), *box->result());
        QCOMPARE(panel.solverTable()->tensors.size(), expected.tensors.size());
        for (size_t i = 0; i < expected.tensors.size(); ++i)
            for (size_t o = 0; o < expected.tensors[i].options.size(); ++o)
                QCOMPARE(panel.solverTable()->tensors[i].options[o].loss, expected.tensors[i].options[o].loss);
        panel.setBudgetPosition(300);
        QVERIFY(panel.solverText().contains(QStringLiteral("KLD")));
        qInfo("%s", qPrintable(panel.solverText()));
        box->setUseInSolver(false);
        QCOMPARE(panel.solverTable(), panel.candidateTable());
    }

private:
    static void grabTree(TensorTreeModel* tree, const QString& dir)
    {
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(tree);
        proxy.setSortRole(TensorTreeModel::SortRole);
        QTreeView view;
        view.setModel(&proxy);
        view.setSortingEnabled(true);
        view.sortByColumn(TensorTreeModel::SensitivityColumn, Qt::DescendingOrder);
        view.expandAll();
        view.resize(1500, 700);
        view.header()->resizeSections(QHeaderView::ResizeToContents);
        view.show();
        QDir().mkpath(dir);
        view.grab().save(QDir(dir).filePath(QStringLiteral("sensitivity-tree.png")));
    }
};

QX_TEST_MAIN(TstSensitivityBox)
#include "tst_sensitivity_box.moc"
