// `qexplore-cli types`: the storage types the readers know, with block size and bits per weight.
#include "cli/cli_command.h"
#include "cli/command_line.h"

#include "io/tensor_type.h"

#include <cstdio>

namespace qx::cli {
namespace {

int runTypes(const std::vector<std::string>& args)
{
    CommandLine cl("types", "", "Lists every tensor storage type a model file may use: name, GGUF id, block size,\n"
                                "bytes per block, bits per weight.");
    cl.parse(args);
    std::printf("%-8s %6s %6s %6s %8s\n", "type", "id", "block", "bytes", "bits/w");
    for (uint32_t id = 0; id < 1004; ++id) {
        const TensorTypeInfo* info = tensorTypeInfo(static_cast<TensorType>(id));
        if (!info)
            continue;
        std::printf("%-8.*s %6u %6u %6u %8.4f\n", int(info->name.size()), info->name.data(), id, info->blockSize,
                    info->typeSize, bitsPerWeight(info->type));
    }
    return 0;
}

const CliRegistrar registrar({"types", "list tensor storage types (block size, bits per weight)", &runTypes});

} // namespace
} // namespace qx::cli
