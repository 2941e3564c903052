#include "plan/plan_schemes.h"

#include "common/atomic_file.h"
#include "common/error.h"
#include "common/text_file.h"
#include "io/json_file.h"
#include "quant/scheme_choice_json.h"

#include <fstream>
#include <sstream>

namespace qx {

std::string planToJson(const Plan& plan, const SchemeChoices& schemes)
{
    if (schemes.empty())
        return planToJson(plan);
    nlohmann::ordered_json j = nlohmann::ordered_json::parse(planToJson(plan));
    auto& member = j["schemes"] = nlohmann::ordered_json::object();
    for (const auto& [tensor, choice] : schemes)
        member[tensor] = schemeChoiceJson(choice);
    return j.dump(2) + "\n";
}

PlanWithSchemes planWithSchemesFromJson(std::string_view text, const std::string& fileName)
{
    PlanWithSchemes out;
    out.plan = planFromJson(text, fileName);
    const nlohmann::json j = parseJsonText(text, fileName, 0, true);
    if (!j.contains("schemes") || j["schemes"].is_null())
        return out;
    const auto& schemes = j["schemes"];
    if (!schemes.is_object())
        throw Error(ErrorCode::Invalid, fileName, kNoOffset, "\"schemes\" is not an object");
    for (const auto& [tensor, value] : schemes.items()) {
        const std::string where = "schemes[\"" + tensor + "\"]";
        if (!out.plan.find(tensor))
            throw Error(ErrorCode::Invalid, fileName, kNoOffset, where + ": the plan has no tensor of that name");
        out.schemes[tensor] = schemeChoiceFromJsonValue(value, fileName, where);
    }
    return out;
}

void savePlan(const std::string& path, const Plan& plan, const SchemeChoices& schemes)
{
    const std::string text = planToJson(plan, schemes);
    writeFileAtomically(path, text);
}

PlanWithSchemes loadPlanWithSchemes(const std::string& path)
{
    return planWithSchemesFromJson(readTextFile(path, kMaxPlanBytes), path);
}

void validatePlanWithSchemes(const ModelFile& model, const PlanWithSchemes& plan)
{
    validatePlan(model, plan.plan);
    for (const auto& [tensor, choice] : plan.schemes) {
        const TensorInfo* t = model.findTensor(tensor);
        if (!t)
            throw Error(ErrorCode::Mismatch, "scheme for " + tensor + ": the model has no such tensor");
        const FormatFit fit = schemeChoiceFit(choice, t->rowLength());
        if (!fit.fits)
            throw Error(ErrorCode::Mismatch, "scheme " + schemeChoiceName(choice) + " for " + tensor + ": " + fit.reason);
    }
}

} // namespace qx
