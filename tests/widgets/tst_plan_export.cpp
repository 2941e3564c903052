// Exporting the plan document from the GUI side on stories260K: the written file has exactly the predicted
// size and the planned types, the model itself is never overwritten, and schemes without a GGUF type are
// named before export.

#include "common/test_data.h"
#include "common/test_main.h"

#include "common/job_runner.h"
#include "plan/plan_document.h"
#include "plan/plan_export.h"

#include "io/model_file.h"
#include "plan/plan.h"
#include "plan/presets.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest/QtTest>

using namespace qx;

namespace {

struct Fixture {
    std::shared_ptr<const ModelFile> model;
    ui::PlanDocument document;
    ui::JobRunner runner;
    ui::PlanExport exporter{&document, &runner, nullptr};

    explicit Fixture(const std::string& path) : model(openModel(path))
    {
        document.setModel(model, QFileInfo(QString::fromStdString(path)).absoluteFilePath());
    }

    /// Runs exportTo and returns the finished() arguments.
    QList<QVariant> exportTo(const QString& path)
    {
        QSignalSpy done(&exporter, &ui::PlanExport::finished);
        exporter.exportTo(path);
        if (!done.wait(60000))
            return {};
        return done.takeFirst();
    }
};

} // namespace

class TestPlanExport : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void writesThePredictedFile()
    {
        QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
        Fixture f(path);
        f.document.applyPreset(Preset::Q8_0);
        QVERIFY(f.exporter.suggestedFileName().endsWith(QStringLiteral("/stories260K-Q8_0.gguf")));
        const QString out = QString::fromStdString(test::scratchDir("plan_export")) + QStringLiteral("/q8.gguf");
        QFile::remove(out);
        const QList<QVariant> result = f.exportTo(out);
        QCOMPARE(result.size(), 3);
        QCOMPARE(result[0].value<ui::JobOutcome>(), ui::JobOutcome::Completed);
        QVERIFY2(result[2].toString().contains(QStringLiteral("verified")), qPrintable(result[2].toString()));
        QCOMPARE(static_cast<uint64_t>(QFileInfo(out).size()), predictedFileSize(*f.model, f.document.plan()));
        QVERIFY(!QFileInfo::exists(out + QStringLiteral(".partial")));

        const auto written = openModel(out.toStdString());
        int q8 = 0;
        for (const PlanEntry& e : f.document.plan().entries) {
            const TensorInfo* t = written->findTensor(e.tensor);
            QVERIFY2(t, e.tensor.c_str());
            QCOMPARE(t->type, e.type);
            q8 += e.type == TensorType::Q8_0;
        }
        QVERIFY(q8 > 0);  // ffn_down (rows of 172) stays as stored, the others are Q8_0
    }

    void refusesToOverwriteTheModel()
    {
        QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
        Fixture f(path);
        f.document.applyPreset(Preset::Q8_0);
        const qint64 sizeBefore = QFileInfo(QString::fromStdString(path)).size();
        const QList<QVariant> result = f.exportTo(QString::fromStdString(path));
        QCOMPARE(result.size(), 3);
        QCOMPARE(result[0].value<ui::JobOutcome>(), ui::JobOutcome::Failed);
        QVERIFY2(result[2].toString().contains(QStringLiteral("failed")), qPrintable(result[2].toString()));
        QCOMPARE(QFileInfo(QString::fromStdString(path)).size(), sizeBefore);
        QVERIFY(openModel(path)->tensors.size() == f.model->tensors.size());
    }

    void namesSchemesWithoutGgufType()
    {
        QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
        Fixture f(path);
        QVERIFY(f.exporter.notExportableText().isEmpty());
        f.document.setScheme({QStringLiteral("blk.0.attn_q.weight")}, SchemeId::Nf4);
        const QString text = f.exporter.notExportableText();
        QVERIFY2(text.contains(QStringLiteral("blk.0.attn_q.weight")) && text.contains(QStringLiteral("not exportable")),
                 qPrintable(text));
    }
};

QX_TEST_MAIN(TestPlanExport)
#include "tst_plan_export.moc"
