#include "core/flows/coupling_convs.h"

#include <ATen/Dispatch.h>
#include <ATen/core/grad_mode.h>
#include <torch/csrc/autograd/custom_function.h>

#include <algorithm>
#include <vector>

#include "core/runtime/parallel.h"

namespace glowscope {
namespace {

constexpr auto kChannelsLast = at::MemoryFormat::ChannelsLast;

/// Tap t = 3*ky + kx of a 3x3 window reads at offset (sign*(ky - 1), sign*(kx - 1)); the x range
/// [first, last) of a row whose source lies inside the image.
struct TapOffset {
  int64_t dy, dx, first, last;
  TapOffset(int t, int sign, int64_t width)
      : dy(sign * (t / 3 - 1)),
        dx(sign * (t % 3 - 1)),
        first(std::max<int64_t>(0, -dx)),
        last(std::min<int64_t>(width, width - dx)) {}
};

/// (B,C,H,W) -> (B,H,W,9*C): element (p, t*C + c) = src[c, p + offset(t)], zero outside the
/// image. sign +1: the im2col columns of a 3x3 'same' convolution, channels-last; sign -1: the
/// adjoint of sumTaps(+1). Row by row, so that the inner loops run branch-free.
at::Tensor gatherTaps(const at::Tensor& source, int sign) {
  const at::Tensor src = source.contiguous();
  const auto batch = src.size(0), channels = src.size(1), height = src.size(2),
             width = src.size(3);
  const int64_t stride = 9 * channels;
  at::Tensor dst = at::zeros({batch, height, width, stride}, src.options());
  AT_DISPATCH_FLOATING_TYPES(src.scalar_type(), "gatherTaps", [&] {
    const scalar_t* in = src.data_ptr<scalar_t>();
    scalar_t* out = dst.data_ptr<scalar_t>();
    at::parallel_for(0, batch * height, 16, [&](int64_t begin, int64_t end) {
      for (int64_t row = begin; row < end; ++row) {
        const int64_t b = row / height, y = row % height;
        for (int t = 0; t < 9; ++t) {
          const TapOffset offset(t, sign, width);
          const int64_t sy = y + offset.dy;
          if (sy < 0 || sy >= height) continue;
          for (int64_t c = 0; c < channels; ++c) {
            scalar_t* to = out + row * width * stride + t * channels + c;
            const scalar_t* from = in + ((b * channels + c) * height + sy) * width + offset.dx;
            for (int64_t x = offset.first; x < offset.last; ++x) to[x * stride] = from[x];
          }
        }
      }
    });
  });
  return dst;
}

/// (B,H,W,9*C) -> (B,C,H,W): dst[c, p] = sum over taps t of src[p + offset(t), t*C + c].
/// sign +1 sums each pixel's taps from its neighbours (the 3x3 convolution from per-tap 1x1
/// outputs); sign -1 is the adjoint of gatherTaps(+1).
at::Tensor sumTaps(const at::Tensor& source, int sign) {
  const at::Tensor src = source.contiguous();
  const auto batch = src.size(0), height = src.size(1), width = src.size(2),
             stride = src.size(3), channels = stride / 9;
  at::Tensor dst = at::empty({batch, channels, height, width}, src.options());
  AT_DISPATCH_FLOATING_TYPES(src.scalar_type(), "sumTaps", [&] {
    const scalar_t* in = src.data_ptr<scalar_t>();
    scalar_t* out = dst.data_ptr<scalar_t>();
    at::parallel_for(0, batch * height, 16, [&](int64_t begin, int64_t end) {
      std::vector<scalar_t> sums(static_cast<size_t>(width * channels));  // (x, c) of one row
      for (int64_t row = begin; row < end; ++row) {
        const int64_t b = row / height, y = row % height;
        std::fill(sums.begin(), sums.end(), scalar_t(0));
        for (int t = 0; t < 9; ++t) {
          const TapOffset offset(t, sign, width);
          const int64_t sy = y + offset.dy;
          if (sy < 0 || sy >= height) continue;
          const scalar_t* from = in + ((b * height + sy) * width + offset.dx) * stride + t * channels;
          for (int64_t x = offset.first; x < offset.last; ++x)
            for (int64_t c = 0; c < channels; ++c) sums[x * channels + c] += from[x * stride + c];
        }
        for (int64_t c = 0; c < channels; ++c)
          for (int64_t x = 0; x < width; ++x)
            out[((b * channels + c) * height + y) * width + x] = sums[x * channels + c];
      }
    });
  });
  return dst;
}

struct TapColumns : public torch::autograd::Function<TapColumns> {
  static at::Tensor forward(torch::autograd::AutogradContext*, const at::Tensor& input) {
    return gatherTaps(input, +1);
  }
  static torch::autograd::variable_list backward(torch::autograd::AutogradContext*,
                                                 torch::autograd::variable_list grads) {
    return {sumTaps(grads[0], -1)};
  }
};

struct TapSum : public torch::autograd::Function<TapSum> {
  static at::Tensor forward(torch::autograd::AutogradContext*, const at::Tensor& taps) {
    return sumTaps(taps, +1);
  }
  static torch::autograd::variable_list backward(torch::autograd::AutogradContext*,
                                                 torch::autograd::variable_list grads) {
    return {gatherTaps(grads[0], -1)};
  }
};

/// Columns (B,H,W,9*C) in tap-major order t*C + c, seen as a channels-last (B,9*C,H,W) image:
/// the weight reordered to (O, ky, kx, C) makes a 1x1 convolution of them the 3x3 convolution.
at::Tensor viaColumns(const at::Tensor& input, const at::Tensor& weight, const at::Tensor& bias) {
  const at::Tensor columns = TapColumns::apply(input).permute({0, 3, 1, 2});
  return conv1x1(columns, weight.permute({0, 2, 3, 1}).reshape({weight.size(0), -1, 1, 1}), bias);
}

/// y[o, p] = sum over taps t of W[o, :, t] . x[p + t - centre]: a 1x1 convolution to the taps
/// (channel t*O + o holds W[o, :, t] . x[q] at every q), then each pixel sums its taps from its
/// neighbours.
at::Tensor viaTaps(const at::Tensor& input, const at::Tensor& weight, const at::Tensor& bias) {
  const at::Tensor tapWeight = weight.permute({2, 3, 0, 1}).reshape({-1, weight.size(1), 1, 1});
  const at::Tensor taps = conv1x1(input.contiguous(kChannelsLast), tapWeight);
  const at::Tensor sums = TapSum::apply(taps.permute({0, 2, 3, 1}));
  return bias.defined() ? sums + bias.view({1, -1, 1, 1}) : sums;
}

}  // namespace

namespace {

/// Convolution with its bias: inside oneDNN's forward (free) when no gradient is recorded, else
/// added in place afterwards.
at::Tensor withBias(const at::Tensor& input, const at::Tensor& weight, const at::Tensor& bias,
                    std::int64_t padding) {
  const at::Tensor w = weight.contiguous(kChannelsLast);
  if (!bias.defined() || !at::GradMode::is_enabled())
    return at::conv2d(input, w, bias, 1, padding);
  at::Tensor output = at::conv2d(input, w, {}, 1, padding);
  output.add_(bias.view({1, -1, 1, 1}));
  return output;
}

}  // namespace

at::Tensor conv1x1(const at::Tensor& input, const at::Tensor& weight, const at::Tensor& bias) {
  return withBias(input, weight, bias, 0);
}

at::Tensor conv3x3Same(const at::Tensor& input, const at::Tensor& weight, const at::Tensor& bias) {
  if (input.is_cpu() && weight.size(1) <= kFewChannels) return viaColumns(input, weight, bias);
  if (input.is_cpu() && weight.size(0) <= kFewChannels) return viaTaps(input, weight, bias);
  return withBias(input.contiguous(kChannelsLast), weight, bias, 1);
}

}  // namespace glowscope
