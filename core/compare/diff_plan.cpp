#include "compare/diff_plan.h"

#include "io/tensor_type.h"

namespace qx {

Plan planFromOtherTypes(const Plan& current, const ModelDiff& diff, const std::string& label, int* changed)
{
    Plan plan = current;
    int count = 0;
    for (const TensorDiff& t : diff.tensors) {
        if (t.status != TensorDiffStatus::Compared && t.status != TensorDiffStatus::Identical)
            continue;
        PlanEntry* e = plan.find(t.name);
        const TensorTypeInfo* info = tensorTypeInfo(t.typeB);
        if (!e || e->pinned || !info || !info->isGgml || e->type == t.typeB)
            continue;
        e->type = t.typeB;
        e->reason = "as in " + label;
        ++count;
    }
    if (count > 0)
        plan.preset.clear();
    if (changed)
        *changed = count;
    return plan;
}

} // namespace qx
