#pragma once
// The calibration set-up the model-level calibration tests share: a model and its F32 weights, its text
// split at the middle line (calibration on the first half, evaluation on the second, ctx 128), a baseline
// evaluator on the second half and the captured calibration statistics of the first half.

#include "calib/calib_methods.h"
#include "common/text_file.h"
#include "eval/perplexity.h"
#include "io/model_file.h"
#include "model/tokenizer.h"

#include <memory>
#include <string>
#include <vector>

struct CalibFixture {
    static constexpr int64_t kCtx = 128;

    std::shared_ptr<const qx::ModelFile> model;
    std::shared_ptr<const qx::LlamaWeights> weights;
    std::unique_ptr<qx::CalibEvaluator> eval;
    qx::CalibData calib;
    std::vector<int32_t> calibTokens;  ///< the first half, tokenized (what the streamed methods take)
    double overlap = -1.0;  ///< textOverlap of the two halves

    /// Loads everything: `evalChunks` chunks of the second half scored, `calibChunks` of the first captured.
    void load(const std::string& modelPath, const std::string& textPath, int64_t evalChunks, int64_t calibChunks)
    {
        const auto [calibText, evalText] = qx::splitCalibEval(qx::readTextFile(textPath), 0.5);
        overlap = qx::textOverlap(calibText, evalText);
        model = qx::openModel(modelPath);
        weights = qx::LlamaWeights::fromModel(model);
        const qx::Tokenizer tok = qx::openTokenizer(modelPath);
        const auto bos = qx::chunkBosToken(*model);
        eval = std::make_unique<qx::CalibEvaluator>(weights, tok.encode(evalText, true), kCtx, evalChunks, bos);
        qx::LlamaForward fwd(weights);
        qx::CalibOptions co;
        co.maxChunks = calibChunks;
        co.bosToken = bos;
        calibTokens = tok.encode(calibText, true);
        calib = qx::captureCalibration(fwd, calibTokens, co);
    }
};
