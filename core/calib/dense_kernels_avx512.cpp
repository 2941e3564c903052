// calib/dense_kernels.h built for AVX-512 (the file name gives the compiler flags, core/CMakeLists.txt). Eigen is
// renamed so none of its instantiations here can stand in for the generic build's, and its matrix products
// run on every OpenMP thread.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized" // GCC 12 on Eigen's AVX-512 packets (false positive)
#endif
#undef EIGEN_DONT_PARALLELIZE
#define Eigen qx_eigen_avx512
#define QX_DENSE_NS avx512
#include "calib/dense_kernels_impl.h"
