// The i-quants and ternary types in the GUI, on synth-d256 (rows of 256) and its llama.cpp imatrix.dat:
// the plan panel lists them and says which need importance data; an IQ mix without an importance matrix is
// refused before any evaluation runs (llama-quantize's reason, and "Compute Importance Matrix" offered);
// with imatrix.dat the preset is re-made with llama-quantize's imatrix rules (types equal to llama.cpp's
// mix-imatrix-IQ2_XXS.types.txt) and evaluates; the tensor views round-trip IQ2_XXS with the tensor's
// importance (error equal to the core's); the solver's candidates include the i-quants; and an importance
// matrix computed by the panel equals llama-imatrix's imatrix.dat.
#include "common/test_data.h"
#include "common/test_main.h"

#include "common/job_runner.h"
#include "evaluate/evaluate_panel.h"
#include "evaluate/runs_model.h"
#include "plan/plan_document.h"
#include "plan/scheme_panel.h"
#include "tensor/tensor_views.h"

#include "io/model_file.h"
#include "plan/candidates.h"
#include "plan/presets.h"
#include "quant/dequantize.h"
#include "quant/imatrix_file.h"
#include "quant/quantize.h"
#include "stats/error_metrics.h"

#include <QComboBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QtTest/QtTest>

#include <cmath>
#include <fstream>
#include <map>
#include <set>

using namespace qx;
using namespace qx::ui;

namespace {

bool waitIdle(JobRunner* runner)
{
    return QTest::qWaitFor([runner] { return !runner->isBusy(); }, 300000);
}

/// `tensor-name type` lines of a mix-imatrix-*.types.txt file, types upper-cased as we spell them.
std::map<std::string, std::string> readTypeList(const std::string& path)
{
    std::map<std::string, std::string> types;
    std::ifstream in(path);
    std::string name, type;
    while (in >> name >> type) {
        for (char& c : type)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        types[name] = type;
    }
    return types;
}

std::map<std::string, std::string> planTypes(const Plan& plan)
{
    std::map<std::string, std::string> types;
    for (const PlanEntry& e : plan.entries)
        types[e.tensor] = std::string(tensorTypeName(e.type));
    return types;
}

const TensorInfo& tensorNamed(const ModelFile& model, const std::string& name)
{
    for (const TensorInfo& t : model.tensors)
        if (t.name == name)
            return t;
    throw Error(ErrorCode::InvalidArgument, "no tensor " + name);
}

} // namespace

class TstIquantGui : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void formatListHasTheIquants();
    void iqMixNeedsAnImatrixBeforeEvaluating();
    void tensorViewsUseTheImportance();
    void solverCandidatesIncludeTheIquants();
    void computedImatrixEqualsLlamaImatrix();
};

void TstIquantGui::formatListHasTheIquants()
{
    QX_REQUIRE_SHARED(path, "reference/synth-d256/model-f32.gguf");
    QX_REQUIRE_SHARED(imatrix, "reference/synth-d256/imatrix.dat");
    PlanDocument doc;
    doc.setModel(openModel(path), QString::fromStdString(path));
    SchemePanel panel(&doc);
    for (const char* name : {"IQ3_S", "IQ3_XXS", "IQ2_S", "IQ2_XS", "IQ2_XXS", "IQ1_M", "IQ1_S", "TQ2_0", "TQ1_0"})
        QVERIFY2(panel.selectFormat(QString::fromLatin1(name)), name);
    QVERIFY(panel.formatNote().contains(QStringLiteral("blocks of 256 values")));
    QVERIFY(!panel.formatNote().contains(QStringLiteral("importance")));   // TQ1_0 needs none
    QVERIFY(panel.selectFormat(QStringLiteral("IQ2_XXS")));
    QVERIFY(panel.formatNote().contains(QStringLiteral("needs an importance matrix")));
    QCOMPARE(panel.imatrixText(), QStringLiteral("Importance matrix: none"));
    QVERIFY(panel.loadImatrix(QString::fromStdString(imatrix)));
    QVERIFY(panel.formatNote().contains(QStringLiteral("quantized with the importance matrix")));
    QCOMPARE(panel.imatrixText(), QStringLiteral("Importance matrix: imatrix.dat (28 matrices, 20 chunks)"));
    // A file that is not an importance matrix is refused; the one in use stays.
    QVERIFY(!panel.loadImatrix(QString::fromStdString(path)));
    QCOMPARE(doc.imatrixPath(), QString::fromStdString(imatrix));
}

