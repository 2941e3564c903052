#include "common/error.h"
#include "common/test_main.h"
#include "io/model_file.h"
#include "quant/dequantize.h"
#include "stats/stats_report.h"

#include <QtTest/QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <vector>

namespace {

qx::TensorInfo f32Tensor(const std::string& name, std::vector<int64_t> ne, const std::vector<float>& values)
{
    qx::TensorInfo t;
    t.name = t.originalName = name;
    t.ne = std::move(ne);
    t.type = qx::TensorType::F32;
    t.nbytes = values.size() * 4;
    t.data = std::as_bytes(std::span<const float>(values));
    return t;
}

} // namespace

class TestStatsReport : public QObject {
    Q_OBJECT
private slots:
    void selectsByRegexAndRenders()
    {
        const std::vector<float> a{1, 2, 3, 4, 5, 6}, b{-1, 1};
        qx::ModelFile m;
        m.path = "synthetic.gguf";
        m.tensors.push_back(f32Tensor("blk.0.attn_q.weight", {3, 2}, a));
        m.tensors.push_back(f32Tensor("blk.0.attn_norm.weight", {2}, b));
        const auto all = qx::computeModelStats(m, "");
        QCOMPARE(all.size(), size_t(2));
        QVERIFY(all[0].decoded);
        QCOMPARE(all[0].stats.mean, 3.5);
        QCOMPARE(all[1].stats.absMax, 1.0);
        const auto only = qx::computeModelStats(m, "attn_q");
        QCOMPARE(only.size(), size_t(1));
        QCOMPARE(only[0].name, std::string("blk.0.attn_q.weight"));

        const std::string text = qx::modelStatsText(all);
        QVERIFY(text.find("blk.0.attn_q.weight") != std::string::npos);
        QVERIFY(text.find("3 x 2") != std::string::npos);
        QCOMPARE(std::count(text.begin(), text.end(), '\n'), 3L);

        const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(qx::modelStatsJson(all, m.path)));
        QVERIFY(doc.isObject());
        QCOMPARE(doc["model"].toString(), QString("synthetic.gguf"));
        const auto t0 = doc["tensors"].toArray()[0].toObject();
        QCOMPARE(t0["type"].toString(), QString("F32"));
        QCOMPARE(t0["shape"].toArray()[1].toInt(), 2);
        const auto s = t0["stats"].toObject();
        QCOMPARE(s["mean"].toDouble(), 3.5);
        QCOMPARE(s["column_abs_max"].toArray().size(), 3);
        QCOMPARE(s["row_abs_max"].toArray()[1].toDouble(), 6.0);
        // values 1..6 on 256 bins: bins of 2^-5, keys 32..192
        QCOMPARE(s["histogram"].toObject()["counts"].toArray().size(), 161);
    }
    void undecodableTypesAreListed()
    {
        std::optional<qx::TensorType> undecodable;
        for (uint32_t id = 0; id < qx::kGgmlTypeCount && !undecodable; ++id)
            if (const auto* info = qx::ggmlTypeInfo(id); info && !qx::canDequantize(info->type))
                undecodable = info->type;
        if (!undecodable)
            QSKIP("every type decodes");
        const auto* info = qx::tensorTypeInfo(*undecodable);
        std::vector<std::byte> bytes(info->typeSize);
        qx::TensorInfo t;
        t.name = "x";
        t.ne = {int64_t(info->blockSize)};
        t.type = *undecodable;
        t.data = bytes;
        qx::ModelFile m;
        m.tensors.push_back(t);
        const auto e = qx::computeModelStats(m, "");
        QVERIFY(!e[0].decoded);
        QVERIFY(e[0].skipReason.find("not decodable") != std::string::npos);
        const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(qx::modelStatsJson(e, "m")));
        QVERIFY(doc["tensors"].toArray()[0].toObject().contains("skipped"));
    }
    void stopsWhenProgressSaysStop()
    {
        std::vector<float> values(4096);
        for (size_t i = 0; i < values.size(); ++i)
            values[i] = static_cast<float>(i % 7) - 3.f;
        qx::ModelFile m;
        m.tensors.push_back(f32Tensor("a", {64, 64}, values));
        m.tensors.push_back(f32Tensor("b", {64, 64}, values));
        int calls = 0;
        const qx::ProgressFn stopAtOnce = [&](double) { return ++calls < 1; };
        try {
            qx::computeModelStats(m, "", {}, stopAtOnce);
            QFAIL("computeModelStats went on after its progress asked it to stop");
        } catch (const qx::Error& e) {
            QCOMPARE(e.code(), qx::ErrorCode::Cancelled);
        }
        QCOMPARE(calls, 1);   // the first report stopped it: the second tensor was never started
    }
    void badRegexIsAnError()
    {
        qx::ModelFile m;
        QVERIFY_THROWS_EXCEPTION(qx::Error, qx::computeModelStats(m, "(["));
    }
};

QX_TEST_APPLESS_MAIN(TestStatsReport)
#include "tst_stats_report.moc"
