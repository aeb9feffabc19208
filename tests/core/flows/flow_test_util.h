#pragma once
// Shared helpers of the flows tests: tiny configs, parameter perturbation (so couplings depend on
// their input), and a brute-force log-likelihood from the autograd Jacobian.
#include <ATen/ATen.h>
#include <ATen/core/grad_mode.h>
#include <torch/csrc/autograd/autograd.h>

#include <cmath>

#include "core/flows/flow_model.h"

namespace glowscope::testing {

inline ModelConfig tinyConfig(FlowType type, int channels, int height, int width, int scales,
                              int steps = 2, int hidden = 8) {
  ModelConfig config;
  config.type = type;
  config.channels = channels;
  config.height = height;
  config.width = width;
  config.numScales = scales;
  config.stepsPerScale = steps;
  config.hiddenChannels = hidden;
  config.patchSize = type == FlowType::Local ? 4 : 8;
  config.seed = 7;
  return config;
}

/// Adds N(0, std^2) noise to every parameter so that zero-initialised layers become non-trivial.
inline void perturbParameters(FlowModelImpl& model, double std, std::uint64_t seed) {
  at::NoGradGuard noGrad;
  auto generator = at::detail::createCPUGenerator(seed);
  for (auto& p : model.parameters())
    p.add_(at::randn(p.sizes(), generator, at::TensorOptions().dtype(at::kDouble)).to(p.dtype()) *
           std);
}

/// log N(z;0,I) per row.
inline at::Tensor standardNormal(const at::Tensor& z) {
  return (z.square() * -0.5 - 0.5 * std::log(2.0 * M_PI)).flatten(1).sum(1);
}

/// log|det d(z_1..z_L)/dx| + sum log N(z) for ONE image x (1,C,H,W), by autograd (double).
inline double bruteForceLogLikelihood(FlowModelImpl& model, const at::Tensor& image) {
  at::Tensor x = image.detach().clone().set_requires_grad(true);
  FlowOutput out = model.forward(x);
  at::Tensor z = at::cat(out.latents, 1).flatten();
  const std::int64_t dims = z.numel();
  at::Tensor jacobian = at::zeros({dims, x.numel()}, x.options().requires_grad(false));
  for (std::int64_t j = 0; j < dims; ++j) {
    auto grads = torch::autograd::grad({z[j]}, {x}, {}, /*retain_graph=*/true);
    jacobian[j] = grads[0].flatten().detach();
  }
  const double logAbsDet = std::get<1>(at::linalg_slogdet(jacobian)).item<double>();
  return logAbsDet + standardNormal(z.detach().view({1, -1})).item<double>();
}

}  // namespace glowscope::testing
