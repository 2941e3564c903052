#include "plan/plan.h"

#include "common/atomic_file.h"
#include "common/error.h"
#include "common/text_file.h"
#include "io/json_file.h"
#include "quant/dequantize.h"
#include "quant/quantize.h"

#include <fstream>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

namespace qx {
namespace {

constexpr const char* kSchema = "qexplore-plan";
constexpr int kVersion = 1;

[[noreturn]] void bad(const std::string& file, const std::string& message)
{
    throw Error(ErrorCode::Invalid, file, kNoOffset, message);
}

[[noreturn]] void mismatch(const std::string& message) { throw Error(ErrorCode::Mismatch, message); }

PlanEntry entryFromJson(const nlohmann::json& j, size_t index, const std::string& file)
{
    const std::string at = "tensors[" + std::to_string(index) + "]";
    if (!j.is_object())
        bad(file, at + " is not an object");
    PlanEntry e;
    const auto name = jsonString(j, "name", file);
    const auto type = jsonString(j, "type", file);
    if (!name || name->empty())
        bad(file, at + ": missing \"name\"");
    if (!type)
        bad(file, at + " (" + *name + "): missing \"type\"");
    const auto parsed = tensorTypeFromName(*type);
    const TensorTypeInfo* parsedInfo = parsed ? tensorTypeInfo(*parsed) : nullptr;
    if (!parsed || (parsedInfo ? !parsedInfo->isGgml : !isForeignGgufTypeId(uint32_t(*parsed))))
        bad(file, at + " (" + *name + "): unknown GGUF type \"" + *type + "\"");
    e.tensor = *name;
    e.type = *parsed;
    e.reason = jsonString(j, "reason", file).value_or("");
    e.pinned = jsonBool(j, "pinned", file).value_or(false);
    if (j.contains("ne") && !j["ne"].is_null()) {
        if (!j["ne"].is_array())
            bad(file, at + " (" + *name + "): \"ne\" is not an array");
        for (const auto& n : j["ne"]) {
            if (!n.is_number_integer() || n.get<int64_t>() < 0)
                bad(file, at + " (" + *name + "): \"ne\" holds a non-integer or negative value");
            e.ne.push_back(n.get<int64_t>());
        }
    }
    return e;
}

void checkHeader(const nlohmann::json& j, const std::string& file)
{
    if (!j.is_object())
        bad(file, "a plan is a JSON object");
    if (jsonString(j, "schema", file).value_or("") != kSchema)
        bad(file, "not a qexplore plan (\"schema\" is not \"qexplore-plan\")");
    const auto version = jsonInt(j, "version", file);
    if (!version)
        bad(file, "plan has no \"version\"");
    if (*version != kVersion)
        throw Error(ErrorCode::Unsupported, file, kNoOffset,
                    "plan version " + std::to_string(*version) + " (this program reads version 1)");
    if (!j.contains("tensors") || !j["tensors"].is_array())
        bad(file, "plan has no \"tensors\" array");
}

/// Whether the exporter can write `t` as `type`: kept as stored, or produced from F32 values.
std::string cannotWrite(const TensorInfo& t, TensorType type)
{
    if (type == t.type && isForeignGgufTypeId(uint32_t(type)))
        return {};   // a type newer than ours: its bytes are copied as they are
    const TensorTypeInfo* info = tensorTypeInfo(type);
    if (!info || !info->isGgml)
        return "type " + std::string(tensorTypeName(type)) + " cannot be stored in GGUF";
    if (type == t.type)
        return {};
    if (!canQuantize(type))
        return "cannot produce " + std::string(info->name) + " (no quantizer for it)";
    if (!canDequantize(t.type))
        return "cannot read the stored " + std::string(tensorTypeName(t.type)) + " values to convert them"
               + (isForeignGgufTypeId(uint32_t(t.type)) ? " (a type newer than this program: keep it as it is)" : "");
    if (t.rowLength() % info->blockSize != 0)
        return "row width " + std::to_string(t.rowLength()) + " is not a multiple of the " + std::string(info->name)
            + " block size " + std::to_string(info->blockSize);
    return {};
}

} // namespace

const PlanEntry* Plan::find(std::string_view tensor) const
{
    for (const auto& e : entries)
        if (e.tensor == tensor)
            return &e;
    return nullptr;
}

PlanEntry* Plan::find(std::string_view tensor)
{
    return const_cast<PlanEntry*>(static_cast<const Plan&>(*this).find(tensor));
}

Plan keepPinned(Plan fresh, const Plan& previous)
{
    for (const PlanEntry& old : previous.entries)
        if (old.pinned)
            if (PlanEntry* e = fresh.find(old.tensor))
                *e = old;
    if (!fresh.preset.empty() && fresh.preset.find("+ pinned") == std::string::npos)
        for (const PlanEntry& e : previous.entries)
            if (e.pinned && fresh.find(e.tensor)) {
                fresh.preset += " + pinned";
                break;
            }
    return fresh;
}

std::string planToJson(const Plan& plan)
{
    nlohmann::ordered_json j;
    j["schema"] = kSchema;
    j["version"] = kVersion;
    j["source"] = plan.sourcePath;
    j["imatrix"] = plan.imatrixPath.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(plan.imatrixPath);
    j["preset"] = plan.preset;
    j["ftype"] = plan.ftype ? nlohmann::ordered_json(*plan.ftype) : nlohmann::ordered_json(nullptr);
    auto& tensors = j["tensors"] = nlohmann::ordered_json::array();
    for (const auto& e : plan.entries) {
        nlohmann::ordered_json t;
        t["name"] = e.tensor;
        t["ne"] = e.ne;
        t["type"] = std::string(tensorTypeName(e.type));
        t["reason"] = e.reason;
        t["pinned"] = e.pinned;
        tensors.push_back(std::move(t));
    }
    return j.dump(2) + "\n";
}

Plan planFromJson(std::string_view text, const std::string& fileName)
{
    const nlohmann::json j = parseJsonText(text, fileName, 0, true);
    checkHeader(j, fileName);
    Plan plan;
    plan.sourcePath = jsonString(j, "source", fileName).value_or("");
    plan.imatrixPath = jsonString(j, "imatrix", fileName).value_or("");
    plan.preset = jsonString(j, "preset", fileName).value_or("");
    if (const auto ftype = jsonInt(j, "ftype", fileName)) {
        if (*ftype < 0 || *ftype > 1000)
            bad(fileName, "\"ftype\" " + std::to_string(*ftype) + " is not a llama ftype");
        plan.ftype = static_cast<uint32_t>(*ftype);
    }
    std::unordered_set<std::string> seen;
    const auto& tensors = j["tensors"];
    for (size_t i = 0; i < tensors.size(); ++i) {
        PlanEntry e = entryFromJson(tensors[i], i, fileName);
        if (!seen.insert(e.tensor).second)
            bad(fileName, "tensor \"" + e.tensor + "\" is planned twice");
        plan.entries.push_back(std::move(e));
    }
    return plan;
}

void savePlan(const std::string& path, const Plan& plan)
{
    const std::string text = planToJson(plan);
    writeFileAtomically(path, text);
}

Plan loadPlan(const std::string& path)
{
    return planFromJson(readTextFile(path, kMaxPlanBytes), path);
}

std::vector<const TensorInfo*> plannedTensors(const ModelFile& model)
{
    // A converted HF checkpoint with tied embeddings stores the shared matrix as token_embd.weight only
    // (what llama.cpp loads); the HF file may hold it under lm_head (output.weight) with token_embd as alias.
    const TensorInfo* tiedEmbd = nullptr;
    if (model.format != ModelFormat::Gguf)
        if (const TensorInfo* e = model.findTensor("token_embd.weight"); e && e->aliasOf == "output.weight")
            tiedEmbd = e;
    std::vector<const TensorInfo*> out;
    for (const auto& t : model.tensors) {
        if (tiedEmbd && t.name == "output.weight")
            out.push_back(tiedEmbd);
        else if (t.aliasOf.empty())
            out.push_back(&t);
    }
    return out;
}

void validatePlan(const ModelFile& model, const Plan& plan)
{
    std::unordered_map<std::string, const TensorInfo*> byName;
    for (const TensorInfo* t : plannedTensors(model))
        byName[t->name] = t;
    std::unordered_set<std::string> covered;
    for (const PlanEntry& e : plan.entries) {
        const auto it = byName.find(e.tensor);
        if (it == byName.end()) {
            const TensorInfo* alias = model.findTensor(e.tensor);
            if (alias && !alias->aliasOf.empty())
                mismatch("plan names '" + e.tensor + "', an alias of '" + alias->aliasOf + "'; plan '"
                         + alias->aliasOf + "' instead");
            if (alias)
                mismatch("plan names '" + e.tensor + "', which is written once under its tied name ("
                         "token_embd.weight)");
            mismatch("plan names tensor '" + e.tensor + "', which the model does not have");
        }
        const TensorInfo& t = *it->second;
        if (!e.ne.empty() && e.ne != t.ne)
            mismatch("tensor '" + e.tensor + "' has another shape than the plan was made for");
        if (const std::string why = cannotWrite(t, e.type); !why.empty())
            mismatch("tensor '" + e.tensor + "': " + why);
        covered.insert(e.tensor);
    }
    for (const TensorInfo* t : plannedTensors(model))
        if (!covered.count(t->name))
            mismatch("plan does not cover tensor '" + t->name + "'");
}

} // namespace qx
