#include "common/test_main.h"
#include "fake_model.h"
#include "tensor/tensor_filter_proxy.h"
#include "tensor/tensor_tree_model.h"

#include <QAbstractItemModelTester>
#include <QtTest/QtTest>

using namespace qx;
using namespace qx::ui;

class TestTensorTreeModel : public QObject {
    Q_OBJECT

    static QStringList childNames(const QAbstractItemModel& m, const QModelIndex& parent)
    {
        QStringList names;
        for (int r = 0; r < m.rowCount(parent); ++r)
            names << m.index(r, TensorTreeModel::NameColumn, parent).data().toString();
        return names;
    }

private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void layerOfTensorParsesNames()
    {
        QCOMPARE(layerOfTensor("blk.0.attn_q.weight"), 0);
        QCOMPARE(layerOfTensor("blk.12.ffn_up.weight"), 12);
        QCOMPARE(layerOfTensor("token_embd.weight"), -1);
        QCOMPARE(layerOfTensor("blk.x.attn_q.weight"), -1);
        QCOMPARE(layerOfTensor("blk.7x.weight"), -1);
        QCOMPARE(layerOfTensor("blk.99999999999999.w"), -1);  // overflow is not a layer
    }

    void passesModelTester()
    {
        TensorTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setModelFile(test::fakeModel(3));
        TensorFilterProxy proxy;
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        proxy.setPattern(QStringLiteral("attn"));
        proxy.sort(TensorTreeModel::SizeColumn, Qt::DescendingOrder);
        model.setModelFile(test::fakeModel(1));
        model.setModelFile(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }

    void groupsGlobalThenLayers()
    {
        TensorTreeModel model;
        model.setModelFile(test::fakeModel(2));
        QCOMPARE(model.groupCount(), 3);
        QCOMPARE(model.tensorCount(), 9);
        QCOMPARE(childNames(model, {}), (QStringList{QStringLiteral("global"), QStringLiteral("blk.0"), QStringLiteral("blk.1")}));
        QCOMPARE(childNames(model, model.index(0, 0)),
                 (QStringList{QStringLiteral("token_embd.weight"), QStringLiteral("output_norm.weight"),
                              QStringLiteral("output.weight")}));
        const QModelIndex q = model.index(1, 0, model.index(1, 0));
        QCOMPARE(QString::fromStdString(model.tensorAt(q)->name), QStringLiteral("blk.0.attn_q.weight"));
        QCOMPARE(model.index(1, TensorTreeModel::ShapeColumn, model.index(1, 0)).data().toString(), QStringLiteral("32 × 8"));
        QCOMPARE(model.index(1, TensorTreeModel::TypeColumn, model.index(1, 0)).data().toString(), QStringLiteral("Q8_0"));
        QCOMPARE(model.index(1, TensorTreeModel::ParametersColumn, model.index(1, 0)).data().toString(), QStringLiteral("256"));
        QCOMPARE(model.index(1, TensorTreeModel::BitsColumn, model.index(1, 0)).data().toString(), QStringLiteral("8.50"));
        // Group rows carry totals: blk.0 = 8 + 256 + 128 parameters, 32 + 272 + 256 bytes.
        QCOMPARE(model.index(1, TensorTreeModel::ParametersColumn).data(TensorTreeModel::SortRole).toULongLong(), 392ull);
        QCOMPARE(model.index(1, TensorTreeModel::SizeColumn).data(TensorTreeModel::SortRole).toULongLong(), 560ull);
        QCOMPARE(model.index(1, TensorTreeModel::TypeColumn).data().toString(), QStringLiteral("mixed"));
        QCOMPARE(model.index(0, TensorTreeModel::TypeColumn).data().toString(), QStringLiteral("F32"));
    }

    void sortsBySizeNumerically()
    {
        auto m = std::make_shared<ModelFile>();
        m->tensors.push_back(test::fakeTensor("blk.0.a", {999}, TensorType::I8, 999));
        m->tensors.push_back(test::fakeTensor("blk.0.b", {1000}, TensorType::I8, 1000));
        m->tensors.push_back(test::fakeTensor("blk.0.c", {20}, TensorType::I8, 20));
        TensorTreeModel model;
        model.setModelFile(m);
        TensorFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.sort(TensorTreeModel::SizeColumn, Qt::AscendingOrder);
        const QModelIndex group = proxy.index(0, 0);
        QStringList sizes;
        for (int r = 0; r < proxy.rowCount(group); ++r)
            sizes << proxy.index(r, TensorTreeModel::SizeColumn, group).data().toString();
        // As text, "1000 B" < "20 B" < "999 B"; by SortRole it is 20 < 999 < 1000.
        QCOMPARE(sizes, (QStringList{QStringLiteral("20 B"), QStringLiteral("999 B"), QStringLiteral("1000 B")}));
        proxy.sort(TensorTreeModel::SizeColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, TensorTreeModel::NameColumn, proxy.index(0, 0)).data().toString(), QStringLiteral("blk.0.b"));
    }

    void sortsLayersNumerically()
    {
        TensorTreeModel model;
        model.setModelFile(test::fakeModel(12));
        TensorFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.sort(TensorTreeModel::NameColumn, Qt::AscendingOrder);
        QCOMPARE(proxy.index(2, 0).data().toString(), QStringLiteral("blk.1"));
        QCOMPARE(proxy.index(3, 0).data().toString(), QStringLiteral("blk.2"));  // not blk.10
        QCOMPARE(proxy.index(12, 0).data().toString(), QStringLiteral("blk.11"));
    }

    void filterKeepsMatchesAndParents()
    {
        TensorTreeModel model;
        model.setModelFile(test::fakeModel(2));
        TensorFilterProxy proxy;
        proxy.setSourceModel(&model);
        QVERIFY(proxy.setPattern(QStringLiteral("attn_q")));
        QCOMPARE(childNames(proxy, {}), (QStringList{QStringLiteral("blk.0"), QStringLiteral("blk.1")}));
        QCOMPARE(childNames(proxy, proxy.index(1, 0)), QStringList{QStringLiteral("blk.1.attn_q.weight")});
        QCOMPARE(proxy.visibleTensorCount(), 2);

        QVERIFY(proxy.setPattern(QStringLiteral("^OUTPUT")));  // case-insensitive
        QCOMPARE(childNames(proxy, {}), QStringList{QStringLiteral("global")});
        QCOMPARE(proxy.visibleTensorCount(), 2);

        QVERIFY(proxy.setPattern(QStringLiteral("^blk\\.1$")));  // a matching group keeps all its tensors
        QCOMPARE(proxy.visibleTensorCount(), 3);

        QVERIFY(!proxy.setPattern(QStringLiteral("attn_(q")));  // invalid: previous filter stays
        QCOMPARE(proxy.visibleTensorCount(), 3);
        QVERIFY(proxy.setPattern(QString()));
        QCOMPARE(proxy.visibleTensorCount(), 9);
    }
};

QX_TEST_MAIN(TestTensorTreeModel)
#include "tst_tensor_tree_model.moc"
