#pragma once
// The JSON of llama-perplexity's KL-divergence figures, shared by `ppl --kld-base` and `diff -f`.
#include "cli/json_output.h"
#include "eval/kld.h"

namespace qx::cli {

/// One chunk's running figures: chunk, ppl, ln_ppl_ratio, kld, rms_delta_p, same_top (each with _uncertainty).
Json kldChunkJson(int64_t chunk, const KldChunkLine& line);
/// Adds "chunks", "ppl", "kld", "delta_p" and "same_top" (docs/cli.md, ppl --kld-base) to `doc`.
void addKldJson(Json& doc, const KldResult& result);

} // namespace qx::cli