void TstIquantGui::iqMixNeedsAnImatrixBeforeEvaluating()
{
    QX_REQUIRE_SHARED(path, "reference/synth-d256/model-f32.gguf");
    QX_REQUIRE_SHARED(imatrix, "reference/synth-d256/imatrix.dat");
    QX_REQUIRE_SHARED(typesPath, "reference/synth-d256/mix-imatrix-IQ2_XXS.types.txt");
    QX_REQUIRE_SHARED(textPath, "text/tinystories-valid-head.txt");
    const auto model = openModel(path);
    PlanDocument doc;
    doc.setModel(model, QString::fromStdString(path));
    EvaluatePanel panel;
    panel.setModel(model);
    panel.setTextFile(QString::fromStdString(textPath));
    panel.setContext(128, 4);
    panel.setPlanProvider([&doc] { return doc.planToUse(); });
    doc.applyPreset(Preset::IQ2_XXS);

    QSignalSpy started(panel.runner(), &JobRunner::started);
    QSignalSpy evaluated(&panel, &EvaluatePanel::evaluated);
    QSignalSpy asked(&panel, &EvaluatePanel::imatrixComputeRequested);
    panel.evaluate();
    QCOMPARE(started.size(), 0);     // refused before anything runs
    QVERIFY(panel.statusText().contains(QStringLiteral("is not evaluated")));
    QVERIFY(panel.statusText().contains(QStringLiteral("Missing importance matrix for tensor blk.0.attn_k.weight")));
    QVERIFY(!panel.computeImatrixButton()->isHidden());
    panel.computeImatrixButton()->click();
    QCOMPARE(asked.size(), 1);

    // With llama.cpp's imatrix the preset is made again under its imatrix rules: llama-quantize's types.
    doc.setImatrixFile(QString::fromStdString(imatrix));
    QCOMPARE(doc.state().origin, std::string("IQ2_XXS"));
    QCOMPARE(planTypes(doc.plan()), readTypeList(typesPath));
    QCOMPARE(doc.planToUse().imatrixPath, imatrix);
    panel.evaluate();
    QVERIFY(waitIdle(panel.runner()));
    QTRY_COMPARE_WITH_TIMEOUT(evaluated.size(), 1, 5000);
    const EvalRun& run = panel.runsModel()->runs().back();
    QCOMPARE(run.plan.imatrixPath, imatrix);
    QVERIFY(std::isfinite(run.eval.kldMean));
    QVERIFY(run.eval.kldMean > 1e-3);        // 2 bits per weight is far from lossless
    QVERIFY(panel.computeImatrixButton()->isHidden());

    // Without it again, the plan is refused again.
    doc.clearImatrix();
    QCOMPARE(doc.planToUse().imatrixPath, std::string());
    QVERIFY(!panel.importanceRefusal(doc.planToUse()).isEmpty());

    // IQ3_XXS's mix differs with an imatrix (attn_v, ffn_down): loading one re-makes it as llama-quantize does.
    QX_REQUIRE_SHARED(iq3Types, "reference/synth-d256/mix-imatrix-IQ3_XXS.types.txt");
    doc.applyPreset(Preset::IQ3_XXS);
    QCOMPARE(doc.plan().find("blk.0.ffn_down.weight")->type, TensorType::Q3_K);
    // its attn_q/attn_k are IQ2_S, which llama-quantize refuses without importance data
    QVERIFY(panel.importanceRefusal(doc.planToUse()).contains(QStringLiteral("(IQ2_S)")));
    doc.setImatrixFile(QString::fromStdString(imatrix));
    QCOMPARE(planTypes(doc.plan()), readTypeList(iq3Types));
}

void TstIquantGui::tensorViewsUseTheImportance()
{
    QX_REQUIRE_SHARED(path, "reference/synth-d256/model-f32.gguf");
    QX_REQUIRE_SHARED(imatrixPath, "reference/synth-d256/imatrix.dat");
    std::shared_ptr<const ModelFile> model = openModel(path);
    const TensorInfo& tensor = tensorNamed(*model, "blk.1.ffn_down.weight");
    TensorViews views;
    views.setModel(model);
    views.setCandidate(QStringLiteral("IQ2_XXS"));
    QSignalSpy finished(views.runner(), &JobRunner::finished);
    views.setTensor(QString::fromStdString(tensor.name));
    while (finished.size() < 2)
        QVERIFY(finished.wait(60000));
    QCOMPARE(finished.at(1).first().value<JobOutcome>(), JobOutcome::Failed);   // ggml cannot without importance
    QVERIFY(!views.analysis().has_value());

    const auto imatrix = std::make_shared<const ImatrixFile>(readImatrix(imatrixPath));
    QSignalSpy ready(&views, &TensorViews::analysisReady);
    views.setImatrix(imatrix);
    QVERIFY(ready.wait(60000));
    const std::vector<float> original = dequantizeTensor(tensor);
    const std::vector<float> importance = *imatrixImportanceFor(*imatrix, tensor.name, tensor.rowLength());
    std::vector<std::byte> blocks(*tensorBytes(TensorType::IQ2_XXS, tensor.elementCount()));
    quantizeRowsRef(TensorType::IQ2_XXS, original, tensor.rowLength(), blocks, importance);
    std::vector<float> back(original.size());
    dequantizeRowRef(TensorType::IQ2_XXS, blocks, back);
    QCOMPARE(views.analysis()->format.name(), std::string("IQ2_XXS"));
    QCOMPARE(views.analysis()->error, compareTensors(original, back));
    QVERIFY(views.analysis()->error.sqnrDb > 3.0);
    // TQ1_0 round-trips without importance data.
    views.setImatrix(nullptr);
    QSignalSpy again(&views, &TensorViews::analysisReady);
    views.setCandidate(QStringLiteral("TQ1_0"));
    QVERIFY(again.wait(60000));
    QCOMPARE(views.analysis()->format.name(), std::string("TQ1_0"));
}

