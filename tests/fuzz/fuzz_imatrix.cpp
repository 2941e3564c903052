// libFuzzer target for the imatrix readers: bytes starting with the GGUF magic go to the GGUF imatrix parser,
// anything else to the legacy .dat parser (as readImatrix dispatches). Any input must parse or throw
// qx::Error; a parsed file's importance and .dat values are computed and the file serialized again.
#include "common/error.h"
#include "quant/imatrix_file.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::span<const std::byte> bytes(reinterpret_cast<const std::byte*>(data), size);
    const bool gguf = size >= 4 && std::memcmp(data, "GGUF", 4) == 0;
    try {
        const qx::ImatrixFile f = gguf ? qx::parseImatrixGguf(bytes, "fuzz.gguf") : qx::parseImatrixDat(bytes, "fuzz.dat");
        for (const qx::ImatrixEntry& e : f.entries) {
            if (qx::imatrixImportance(e).size() != e.values.size() || qx::imatrixDatValues(e).size() != e.values.size())
                std::abort();
        }
        if (!gguf) {   // bytes, not values: NaN != NaN
            const auto again = qx::serializeImatrixDat(f);
            if (qx::serializeImatrixDat(qx::parseImatrixDat(again)) != again)
                std::abort();
        }
    } catch (const qx::Error&) {
    }
    return 0;
}
