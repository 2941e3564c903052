// Access to the blobs of demo_blobs.S.
#include "demo/demo_data.h"

#include "io/gguf_reader.h"
#include "io/model_file.h"
#include "train/story_corpus.h"

extern "C" {
extern const char qx_demo_model_begin[];
extern const char qx_demo_model_end[];
extern const char qx_demo_text_begin[];
extern const char qx_demo_text_end[];
}

namespace qx {

std::span<const std::byte> demoModelBytes()
{
    return {reinterpret_cast<const std::byte*>(qx_demo_model_begin),
            static_cast<size_t>(qx_demo_model_end - qx_demo_model_begin)};
}

std::string_view demoText()
{
    return {qx_demo_text_begin, static_cast<size_t>(qx_demo_text_end - qx_demo_text_begin)};
}

std::shared_ptr<const ModelFile> openDemoModel()
{
    return std::make_shared<const ModelFile>(parseGguf(demoModelBytes(), std::string(kDemoModelName)));
}

std::string demoCalibrationText(int64_t stories)
{
    const auto model = openDemoModel();
    const GgufValue* seed = model->findMetadata("qexplore.train.seed");
    StoryCorpusOptions corpus;
    corpus.seed = seed && seed->isInteger() ? static_cast<uint64_t>(seed->toInt()) : 1;
    corpus.trainStories = stories;
    return storyCorpus(corpus, CorpusSplit::Train);
}

} // namespace qx
