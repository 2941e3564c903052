// llamaQuantizeCommand (declared in plan/presets.h): the llama-quantize invocation closest to a plan.
#include "common/error.h"
#include "plan/presets.h"

#include <algorithm>
#include <cctype>
#include <sstream>

namespace qx {
namespace {

std::string lower(std::string_view s)
{
    std::string out(s);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

/// Single-quotes for a POSIX shell when the word holds anything but safe characters.
std::string shellWord(const std::string& w)
{
    const bool safe = !w.empty() && std::all_of(w.begin(), w.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || std::string_view("-_./=:+,").find(c) != std::string_view::npos;
    });
    if (safe)
        return w;
    std::string out = "'";
    for (char c : w)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

/// A --tensor-type pattern matching exactly one name (dots escaped).
std::string exactPattern(const std::string& name)
{
    std::string out;
    for (char c : name)
        out += c == '.' ? std::string("\\.") : std::string(1, c);
    return out;
}

/// The preset the plan is based on: its own, or the one of its most common quantized type.
Preset basePreset(const ModelFile& model, const Plan& plan, bool& pure)
{
    std::string name = plan.preset.substr(0, plan.preset.find(" + "));
    pure = name.rfind("pure ", 0) == 0;
    if (pure)
        name = name.substr(5);
    if (const auto p = presetFromName(name))
        return *p;
    pure = false;
    const auto ftype = static_cast<Preset>(planFileType(model, plan));
    for (Preset p : allPresets())
        if (p == ftype)
            return p;
    return Preset::F32;
}

} // namespace

std::string llamaQuantizeCommand(const ModelFile& model, const Plan& plan, const std::string& outPath)
{
    bool pure = false;
    const Preset preset = basePreset(model, plan, pure);
    PresetOptions options;
    options.pure = pure;
    options.hasImatrix = !plan.imatrixPath.empty();
    const Plan base = planPreset(model, preset, options);
    std::ostringstream cmd;
    cmd << "llama-quantize";
    if (pure)
        cmd << " --pure";
    if (!plan.imatrixPath.empty())
        cmd << " --imatrix " << shellWord(plan.imatrixPath);
    std::ostringstream overrides;
    for (const PlanEntry& e : plan.entries) {
        const PlanEntry* b = base.find(e.tensor);
        if (b && b->type == e.type)
            continue;
        const std::string type = lower(tensorTypeName(e.type));
        if (e.tensor == "output.weight")
            cmd << " --output-tensor-type " << type;
        else if (e.tensor == "token_embd.weight")
            cmd << " --token-embedding-type " << type;
        else
            overrides << " --tensor-type " << shellWord(exactPattern(e.tensor) + "=" + type);
    }
    cmd << overrides.str() << " " << shellWord(model.path) << " " << shellWord(outPath) << " "
        << presetName(preset);
    return cmd.str();
}

} // namespace qx
