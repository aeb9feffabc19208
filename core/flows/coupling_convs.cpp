#include "core/flows/coupling_convs.h"

namespace glowscope {
namespace {

constexpr auto kChannelsLast = at::MemoryFormat::ChannelsLast;

/// im2col gives (B, C*9, H*W) with channel index c*9 + 3*ky + kx; the weight reshaped to
/// (O, C*9, 1, 1) has the same order, so a 1x1 convolution of the columns is the 3x3 convolution.
at::Tensor viaColumns(const at::Tensor& input, const at::Tensor& weight) {
  const auto batch = input.size(0), height = input.size(2), width = input.size(3);
  const at::Tensor columns =
      at::im2col(input, {3, 3}, {1, 1}, {1, 1}, {1, 1}).view({batch, -1, height, width});
  return conv1x1(columns.contiguous(kChannelsLast),
                 weight.reshape({weight.size(0), -1, 1, 1}));
}

/// y[o, p] = sum over taps t of W[o, :, t] . x[p + t - 1]. Taps = a 1x1 convolution to
/// (O, 9) channels holding W[o, :, t] . x[q] at every q; col2im adds the value of tap index k at q
/// into q + k - 1, so tap index k must carry the flipped kernel tap 2 - k.
at::Tensor viaTaps(const at::Tensor& input, const at::Tensor& weight) {
  const auto batch = input.size(0), height = input.size(2), width = input.size(3);
  const at::Tensor tapWeight =
      weight.flip({2, 3}).permute({0, 2, 3, 1}).reshape({-1, weight.size(1), 1, 1});
  const at::Tensor taps = conv1x1(input.contiguous(kChannelsLast), tapWeight);
  return at::col2im(taps.contiguous().view({batch, taps.size(1), height * width}),
                    {height, width}, {3, 3}, {1, 1}, {1, 1}, {1, 1});
}

}  // namespace

at::Tensor conv1x1(const at::Tensor& input, const at::Tensor& weight) {
  return at::conv2d(input, weight.contiguous(kChannelsLast));
}

at::Tensor conv3x3Same(const at::Tensor& input, const at::Tensor& weight) {
  if (input.is_cpu() && weight.size(1) <= kFewChannels) return viaColumns(input, weight);
  if (input.is_cpu() && weight.size(0) <= kFewChannels) return viaTaps(input, weight);
  return at::conv2d(input.contiguous(kChannelsLast), weight.contiguous(kChannelsLast), {}, 1, 1);
}

void addBiasReluInPlace(at::Tensor& h, const at::Tensor& bias) {
  h.add_(bias.view({1, -1, 1, 1}));
  h.relu_();
}

}  // namespace glowscope
