#include "cli/model_arg.h"

#include "common/error.h"
#include "common/text_file.h"
#include "demo/demo_data.h"
#include "eval/held_out_figure.h"

#include <algorithm>

namespace qx::cli {

bool isDemoArg(const std::string& arg)
{
    return arg == kDemoModelName;
}

std::shared_ptr<const ModelFile> openModelArg(const std::string& arg)
{
    return isDemoArg(arg) ? openDemoModel() : openModel(arg);
}

Tokenizer openTokenizerArg(const std::string& arg)
{
    return isDemoArg(arg) ? Tokenizer::fromGguf(*openDemoModel()) : openTokenizer(arg);
}

std::string readTextArg(const std::string& path, const std::string& modelArg, TextRole role, const std::string& option)
{
    if (!path.empty())
        return readTextFile(path);
    if (!isDemoArg(modelArg))
        throw Error(ErrorCode::InvalidArgument, "no text given: use " + option + " (see --help)");
    return role == TextRole::Evaluation ? std::string(demoText()) : demoCalibrationText();
}

std::string textArgName(const std::string& path, const std::string& modelArg, TextRole role)
{
    if (!path.empty() || !isDemoArg(modelArg))
        return path;
    return role == TextRole::Evaluation ? "the demo's held-out text" : "the demo's training stories";
}

int64_t demoContext(int64_t fallback)
{
    const auto model = openDemoModel();
    if (const std::optional<HeldOutFigure> figure = heldOutFigure(*model))
        return figure->nCtx;
    return model->spec.contextLength > 0 ? std::min(fallback, model->spec.contextLength) : fallback;
}

} // namespace qx::cli
