#include "calib/gptq.h"

#include "calib/dense_kernels.h"
#include "common/error.h"

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace qx {
namespace {

using Mat = Eigen::MatrixXd;
using RowMat = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// Upper Cholesky factor U of (H + λI)⁻¹ = UᵀU, raising λ until the factorization succeeds.
Mat inverseCholeskyUpper(const Mat& h, double& dampPercent, std::string& note)
{
    const double meanDiag = h.diagonal().mean();
    const double start = dampPercent;
    for (int attempt = 0; attempt < 12; ++attempt) {
        Mat u(h.rows(), h.cols());
        if (dense::inverseCholeskyUpper({h.data(), size_t(h.size())}, h.rows(), dampPercent / 100.0 * meanDiag,
                                        {u.data(), size_t(u.size())})) {
            if (dampPercent != start)
                note += "dampening raised to " + std::to_string(dampPercent) + "% (Cholesky failed); ";
            return u;
        }
        dampPercent = dampPercent > 0.0 ? dampPercent * 10.0 : 0.01;
    }
    throw Error(ErrorCode::Invalid, "GPTQ: the Hessian stays indefinite even with heavy dampening");
}

std::vector<int64_t> columnOrder(const Mat& h, bool actOrder)
{
    std::vector<int64_t> order(static_cast<size_t>(h.cols()));
    std::iota(order.begin(), order.end(), 0);
    if (actOrder)
        std::stable_sort(order.begin(), order.end(), [&](int64_t a, int64_t b) { return h(a, a) > h(b, b); });
    return order;
}

// Grid parameters per (row, group). A block (blockLen columns) is one group, except for K-quants, whose
// 256-column blocks hold 8 or 16 sub-block groups whose grids are chosen together.
struct GroupTable {
    int64_t groupLen = 0, blockLen = 0, groups = 0;
    std::vector<GroupGrid> grids; // row-major: rows × groups

    GroupGrid& at(int64_t row, int64_t col) { return grids[static_cast<size_t>(row * groups + col / groupLen)]; }
};

// Grids of the block of `row` starting at natural column `col`, from the current values in `src`.
void chooseRowBlock(const QuantGrid& grid, GroupTable& t, const Mat& src, const std::vector<int64_t>& where,
                    int64_t row, int64_t col, std::vector<float>& scratch)
{
    const int64_t len = std::min(t.blockLen, static_cast<int64_t>(where.size()) - col);
    scratch.resize(static_cast<size_t>(len));
    for (int64_t k = 0; k < len; ++k)
        scratch[static_cast<size_t>(k)] = static_cast<float>(src(row, where[static_cast<size_t>(col + k)]));
    chooseBlockGrids(grid, scratch, std::span<GroupGrid>(&t.at(row, col), static_cast<size_t>((len + t.groupLen - 1) / t.groupLen)));
}

} // namespace

double layerLoss(std::span<const float> a, std::span<const float> b, int64_t rows, int64_t cols,
                 std::span<const double> hessian)
{
    if (a.size() != size_t(rows * cols) || b.size() != a.size() || hessian.size() != size_t(cols * cols))
        throw Error(ErrorCode::InvalidArgument, "layerLoss: sizes do not match");
    return dense::quadraticLoss(a, b, rows, cols, hessian);
}

double layerLossOfRows(std::span<const float> a, std::span<const float> b, int64_t rows, int64_t cols,
                       std::span<const double> hessian, int64_t sampleRows)
{
    if (sampleRows >= rows)
        return layerLoss(a, b, rows, cols, hessian);
    if (sampleRows <= 0 || a.size() != size_t(rows * cols) || b.size() != a.size())
        throw Error(ErrorCode::InvalidArgument, "layerLossOfRows: sizes do not match");
    std::vector<float> sa(size_t(sampleRows * cols)), sb(sa.size());
    for (int64_t k = 0; k < sampleRows; ++k) {
        const int64_t r = k * rows / sampleRows;
        std::copy_n(a.begin() + r * cols, cols, sa.begin() + k * cols);
        std::copy_n(b.begin() + r * cols, cols, sb.begin() + k * cols);
    }
    return layerLoss(sa, sb, sampleRows, cols, hessian) * double(rows) / double(sampleRows);
}

namespace {

// The layer in processing order: permuted weights and Hessian, the column order and its inverse.
struct Problem {
    Mat w, h, original;              // original: natural order, dead columns zeroed
    std::vector<int64_t> order, natural;
};

Problem prepare(std::span<const float> w, int64_t rows, int64_t cols, std::span<const double> hessian, bool actOrder,
                std::string& note)
{
    Problem p;
    Mat h = Eigen::Map<const RowMat>(hessian.data(), cols, cols);
    if (!h.allFinite())
        throw Error(ErrorCode::Invalid, "GPTQ: the Hessian holds NaN/Inf");
    p.original = Eigen::Map<const Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(w.data(), rows, cols)
                     .cast<double>();
    int dead = 0;
    for (int64_t i = 0; i < cols; ++i)
        if (h(i, i) == 0.0) {
            h(i, i) = 1.0;
            p.original.col(i).setZero();
            ++dead;
        }
    if (dead > 0)
        note += std::to_string(dead) + (dead == 1 ? " dead input column zeroed; " : " dead input columns zeroed; ");
    p.order = columnOrder(h, actOrder);
    p.natural.resize(p.order.size());
    for (size_t k = 0; k < p.order.size(); ++k)
        p.natural[static_cast<size_t>(p.order[k])] = static_cast<int64_t>(k);
    p.w.resize(rows, cols);
    p.h.resize(cols, cols);
    for (int64_t a = 0; a < cols; ++a) {
        p.w.col(a) = p.original.col(p.order[static_cast<size_t>(a)]);
        for (int64_t b = 0; b < cols; ++b)
            p.h(a, b) = h(p.order[static_cast<size_t>(a)], p.order[static_cast<size_t>(b)]);
    }
    return p;
}

// Quantizes processing column i of every row and returns the scaled errors (w − q) / U_ii.
void quantizeColumn(Problem& p, GroupTable& table, const GptqOptions& o, const Mat& u, int64_t i,
                    Eigen::Ref<Eigen::VectorXd> err, std::vector<float>& scratch)
{
    const int64_t nat = p.order[static_cast<size_t>(i)];
    const int64_t rows = p.w.rows();
    if (!o.actOrder && nat % table.blockLen == 0)
        for (int64_t r = 0; r < rows; ++r)
            chooseRowBlock(o.grid, table, p.w, p.natural, r, nat, scratch);
    for (int64_t r = 0; r < rows; ++r) {
        const GroupGrid& g = table.at(r, nat);
        const float q = gridValue(g, gridCode(o.grid, g, static_cast<float>(p.w(r, i)),
                                              static_cast<int>(nat % table.groupLen)));
        err(r) = (p.w(r, i) - q) / u(i, i);
        p.w(r, i) = q;
    }
}

} // namespace

GptqResult gptqQuantize(std::span<const float> w, int64_t rows, int64_t cols, std::span<const double> hessian,
                        const GptqOptions& options)
{
    if (rows <= 0 || cols <= 0 || w.size() != static_cast<size_t>(rows * cols)
        || hessian.size() != static_cast<size_t>(cols * cols))
        throw Error(ErrorCode::InvalidArgument, "GPTQ: weight/Hessian sizes do not match");
    validateGrid(options.grid, cols);
    GptqResult result;
    Problem p = prepare(w, rows, cols, hessian, options.actOrder, result.note);
    result.dampUsed = options.dampPercent;
    const Mat u = inverseCholeskyUpper(p.h, result.dampUsed, result.note);

    GroupTable table;
    table.groupLen = options.grid.groupLength(cols);
    table.blockLen = options.grid.blockLength(cols);
    table.groups = (cols + table.groupLen - 1) / table.groupLen;
    table.grids.resize(static_cast<size_t>(rows * table.groups));
    std::vector<float> scratch;
    std::vector<int64_t> identity(static_cast<size_t>(cols));
    std::iota(identity.begin(), identity.end(), 0);
    if (options.actOrder) // static groups from the original weights
        for (int64_t r = 0; r < rows; ++r)
            for (int64_t c = 0; c < cols; c += table.blockLen)
                chooseRowBlock(options.grid, table, p.original, identity, r, c, scratch);
    int64_t bs = std::max<int64_t>(1, options.blockSize);
    if (!options.actOrder)
        bs = std::max(table.blockLen, bs / table.blockLen * table.blockLen);

    Mat errors(rows, std::min(bs, cols)); // one allocation for every batch: fresh pages cost time too
    for (int64_t i1 = 0; i1 < cols; i1 += bs) {
        const int64_t i2 = std::min(i1 + bs, cols), n = i2 - i1;
        auto err = errors.leftCols(n);
        for (int64_t i = i1; i < i2; ++i) {
            quantizeColumn(p, table, options, u, i, err.col(i - i1), scratch);
            // The rest of the block now (W[:, i+1:i2] −= err_i · U[i, i+1:i2]), the columns after it lazily.
            if (i + 1 < i2)
                dense::subtractProduct(&p.w(0, i + 1), rows, &err(0, i - i1), rows, &u(i, i + 1), cols, rows,
                                       i2 - i - 1, 1);
        }
        if (i2 < cols) // W[:, i2:] −= err · U[i1:i2, i2:]
            dense::subtractProduct(&p.w(0, i2), rows, err.data(), rows, &u(i1, i2), cols, rows, cols - i2, n);
        if (options.progress && !options.progress(static_cast<double>(i2) / static_cast<double>(cols)))
            throw Error(ErrorCode::Cancelled, "GPTQ cancelled");
    }
    result.weights.resize(w.size());
    for (int64_t k = 0; k < cols; ++k)
        for (int64_t r = 0; r < rows; ++r)
            result.weights[static_cast<size_t>(r * cols + p.order[static_cast<size_t>(k)])] = static_cast<float>(p.w(r, k));
    const std::vector<float> rtn = fakeQuantGrid(options.grid, w, cols);
    result.lossRtn = layerLossOfRows(w, rtn, rows, cols, hessian, kExactLossRows);
    result.lossGptq = layerLossOfRows(w, result.weights, rows, cols, hessian, kExactLossRows);
    return result;
}

} // namespace qx
