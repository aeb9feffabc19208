#pragma once
// The convolutions of the conv coupling net, shaped for oneDNN on the CPU (docs/flows.md,
// "Performance"). Same functions as at::conv2d up to float rounding, on any device.
#include <ATen/ATen.h>

namespace glowscope {

/// 3x3 'same' convolution plus a per-channel bias (none if undefined). On the CPU, with at most kFewChannels input channels it
/// runs as im2col + one 1x1 convolution (oneDNN's direct 3x3 backward is slow on 2-4 input
/// channels); with at most kFewChannels output channels as one 1x1 convolution to the nine taps of
/// every output channel + col2im, which sums each pixel's taps from its neighbours. Otherwise a
/// channels-last oneDNN convolution. The result may be channels-last or not.
at::Tensor conv3x3Same(const at::Tensor& input, const at::Tensor& weight, const at::Tensor& bias);

/// 1x1 convolution plus a per-channel bias (none if undefined) on a channels-last input:
/// channels-last output. When gradients are recorded the bias is added in place after the
/// convolution: oneDNN's bias gradient in its weight backward cost more than ATen's channel sum.
at::Tensor conv1x1(const at::Tensor& input, const at::Tensor& weight, const at::Tensor& bias = {});

inline constexpr std::int64_t kFewChannels = 4;

}  // namespace glowscope
