// predictedFileSize lives apart from plan.cpp so that reading and checking plans needs no exporter (the
// plan fuzzer links plan.cpp alone).
#include "export/gguf_export.h"
#include "plan/plan.h"

namespace qx {

uint64_t predictedFileSize(const ModelFile& model, const Plan& plan)
{
    return predictExportSize(model, plan, ExportOptions{});
}

} // namespace qx
