#pragma once
#include <ATen/ATen.h>

#include <cstdint>
#include <optional>

#include "core/flows/bits_per_dim.h"
#include "core/flows/preprocess_mode.h"

namespace glowscope {

/// Maps integer pixels k (uint8 (B,C,H,W); a floating tensor is taken as holding k values in
/// [0,256), e.g. grey conversions) to float32 x = k/256 - 0.5 + offset on the input's device.
/// The noise of TrainingNoise uses `generator` when given (it must live on the input's device).
/// Throws glowscope::Error for other dtypes or a tensor that is not 4-D.
at::Tensor preprocessImages(const at::Tensor& images, PreprocessMode mode,
                            std::optional<at::Generator> generator = std::nullopt);

/// Inverse of the scaling for display: k = clamp((x + 0.5) * 256, 0, 255) as uint8.
at::Tensor imagesToUint8(const at::Tensor& x);

/// bitsPerDim (core/flows/bits_per_dim.h) of every element.
at::Tensor bitsPerDim(const at::Tensor& logLikelihoodNats, std::int64_t dimsPerImage);

}  // namespace glowscope
