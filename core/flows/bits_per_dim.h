#pragma once
// The one conversion from a log-likelihood to bits per dimension. Torch-free, so views and other
// torch-free code use the same function as training and scoring.
#include <cstdint>

namespace glowscope {

/// bits/dim of a continuous log-density in nats over x in [-0.5, 0.5)^D with bins of 1/256:
/// bpd = 8 - logLikelihoodNats / (D ln 2), i.e. the discrete NLL D ln 256 - log p in bits per
/// dimension (docs/flows.md). 8 = a uniform density.
double bitsPerDim(double logLikelihoodNats, std::int64_t dimsPerImage);

/// The two coefficients of that affine map, bpd = kUniformBitsPerDim + log p · bitsPerDimPerNat(D),
/// for code that applies it to many values at once (the tensor overload in preprocess.h).
inline constexpr double kUniformBitsPerDim = 8.0;
double bitsPerDimPerNat(std::int64_t dimsPerImage);

}  // namespace glowscope
