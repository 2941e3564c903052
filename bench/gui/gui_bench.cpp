// gui_bench: how fast the explorer's views come up on a big model. Targets (issue 6): the tensor tree of a
// 13 GB 7B-shaped model is visible in < 1 s, and the histogram of a 4096 × 11008 tensor appears in < 150 ms.
//
//   gui_bench MODEL.gguf    measures MODEL.gguf (tree, then the histogram of blk.0.ffn_up.weight)
//   gui_bench [DIR [--keep]] writes a 7B-shaped F16 model (as open_bench does) into DIR (default: the temp
//                           dir), measures it, then deletes it (kept with --keep); skips with a message when
//                           DIR has < 15 GB free
// Runs offscreen unless QT_QPA_PLATFORM says otherwise.
#include "../synth_7b.h"
#include "io/model_file.h"
#include "io/synth_model.h"
#include "tensor/tensor_tree_model.h"
#include "tensor/tensor_views.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTreeView>

#include <cstdio>
#include <filesystem>
#include <unistd.h>

namespace {

int measure(const std::string& path, const std::string& tensorName)
{
    QElapsedTimer clock;
    clock.start();
    std::shared_ptr<const qx::ModelFile> model = qx::openModel(path);
    qx::ui::TensorTreeModel treeModel;
    treeModel.setModelFile(model);
    QTreeView tree;
    tree.setModel(&treeModel);
    tree.resize(900, 700);
    tree.show();
    QCoreApplication::processEvents();
    (void)tree.grab();  // forces a full paint, as the first frame on screen would
    const double treeMs = clock.nsecsElapsed() / 1e6;
    std::printf("%s: %zu tensors, %.2f GB\n", path.c_str(), model->tensors.size(), model->totalTensorBytes() / 1e9);
    std::printf("  tree visible in %.1f ms (target < 1000 ms, ratio %.3f)\n", treeMs, treeMs / 1000.0);

    qx::ui::TensorViews views;
    views.resize(1100, 700);
    views.show();
    views.setModel(model);
    QCoreApplication::processEvents();
    const auto* t = model->findTensor(tensorName);
    for (int run = 0; run < 3; ++run) {
        QSignalSpy shown(&views, &qx::ui::TensorViews::histogramShown);
        QSignalSpy exact(&views, &qx::ui::TensorViews::statsReady);
        views.setTensor({});
        clock.restart();
        views.setTensor(QString::fromStdString(tensorName));
        if (!shown.wait(60000)) {
            std::printf("  histogram: no result within 60 s\n");
            return 1;
        }
        (void)views.grab();  // the histogram painted
        const double ms = clock.nsecsElapsed() / 1e6;
        const long long stride = static_cast<long long>(views.histogramStride());
        if (exact.isEmpty() && !exact.wait(60000))
            return 1;
        (void)views.grab();
        const double exactMs = clock.nsecsElapsed() / 1e6;
        std::printf("  histogram of %s (%lld x %lld, %s) on screen in %.1f ms (%s; target < 150 ms, ratio %.3f); "
                    "exact statistics on screen in %.1f ms\n",
                    tensorName.c_str(), static_cast<long long>(t->ne[0]), static_cast<long long>(t->ne[1]),
                    std::string(qx::tensorTypeName(t->type)).c_str(), ms,
                    stride > 1 ? ("preview from 1 row in " + std::to_string(stride)).c_str() : "exact", ms / 150.0,
                    exactMs);
    }
    return 0;
}

int makeAndMeasure(const std::filesystem::path& parent, bool keep)
{
    const std::filesystem::space_info space = std::filesystem::space(parent);
    if (space.available < 15ull * 1000 * 1000 * 1000) {
        std::printf("gui_bench: skipped, %s has %.1f GB free (needs 15 GB for the 13 GB model)\n",
                    parent.string().c_str(), space.available / 1e9);
        return 0;
    }
    const std::filesystem::path dir = parent / ("qx-gui-bench-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const qx::SynthOptions o = qx::bench::synth7bOptions(dir);
    const std::string path = (dir / "synth-7b-f16.gguf").string();
    QElapsedTimer clock;
    clock.start();
    const uint64_t size = qx::writeSynthModel(o, path);
    std::printf("wrote %s: %.2f GB in %.1f s\n", path.c_str(), size / 1e9, clock.elapsed() / 1000.0);
    std::fflush(stdout);
    int rc = 1;
    try {
        rc = measure(path, "blk.0.ffn_up.weight");
    } catch (...) {
        if (!keep)
            std::filesystem::remove_all(dir);
        throw;
    }
    if (keep)
        std::printf("kept %s\n", path.c_str());
    else
        std::filesystem::remove_all(dir);
    return rc;
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    try {
        const std::string arg = argc > 1 ? argv[1] : "";
        if (!arg.empty() && std::filesystem::is_regular_file(arg))
            return measure(arg, argc > 2 ? argv[2] : "blk.0.ffn_up.weight");
        const bool keep = argc > 2 && std::string(argv[2]) == "--keep";
        return makeAndMeasure(arg.empty() ? std::filesystem::temp_directory_path() : std::filesystem::path(arg), keep);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "gui_bench: %s\n", e.what());
        return 1;
    }
}
