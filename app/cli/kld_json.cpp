#include "cli/kld_json.h"

namespace qx::cli {

Json kldChunkJson(int64_t chunk, const KldChunkLine& c)
{
    return Json{{"chunk", chunk}, {"ppl", c.ppl}, {"ppl_uncertainty", c.pplUnc}, {"ln_ppl_ratio", c.lnRatio},
                {"ln_ppl_ratio_uncertainty", c.lnRatioUnc}, {"kld", c.kld}, {"kld_uncertainty", c.kldUnc},
                {"rms_delta_p", c.rmsDp}, {"rms_delta_p_uncertainty", c.rmsDpUnc}, {"same_top", c.sameTop},
                {"same_top_uncertainty", c.sameTopUnc}};
}

void addKldJson(Json& doc, const KldResult& r)
{
    Json chunks = Json::array();
    for (size_t i = 0; i < r.chunks.size(); ++i)
        chunks.push_back(kldChunkJson(int64_t(i + 1), r.chunks[i]));
    doc["chunks"] = std::move(chunks);
    doc["ppl"] = {{"q", r.pplQ}, {"q_uncertainty", r.pplQUnc}, {"base", r.pplBase},
                  {"base_uncertainty", r.pplBaseUnc}, {"cor_ln_ppl", r.corLnPpl}, {"ln_ratio", r.lnPplRatio},
                  {"ln_ratio_uncertainty", r.lnPplRatioUnc}, {"ratio", r.pplRatio},
                  {"ratio_uncertainty", r.pplRatioUnc}, {"diff", r.pplDiff}, {"diff_uncertainty", r.pplDiffUnc}};
    doc["kld"] = {{"mean", r.kldMean}, {"uncertainty", r.kldUnc}, {"max", r.kldMax}, {"p99_9", r.kld999},
                  {"p99", r.kld99}, {"p95", r.kld95}, {"p90", r.kld90}, {"median", r.kldMedian}, {"p10", r.kld10},
                  {"p5", r.kld5}, {"p1", r.kld1}, {"min", r.kldMin}};
    doc["delta_p"] = {{"mean", r.dpMean}, {"uncertainty", r.dpUnc}, {"max", r.dpMax}, {"p99_9", r.dp999},
                      {"p99", r.dp99}, {"p95", r.dp95}, {"p90", r.dp90}, {"p75", r.dp75}, {"median", r.dpMedian},
                      {"p25", r.dp25}, {"p10", r.dp10}, {"p5", r.dp5}, {"p1", r.dp1}, {"p0_1", r.dp01},
                      {"min", r.dpMin}, {"rms", r.rmsDp}, {"rms_uncertainty", r.rmsDpUnc}};
    doc["same_top"] = {{"fraction", r.sameTop}, {"uncertainty", r.sameTopUnc}};
}

} // namespace qx::cli
