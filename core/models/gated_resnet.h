#pragma once
// The gated ResNet block of PixelCNN++ (Salimans et al. 2017, Sec. 2 and Fig. 2;
// docs/pixelcnn.md):
//   c1 = conv(concat_elu(x)) [+ nin(concat_elu(skip))]
//   c2 = conv(dropout(concat_elu(c1)))            (2F channels, gain starting at 0.1)
//   out = x + a * sigmoid(b),  (a, b) = the two halves of c2
// with down-shifted 2x3 (u stream) or down-right-shifted 2x2 (ul stream) convolutions, so the
// block keeps its stream's causality; the skip input must already be causal for the position.
#include <ATen/ATen.h>
#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

#include <optional>

#include "core/models/shifted_conv.h"

namespace glowscope {

struct GatedResnetOptions {
  ShiftKind kind = ShiftKind::Down;
  int filters = 1;       ///< F: channels of x and of the output
  int skipChannels = 0;  ///< channels of the skip input (0: none)
  double dropout = 0.0;  ///< rate, applied in training mode only
};

class GatedResnetImpl : public torch::nn::Module {
 public:
  GatedResnetImpl(const GatedResnetOptions& options, at::Generator& generator);
  /// x: (B,F,H,W); skip: (B,skipChannels,H,W) or undefined when skipChannels is 0.
  /// `dropoutGenerator` (when given) draws the dropout masks instead of the global RNG.
  at::Tensor forward(const at::Tensor& x, const at::Tensor& skip,
                     const std::optional<at::Generator>& dropoutGenerator);

 private:
  GatedResnetOptions options_;
  ShiftedConv2d conv1_{nullptr}, conv2_{nullptr};
  NetworkInNetwork skipNin_{nullptr};
};
TORCH_MODULE(GatedResnet);

}  // namespace glowscope
