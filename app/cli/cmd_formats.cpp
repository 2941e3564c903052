// `qexplore-cli formats`: the format traits table (every format the explorer can quantize to).
#include "cli/cli_command.h"
#include "cli/command_line.h"
#include "cli/json_output.h"

#include "quant/formats.h"
#include "quant/quantize.h"

#include <cstdio>

namespace qx::cli {
namespace {

Json formatsJson()
{
    Json formats = Json::array();
    for (const auto& f : kFormats)
        formats.push_back({{"name", f.name}, {"family", formatFamilyName(f.family)}, {"block_size", f.blockSize},
                           {"bytes_per_block", f.bytesPerBlock}, {"bits_per_weight", f.bitsPerWeight},
                           {"gguf", f.ggufExportable}, {"needs_imatrix", f.ggufExportable && quantizeNeedsImportance(f.ggufType)}});
    Json doc = jsonDocument("formats");
    doc["formats"] = std::move(formats);
    return doc;
}

int runFormats(const std::vector<std::string>& args)
{
    bool json = false;
    CommandLine cl("formats", "[--json]",
                   "Lists every format the explorer can quantize to: name, family, block size (0 = scales per tensor\n"
                   "or row), bytes per block (GGUF types), bits per weight including scales (per-tensor/per-row\n"
                   "scales: code width only), and whether a GGUF file can hold it.");
    cl.addJson(json);
    cl.parse(args);
    if (json) {
        printJson(formatsJson());
        return 0;
    }
    std::printf("%-26s %-13s %6s %6s %8s %5s\n", "format", "family", "block", "bytes", "bits/w", "gguf");
    for (const auto& f : kFormats) {
        const std::string_view family = formatFamilyName(f.family);
        std::printf("%-26.*s %-13.*s %6d %6d %8.4f %5s\n", int(f.name.size()), f.name.data(), int(family.size()),
                    family.data(), f.blockSize, f.bytesPerBlock, f.bitsPerWeight, f.ggufExportable ? "yes" : "no");
    }
    return 0;
}

const CliRegistrar registrar({"formats", "list the quantization formats (block, bytes, bits/weight, GGUF)",
                             &runFormats});

} // namespace
} // namespace qx::cli
