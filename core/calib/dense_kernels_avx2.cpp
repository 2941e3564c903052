// calib/dense_kernels.h built for AVX2 + FMA (the file name gives the compiler flags, core/CMakeLists.txt). Eigen is
// renamed so none of its instantiations here can stand in for the generic build's, and its matrix products
// run on every OpenMP thread.
#undef EIGEN_DONT_PARALLELIZE
#define Eigen qx_eigen_avx2
#define QX_DENSE_NS avx2
#include "calib/dense_kernels_impl.h"
