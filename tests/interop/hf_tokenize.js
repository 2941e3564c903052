// Tokenizes texts with Hugging Face tokenizers (the Rust library behind transformers, through its npm
// binding) and prints, as one JSON line, the ids of encode(text) (special tokens added) per tokenizer.
// Usage: node hf_tokenize.js REQUEST.json   with REQUEST = {"files": [tokenizer.json, ...], "inputs": [text, ...]}
const fs = require('fs');
const { Tokenizer } = require('tokenizers');

async function main() {
  const request = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const out = {};
  for (const file of request.files) {
    const tok = Tokenizer.fromFile(file);
    out[file] = [];
    for (const text of request.inputs)
      out[file].push(Array.from((await tok.encode(text)).getIds()));
  }
  console.log(JSON.stringify(out));
}

main().catch((e) => { console.error(e); process.exit(1); });
