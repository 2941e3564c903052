#include "common/test_main.h"
#include "fake_model.h"
#include "start/metadata_table_model.h"
#include "start/model_description.h"

#include <QAbstractItemModelTester>
#include <QtTest/QtTest>

using namespace qx;
using namespace qx::ui;

class TestMetadataTableModel : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void passesModelTesterAndSummarisesArrays()
    {
        MetadataTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setModelFile(test::fakeModel(2));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, MetadataTableModel::KeyColumn).data().toString(), QStringLiteral("general.architecture"));
        QCOMPARE(model.index(0, MetadataTableModel::TypeColumn).data().toString(), QStringLiteral("str"));
        QCOMPARE(model.index(0, MetadataTableModel::ValueColumn).data().toString(), QStringLiteral("“llama”"));
        QCOMPARE(model.index(1, MetadataTableModel::ValueColumn).data().toString(), QStringLiteral("2"));
        QCOMPARE(model.index(2, MetadataTableModel::TypeColumn).data().toString(), QStringLiteral("array[str]"));
        QCOMPARE(model.index(2, MetadataTableModel::ValueColumn).data().toString(),
                 QStringLiteral("32 × str: “tok0”, “tok1”, “tok2”, “tok3”, “tok4”, “tok5”, …"));
        model.setModelFile(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }

    void valuesNeverThrow()
    {
        // A type field that disagrees with the stored alternative (as a hostile file could produce).
        GgufValue odd;
        odd.type = GgufType::String;
        odd.value = uint64_t{7};
        QCOMPARE(MetadataTableModel::valueText(odd), QStringLiteral("7"));
        QCOMPARE(MetadataTableModel::valueText(GgufValue::u64(18446744073709551615ull)), QStringLiteral("18446744073709551615"));
        QCOMPARE(MetadataTableModel::valueText(GgufValue::f32(0.5f)), QStringLiteral("0.5"));
        QCOMPARE(MetadataTableModel::valueText(GgufValue::boolean(true)), QStringLiteral("true"));
        const GgufValue nested = GgufValue::array(GgufType::Array, {GgufValue::array(GgufType::U8, {})});
        QCOMPARE(MetadataTableModel::valueText(nested), QStringLiteral("1 × arr: […]"));
        QCOMPARE(MetadataTableModel::valueText(GgufValue::string(std::string(200, 'x'))).size(), 123);  // 120 + quotes + …
    }

    void describesModel()
    {
        const auto m = test::fakeModel(2);
        QCOMPARE(ModelDescription::formatText(*m), QStringLiteral("GGUF v3"));
        QCOMPARE(ModelDescription::displayName(*m), QStringLiteral("fake"));
        QCOMPARE(ModelDescription::bitsPerWeight(*m), 8.0 * 3200 / 1304);
        QCOMPARE(ModelDescription::tokenizerText(m->tokenizer), QStringLiteral("SentencePiece (llama), 32 tokens"));
        QCOMPARE(ModelDescription::tokenizerText({}), QStringLiteral("no tokenizer in this model"));
        const QStringList names{QStringLiteral("blk.0.attn_q.weight"), QStringLiteral("blk.1.attn_q.weight"),
                                QStringLiteral("no.such.tensor")};
        QCOMPARE(ModelDescription::selectionLine(*m, names), QStringLiteral("Selected tensors: 2 · 512 parameters · 544 B"));
        QCOMPARE(ModelDescription::selectionLine(*m, {}), QString());
    }
};

QX_TEST_MAIN(TestMetadataTableModel)
#include "tst_metadata_table_model.moc"
