#include "calib/gptq.h"

#include "calib/dense_kernels.h"
#include "common/error.h"
#include "common/parallel_for.h"
#include "common/thread_count.h"

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace qx {
namespace {

using Mat = Eigen::MatrixXd;

// Upper Cholesky factor U of (H + λI)⁻¹ = UᵀU (H: n × n), λ = dampPercent % of meanDiag, raising λ until
// the factorization succeeds.
std::vector<double> inverseCholeskyUpper(std::span<const double> h, int64_t n, double meanDiag, double& dampPercent,
                                         std::string& note)
{
    const double start = dampPercent;
    std::vector<double> u(h.size());
    for (int attempt = 0; attempt < 12; ++attempt) {
        if (dense::inverseCholeskyUpper(h, n, dampPercent / 100.0 * meanDiag, u)) {
            if (dampPercent != start)
                note += "dampening raised to " + std::to_string(dampPercent) + "% (Cholesky failed); ";
            return u;
        }
        dampPercent = dampPercent > 0.0 ? dampPercent * 10.0 : 0.01;
    }
    throw Error(ErrorCode::Invalid, "GPTQ: the Hessian stays indefinite even with heavy dampening");
}

std::vector<int64_t> columnOrder(const Eigen::VectorXd& diagonal, bool actOrder)
{
    std::vector<int64_t> order(static_cast<size_t>(diagonal.size()));
    std::iota(order.begin(), order.end(), 0);
    if (actOrder)
        std::stable_sort(order.begin(), order.end(),
                         [&](int64_t a, int64_t b) { return diagonal(a) > diagonal(b); });
    return order;
}

std::vector<int64_t> inverseOrder(const std::vector<int64_t>& order)
{
    std::vector<int64_t> natural(order.size());
    for (size_t k = 0; k < order.size(); ++k)
        natural[static_cast<size_t>(order[k])] = static_cast<int64_t>(k);
    return natural;
}

// Grid parameters per (row, group). A block (blockLen columns) is one group, except for K-quants, whose
// 256-column blocks hold 8 or 16 sub-block groups whose grids are chosen together. For the K-quants whose
// levels can be packed on given scales (encodeOnBlockScales), each block's bytes as the quantizer wrote
// them when its grids were chosen are kept too: the result is packed on those very scales.
struct GroupTable {
    int64_t groupLen = 0, blockLen = 0, groups = 0;
    std::vector<GroupGrid> grids; // row-major: rows × groups
    uint64_t blockBytes = 0;      // 0: no blocks kept
    std::vector<std::byte> blocks; // row-major: rows × (cols / blockLen) blocks

    GroupGrid& at(int64_t row, int64_t col) { return grids[static_cast<size_t>(row * groups + col / groupLen)]; }
    std::span<std::byte> blockAt(int64_t row, int64_t col)
    {
        if (blockBytes == 0)
            return {};
        const int64_t perRow = groups * groupLen / blockLen;
        return {blocks.data() + static_cast<size_t>((row * perRow + col / blockLen) * int64_t(blockBytes)), blockBytes};
    }
};

bool packsOnOwnScales(const QuantGrid& grid)
{
    return grid.ggml && canEncodeOnBlockScales(grid.type);
}

// Grids of the block of `row` starting at natural column `col`, from the current values in `src`.
void chooseRowBlock(const QuantGrid& grid, GroupTable& t, const Mat& src, const std::vector<int64_t>& where,
                    int64_t row, int64_t col, std::vector<float>& scratch)
{
    const int64_t len = std::min(t.blockLen, static_cast<int64_t>(where.size()) - col);
    scratch.resize(static_cast<size_t>(len));
    for (int64_t k = 0; k < len; ++k)
        scratch[static_cast<size_t>(k)] = static_cast<float>(src(row, where[static_cast<size_t>(col + k)]));
    chooseBlockGrids(grid, scratch, std::span<GroupGrid>(&t.at(row, col), static_cast<size_t>((len + t.groupLen - 1) / t.groupLen)),
                     t.blockAt(row, col));
}

// The result as blocks: each block's kept bytes with its levels derived from the final values, when every
// value decodes back exactly (else nullopt).
std::optional<PackedTensor> packOnChosenScales(TensorType type, GroupTable& t, std::span<const float> values,
                                               int64_t rows, int64_t cols, int threads)
{
    if (t.blockBytes == 0)
        return std::nullopt;
    PackedTensor p;
    p.type = type;
    p.rows = rows;
    p.rowLength = cols;
    p.blocks = std::move(t.blocks);
    const size_t blockBytes = static_cast<size_t>(t.blockBytes);
    t.blockBytes = 0;
    parallelFor(rows, threads, [&](int64_t r0, int64_t r1) {
        for (int64_t r = r0; r < r1; ++r)
            for (int64_t c = 0; c < cols; c += 256)
                encodeOnBlockScales(type, values.subspan(static_cast<size_t>(r * cols + c), 256),
                                    {p.blocks.data() + static_cast<size_t>((r * cols + c) / 256) * blockBytes, blockBytes});
    });
    const std::vector<float> back = p.unpack();
    if (!std::equal(back.begin(), back.end(), values.begin())) // −0 and +0 alike
        return std::nullopt;
    return p;
}

} // namespace

double layerLoss(std::span<const float> a, std::span<const float> b, int64_t rows, int64_t cols,
                 std::span<const double> hessian)
{
    if (a.size() != size_t(rows * cols) || b.size() != a.size() || hessian.size() != size_t(cols * cols))
        throw Error(ErrorCode::InvalidArgument, "layerLoss: sizes do not match");
    return dense::quadraticLoss(a, b, rows, cols, hessian);
}

namespace {

// Rows ⌊k·rows/count⌋ (k < count) of the row-major rows × cols matrix a.
std::vector<float> evenlySpacedRows(std::span<const float> a, int64_t rows, int64_t cols, int64_t count)
{
    std::vector<float> out(size_t(count * cols));
    for (int64_t k = 0; k < count; ++k)
        std::copy_n(a.begin() + (k * rows / count) * cols, cols, out.begin() + k * cols);
    return out;
}

} // namespace

double layerLossOfRows(std::span<const float> a, std::span<const float> b, int64_t rows, int64_t cols,
                       std::span<const double> hessian, int64_t sampleRows)
{
    if (sampleRows >= rows)
        return layerLoss(a, b, rows, cols, hessian);
    if (sampleRows <= 0 || a.size() != size_t(rows * cols) || b.size() != a.size())
        throw Error(ErrorCode::InvalidArgument, "layerLossOfRows: sizes do not match");
    return layerLoss(evenlySpacedRows(a, rows, cols, sampleRows), evenlySpacedRows(b, rows, cols, sampleRows),
                     sampleRows, cols, hessian)
           * double(rows) / double(sampleRows);
}

namespace {

// The weights in processing order (column-major, double), dead columns zeroed.
Mat weightsInOrder(std::span<const float> w, int64_t rows, int64_t cols, const GptqFactor& f,
                   const std::vector<int64_t>& natural, int threads)
{
    Mat out(rows, cols);
    parallelFor(cols, threads, [&](int64_t k0, int64_t k1) { // each thread writes whole columns
        for (int64_t k = k0; k < k1; ++k)
            for (int64_t r = 0; r < rows; ++r)
                out(r, k) = static_cast<double>(w[static_cast<size_t>(r * cols + f.order[static_cast<size_t>(k)])]);
    });
    for (const int64_t c : f.dead)
        out.col(natural[static_cast<size_t>(c)]).setZero();
    return out;
}

// Quantizes processing column i of every row (rows split over `threads`) and stores the scaled errors
// (w − q) / U_ii in err. At the start of a block (natural order) each row's grids are chosen first.
void quantizeColumn(Mat& w, const std::vector<int64_t>& order, const std::vector<int64_t>& natural,
                    GroupTable& table, const GptqOptions& o, double uii, int64_t i, double* err, int threads)
{
    const int64_t nat = order[static_cast<size_t>(i)];
    const bool newBlock = !o.actOrder && nat % table.blockLen == 0;
    const int index = static_cast<int>(nat % table.groupLen);
    parallelFor(w.rows(), threads, [&](int64_t r0, int64_t r1) {
        std::vector<float> scratch;
        for (int64_t r = r0; r < r1; ++r) {
            if (newBlock)
                chooseRowBlock(o.grid, table, w, natural, r, nat, scratch);
            const GroupGrid& g = table.at(r, nat);
            const float q = gridValue(g, gridCode(o.grid, g, static_cast<float>(w(r, i)), index));
            err[r] = (w(r, i) - q) / uii;
            w(r, i) = q;
        }
    });
}

} // namespace

GptqFactor gptqFactor(std::span<const double> hessian, int64_t cols, const GptqOptions& options)
{
    if (cols <= 0 || hessian.size() != static_cast<size_t>(cols * cols))
        throw Error(ErrorCode::InvalidArgument, "GPTQ: weight/Hessian sizes do not match");
    const Eigen::Map<const Mat> given(hessian.data(), cols, cols); // symmetric: either storage order
    if (!given.allFinite())
        throw Error(ErrorCode::Invalid, "GPTQ: the Hessian holds NaN/Inf");
    GptqFactor f;
    f.cols = cols;
    Eigen::VectorXd diagonal = given.diagonal();
    for (int64_t i = 0; i < cols; ++i)
        if (diagonal(i) == 0.0) {
            diagonal(i) = 1.0;
            f.dead.push_back(i);
        }
    if (!f.dead.empty())
        f.note += std::to_string(f.dead.size()) + (f.dead.size() == 1 ? " dead input column zeroed; " : " dead input columns zeroed; ");
    f.order = columnOrder(diagonal, options.actOrder);
    Eigen::VectorXd ordered(cols);
    for (int64_t k = 0; k < cols; ++k)
        ordered(k) = diagonal(f.order[static_cast<size_t>(k)]);
    const double meanDiag = ordered.mean();
    f.dampUsed = options.dampPercent;
    if (!options.actOrder && f.dead.empty()) { // H as given: no copy of cols² doubles
        f.u = inverseCholeskyUpper(hessian, cols, meanDiag, f.dampUsed, f.note);
        return f;
    }
    Mat h(cols, cols);
    if (options.actOrder) {
        for (int64_t b = 0; b < cols; ++b)
            for (int64_t a = 0; a < cols; ++a)
                h(a, b) = given(f.order[static_cast<size_t>(a)], f.order[static_cast<size_t>(b)]);
    } else {
        h = given;
    }
    const std::vector<int64_t> natural = inverseOrder(f.order);
    for (const int64_t c : f.dead)
        h(natural[static_cast<size_t>(c)], natural[static_cast<size_t>(c)]) = 1.0;
    f.u = inverseCholeskyUpper({h.data(), size_t(h.size())}, cols, meanDiag, f.dampUsed, f.note);
    return f;
}

GptqResult gptqQuantize(std::span<const float> w, int64_t rows, int64_t cols, std::span<const double> hessian,
                        const GptqOptions& options)
{
    if (rows <= 0 || cols <= 0 || w.size() != static_cast<size_t>(rows * cols))
        throw Error(ErrorCode::InvalidArgument, "GPTQ: weight/Hessian sizes do not match");
    validateGrid(options.grid, cols);
    return gptqQuantize(w, rows, cols, hessian, gptqFactor(hessian, cols, options), options);
}

GptqResult gptqQuantize(std::span<const float> w, int64_t rows, int64_t cols, std::span<const double> hessian,
                        const GptqFactor& factor, const GptqOptions& options)
{
    if (rows <= 0 || cols <= 0 || w.size() != static_cast<size_t>(rows * cols)
        || hessian.size() != static_cast<size_t>(cols * cols) || factor.cols != cols
        || factor.u.size() != static_cast<size_t>(cols * cols) || factor.order.size() != static_cast<size_t>(cols))
        throw Error(ErrorCode::InvalidArgument, "GPTQ: weight/Hessian sizes do not match");
    validateGrid(options.grid, cols);
    GptqResult result;
    result.dampUsed = factor.dampUsed;
    result.note = factor.note;
    const std::vector<int64_t> natural = inverseOrder(factor.order);
    const int threads = rows >= 256 ? resolveThreadCount(options.threads) : 1;
    Mat pw = weightsInOrder(w, rows, cols, factor, natural, threads);
    const Eigen::Map<const Mat> u(factor.u.data(), cols, cols);
    const auto uAt = [&](int64_t r, int64_t c) { return factor.u.data() + r + c * cols; };

    GroupTable table;
    table.groupLen = options.grid.groupLength(cols);
    table.blockLen = options.grid.blockLength(cols);
    table.groups = (cols + table.groupLen - 1) / table.groupLen;
    table.grids.resize(static_cast<size_t>(rows * table.groups));
    if (packsOnOwnScales(options.grid) && cols % table.blockLen == 0) {
        table.blockBytes = *tensorBytes(options.grid.type, uint64_t(table.blockLen));
        table.blocks.resize(static_cast<size_t>(rows * (cols / table.blockLen)) * table.blockBytes);
    }
    std::vector<float> scratch;
    if (options.actOrder) // static groups from the original weights: pw(r, natural[c]) is w(r, c)
        for (int64_t r = 0; r < rows; ++r)
            for (int64_t c = 0; c < cols; c += table.blockLen)
                chooseRowBlock(options.grid, table, pw, natural, r, c, scratch);
    int64_t bs = std::max<int64_t>(1, options.blockSize);
    if (!options.actOrder)
        bs = std::max(table.blockLen, bs / table.blockLen * table.blockLen);

    Mat errors(rows, std::min(bs, cols)); // one allocation for every batch: fresh pages cost time too
    for (int64_t i1 = 0; i1 < cols; i1 += bs) {
        const int64_t i2 = std::min(i1 + bs, cols), n = i2 - i1;
        auto err = errors.leftCols(n);
        for (int64_t i = i1; i < i2; ++i) {
            quantizeColumn(pw, factor.order, natural, table, options, u(i, i), i, &err(0, i - i1), threads);
            // The rest of the block now (W[:, i+1:i2] −= err_i · U[i, i+1:i2]), the columns after it lazily.
            if (i + 1 < i2)
                dense::subtractProduct(&pw(0, i + 1), rows, &err(0, i - i1), rows, uAt(i, i + 1), cols, rows,
                                       i2 - i - 1, 1);
        }
        if (i2 < cols) // W[:, i2:] −= err · U[i1:i2, i2:]
            dense::subtractProduct(&pw(0, i2), rows, err.data(), rows, uAt(i1, i2), cols, rows, cols - i2, n);
        if (options.progress && !options.progress(static_cast<double>(i2) / static_cast<double>(cols)))
            throw Error(ErrorCode::Cancelled, "GPTQ cancelled");
    }
    result.weights.resize(w.size());
    parallelFor(rows, threads, [&](int64_t r0, int64_t r1) { // each thread writes whole rows
        for (int64_t r = r0; r < r1; ++r)
            for (int64_t k = 0; k < cols; ++k)
                result.weights[static_cast<size_t>(r * cols + factor.order[static_cast<size_t>(k)])] =
                    static_cast<float>(pw(r, k));
    });
    result.packed = packOnChosenScales(options.grid.type, table, result.weights, rows, cols, threads);
    // The loss notes on kExactLossRows evenly spaced rows (all of a smaller layer), RTN on those rows only.
    const int64_t sample = std::min(rows, kExactLossRows);
    const std::vector<float> original = evenlySpacedRows(w, rows, cols, sample);
    const double scale = sample < rows ? double(rows) / double(sample) : 1.0;
    result.lossRtn = layerLoss(original, fakeQuantGrid(options.grid, original, cols), sample, cols, hessian) * scale;
    result.lossGptq = layerLoss(original, evenlySpacedRows(result.weights, rows, cols, sample), sample, cols, hessian)
                      * scale;
    return result;
}

} // namespace qx
