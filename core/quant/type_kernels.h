#pragma once
// One row per block type we can decode or write: its scalar kernels, their run-time dispatched AVX2 twins
// and its use of importance data (internal to core/quant; quantize.h and dequantize.h are the entry
// points). Adding a type is one row here plus its kernels.

#include "io/tensor_type.h"
#include "quant/block_quantizers.h"
#include "quant/dequantize_blocks.h"

namespace qx::quant {

/// How a type's quantizer uses per-column importance (an imatrix entry).
enum class ImportanceUse {
    Ignored,    ///< Q8_0, TQ1_0, TQ2_0 and the float types
    Optional,   ///< a weighted search with it, ggml's plain one without
    Required,   ///< IQ2_XXS, IQ2_XS, IQ1_S: ggml cannot quantize them without it
};

struct TypeKernels {
    TensorType type;
    RowDequantizer dequantize;   ///< scalar decoder; nullptr for plain (non-block) types
    RowQuantizer quantizeRef;    ///< scalar writer; nullptr when we cannot write the type
    ImportanceUse importance;
    RowQuantizer quantizeAvx2 = nullptr;       ///< byte-identical AVX2 twin of quantizeRef, when there is one
    RowDequantizer dequantizeAvx2 = nullptr;   ///< bit-identical AVX2 twin of dequantize (plain types too)
};

/// The row of `type`, or nullptr when we neither decode nor write it as block data.
const TypeKernels* typeKernels(TensorType type);

} // namespace qx::quant
