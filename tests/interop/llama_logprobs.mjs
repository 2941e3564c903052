// Loads a GGUF with llama.cpp (node-llama-cpp, CPU only, prebuilt binary) and prints, as JSON:
// the token ids llama.cpp gives TEXT (with BOS as the model asks), and for each position of the TOKENS
// list (comma-separated ids) the natural log of llama.cpp's probability of the following token.
// Usage: node llama_logprobs.mjs MODEL.gguf "TEXT" "1,2,3,..."
import {getLlama} from "node-llama-cpp";

const [modelPath, text, tokenList] = process.argv.slice(2);
const llama = await getLlama({gpu: false, build: "never", logLevel: "error"});
const model = await llama.loadModel({modelPath});
const tokenized = Array.from(model.tokenize(text ?? "", false));
const withBos = model.tokens.bos != null && model.tokens.shouldPrependBosToken ? [model.tokens.bos, ...tokenized] : tokenized;
const tokens = (tokenList ?? "").split(",").filter(s => s.length > 0).map(Number);
const context = await model.createContext({contextSize: 256, batchSize: 256, threads: 2});
const sequence = context.getSequence();
const input = tokens.map((t, i) => i + 1 < tokens.length ? [t, {generateNext: {probabilities: true}}] : t);
const results = await sequence.controlledEvaluate(input);
const logprobs = [];
let mass = [];
for (let i = 0; i + 1 < tokens.length; ++i) {
    const probs = results[i]?.next?.probabilities;
    const p = probs?.get(tokens[i + 1]) ?? 0;
    logprobs.push(Math.log(p));
    let s = 0;
    if (probs) for (const v of probs.values()) s += v;
    mass.push(s);
}
console.log(JSON.stringify({tokens: withBos, logprobs, mass, vocab: model.tokens.bos != null ? model.fileInfo.metadata?.tokenizer?.ggml?.tokens?.length ?? 0 : 0}));
await context.dispose();
await model.dispose();
