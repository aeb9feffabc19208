#pragma once
// Shared helpers of the PixelCNN++ tests: tiny configs and weights made non-trivial.
#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <ATen/core/grad_mode.h>

#include "core/models/pixelcnn.h"

namespace glowscope::testing {

inline PixelCnnConfig tinyPixelCnnConfig(int channels, int size = 8, int logistics = 2) {
  PixelCnnConfig config = pixelCnnPreset("tiny", channels, size, size);
  config.logistics = logistics;
  config.seed = 5;
  return config;
}

/// Adds N(0, std^2) to every parameter, so that the zero biases and the 0.1 gains of a fresh
/// model do not hide a dependence.
inline void perturbParameters(torch::nn::Module& model, double std, std::uint64_t seed) {
  at::NoGradGuard noGrad;
  at::Generator generator = at::detail::createCPUGenerator(seed);
  for (auto& p : model.parameters()) p.add_(at::randn(p.sizes(), generator) * std);
}

inline at::Tensor randomPixels(std::int64_t n, const PixelCnnConfig& c, std::uint64_t seed) {
  at::Generator generator = at::detail::createCPUGenerator(seed);
  return at::randint(0, 256, {n, c.channels, c.height, c.width}, generator).to(at::kByte);
}

/// (B,C,H,W) -> (B, D) in the model's order: raster order of pixels, channels within a pixel.
inline at::Tensor inModelOrder(const at::Tensor& map) {
  return map.permute({0, 2, 3, 1}).reshape({map.size(0), -1});
}

}  // namespace glowscope::testing
