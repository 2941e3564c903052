#!/usr/bin/env node
// Computes the expected values of tests/core/tst_tokenizer_hf.cpp with HF tokenizers (the Rust library
// behind transformers, through its npm binding):
//
//   npm install tokenizers@0.23.2
//   ./build/tests/tst_tokenizer_hf          # writes the tokenizer.json variants into the scratch folder
//   node tools/gen_hf_reference.js build/test-scratch/tst_tokenizer_hf tests/core/data/hf_tokenizers_reference.json
//
// Reads "inputs" from the reference file and writes, per variant, the ids of encode(input) (special
// tokens added) and decode(ids, skipSpecialTokens = true).
const fs = require('fs');
const path = require('path');
const { Tokenizer } = require('tokenizers');

const VARIANTS = ['llama3', 'qwen2', 'smollm', 'gpt2prefix', 'metaspace_first', 'metaspace_split', 'tiny_raw_added'];

async function main() {
  const [dir, refPath] = process.argv.slice(2);
  const ref = JSON.parse(fs.readFileSync(refPath, 'utf8'));
  ref.generator = 'tokenizers@0.23.2 (npm)';
  ref.variants = {};
  for (const name of VARIANTS) {
    const tok = Tokenizer.fromFile(path.join(dir, name + '.json'));
    ref.variants[name] = [];
    for (const text of ref.inputs) {
      const ids = Array.from((await tok.encode(text)).getIds());
      ref.variants[name].push({ ids, decoded: await tok.decode(ids, true) });
    }
  }
  fs.writeFileSync(refPath, JSON.stringify(ref) + '\n');
}

main().catch((e) => { console.error(e); process.exit(1); });
