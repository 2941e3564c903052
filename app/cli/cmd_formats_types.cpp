// `qexplore-cli types`: the storage types the readers know, with block size and bits per weight.
#include "cli/cli_command.h"
#include "cli/command_line.h"
#include "cli/json_output.h"

#include "io/tensor_type.h"

#include <cstdio>

namespace qx::cli {
namespace {

/// Every type the readers know, in GGUF id order.
std::vector<const TensorTypeInfo*> knownTypes()
{
    std::vector<const TensorTypeInfo*> types;
    for (uint32_t id = 0; id < 1004; ++id)
        if (const TensorTypeInfo* info = tensorTypeInfo(static_cast<TensorType>(id)))
            types.push_back(info);
    return types;
}

Json typesJson()
{
    Json types = Json::array();
    for (const TensorTypeInfo* info : knownTypes())
        types.push_back({{"name", info->name}, {"id", static_cast<uint32_t>(info->type)},
                         {"block_size", info->blockSize}, {"bytes_per_block", info->typeSize},
                         {"bits_per_weight", bitsPerWeight(info->type)}});
    Json doc = jsonDocument("types");
    doc["types"] = std::move(types);
    return doc;
}

int runTypes(const std::vector<std::string>& args)
{
    bool json = false;
    CommandLine cl("types", "[--json]", "Lists every tensor storage type a model file may use: name, GGUF id, block\n"
                                        "size, bytes per block, bits per weight.");
    cl.addJson(json);
    cl.parse(args);
    if (json) {
        printJson(typesJson());
        return 0;
    }
    std::printf("%-8s %6s %6s %6s %8s\n", "type", "id", "block", "bytes", "bits/w");
    for (const TensorTypeInfo* info : knownTypes())
        std::printf("%-8.*s %6u %6u %6u %8.4f\n", int(info->name.size()), info->name.data(),
                    static_cast<uint32_t>(info->type), info->blockSize, info->typeSize, bitsPerWeight(info->type));
    return 0;
}

const CliRegistrar registrar({"types", "list tensor storage types (block size, bits per weight)", &runTypes});

} // namespace
} // namespace qx::cli