void TstIquantGui::solverCandidatesIncludeTheIquants()
{
    QX_REQUIRE_SHARED(path, "reference/synth-d256/model-f32.gguf");
    QX_REQUIRE_SHARED(imatrix, "reference/synth-d256/imatrix.dat");
    PlanDocument doc;
    doc.setModel(openModel(path), QString::fromStdString(path));
    SchemePanel panel(&doc);
    QVERIFY(waitIdle(panel.jobRunner()));
    QTRY_VERIFY_WITH_TIMEOUT(panel.candidateTable() != nullptr, 5000);
    const auto typesOf = [&panel](const std::string& tensor) {
        std::set<TensorType> types;
        for (const CandidateOption& o : panel.candidateTable()->find(tensor)->options)
            types.insert(o.type);
        return types;
    };
    std::set<TensorType> types = typesOf("blk.0.ffn_down.weight");
    QVERIFY(types.count(TensorType::IQ3_XXS) && types.count(TensorType::IQ3_S) && types.count(TensorType::TQ1_0));
    QVERIFY(!types.count(TensorType::IQ2_XXS) && !types.count(TensorType::IQ2_S));  // refused without an imatrix

    QSignalSpy ready(&panel, &SchemePanel::candidatesReady);
    QVERIFY(panel.loadImatrix(QString::fromStdString(imatrix)));
    QVERIFY(waitIdle(panel.jobRunner()));
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 5000);
    types = typesOf("blk.0.ffn_down.weight");
    for (TensorType t : {TensorType::IQ2_XXS, TensorType::IQ2_XS, TensorType::IQ2_S, TensorType::IQ1_S, TensorType::IQ1_M})
        QVERIFY2(types.count(t), tensorTypeName(t).data());
    QVERIFY(!typesOf("output.weight").count(TensorType::IQ2_XXS));   // imatrix.dat has no entry for it
    // The solver now reaches 2 bits/weight.
    panel.setBudgetTarget(2.2);
    QVERIFY(doc.totals().bitsPerWeight < 2.3);
    int iquants = 0;
    for (const PlanEntry& e : doc.plan().entries)
        iquants += e.type == TensorType::IQ2_XXS || e.type == TensorType::IQ2_XS || e.type == TensorType::IQ1_S
                   || e.type == TensorType::IQ1_M || e.type == TensorType::IQ2_S;
    QVERIFY(iquants > 0);
}

void TstIquantGui::computedImatrixEqualsLlamaImatrix()
{
    QX_REQUIRE_SHARED(path, "reference/synth-d256/model-f32.gguf");
    QX_REQUIRE_SHARED(imatrix, "reference/synth-d256/imatrix.dat");
    QX_REQUIRE_SHARED(textPath, "text/tinystories-valid-head.txt");
    PlanDocument doc;
    doc.setModel(openModel(path), QString::fromStdString(path));
    SchemePanel panel(&doc);
    QSignalSpy computed(&panel, &SchemePanel::imatrixComputed);
    panel.computeImatrix(QString::fromStdString(textPath), 128, 20);   // imatrix.dat's -c 128 --chunks 20
    QVERIFY(waitIdle(panel.jobRunner()));
    QTRY_COMPARE_WITH_TIMEOUT(computed.size(), 1, 5000);
    QCOMPARE(computed.first().first().toBool(), true);
    QVERIFY(doc.imatrix() != nullptr);
    const ImatrixFile reference = readImatrix(imatrix);
    QCOMPARE(doc.imatrix()->entries.size(), reference.entries.size());
    for (const ImatrixEntry& e : reference.entries) {
        const ImatrixEntry* ours = doc.imatrix()->find(e.name);
        QVERIFY2(ours, e.name.c_str());
        QCOMPARE(ours->ncall, e.ncall);
        QCOMPARE(ours->values.size(), e.values.size());
        for (size_t i = 0; i < e.values.size(); ++i)   // float sums in another order: a few ulps apart
            QVERIFY2(std::fabs(ours->values[i] - e.values[i]) <= 1e-3f * std::fabs(e.values[i]) + 1e-6f, e.name.c_str());
    }
}

QX_TEST_MAIN(TstIquantGui)
#include "tst_iquant_gui.moc"
