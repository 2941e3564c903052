// `qexplore-cli formats`: the format traits table (every format the explorer can quantize to).
#include "cli/cli_command.h"
#include "cli/command_line.h"

#include "quant/formats.h"

#include <cstdio>

namespace qx::cli {
namespace {

int runFormats(const std::vector<std::string>& args)
{
    CommandLine cl("formats", "",
                   "Lists every format the explorer can quantize to: name, family, block size (0 = scales per tensor\n"
                   "or row), bytes per block (GGUF types), bits per weight including scales (per-tensor/per-row\n"
                   "scales: code width only), and whether a GGUF file can hold it.");
    cl.parse(args);
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
