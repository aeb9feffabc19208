#include "core/models/shifted_conv.h"

#include <cmath>

#include "core/util/errors.h"

namespace glowscope {
namespace {

thread_local CountMultiplyAdds* activeCounter = nullptr;

// Norm of v per output channel, shaped to broadcast against v.
at::Tensor outputChannelNorm(const at::Tensor& v, bool transposed) {
  if (transposed) return v.transpose(0, 1).flatten(1).norm(2, 1).view({1, -1, 1, 1});
  return v.flatten(1).norm(2, 1).view({-1, 1, 1, 1});
}

// Zero padding {left, right, top, bottom} that makes a kh x kw window causal for the shift.
std::vector<std::int64_t> causalPadding(ShiftKind kind, std::int64_t kh, std::int64_t kw) {
  if (kind == ShiftKind::Down) return {(kw - 1) / 2, (kw - 1) / 2, kh - 1, 0};
  return {kw - 1, 0, kh - 1, 0};
}

}  // namespace

WeightNormImpl::WeightNormImpl(const ConvShape& shape, bool transposed, at::Generator& generator)
    : shape_(shape), transposed_(transposed) {
  const std::int64_t fanIn =
      std::int64_t{shape.inChannels} * shape.kernelHeight * shape.kernelWidth;
  const double bound = 1.0 / std::sqrt(static_cast<double>(fanIn));
  const std::vector<std::int64_t> size =
      transposed ? std::vector<std::int64_t>{shape.inChannels, shape.outChannels,
                                             shape.kernelHeight, shape.kernelWidth}
                 : std::vector<std::int64_t>{shape.outChannels, shape.inChannels,
                                             shape.kernelHeight, shape.kernelWidth};
  at::Tensor v =
      at::empty(size, at::TensorOptions().dtype(at::kFloat)).uniform_(-bound, bound, generator);
  at::Tensor g = outputChannelNorm(v, transposed).flatten() * shape.initScale;
  v_ = register_parameter("v", v);
  g_ = register_parameter("g", g);
  bias_ = register_parameter("bias", at::zeros({shape.outChannels}, at::kFloat));
}

at::Tensor WeightNormImpl::weight() const {
  const at::Tensor gain = transposed_ ? g_.view({1, -1, 1, 1}) : g_.view({-1, 1, 1, 1});
  return v_ * (gain / outputChannelNorm(v_, transposed_));
}

ShiftedConv2dImpl::ShiftedConv2dImpl(ShiftKind kind, const ConvShape& shape, int stride,
                                     at::Generator& generator)
    : kind_(kind), stride_(stride) {
  if (stride != 1 && stride != 2) throw Error("ShiftedConv2d: stride must be 1 or 2");
  weights_ = register_module("weights", WeightNorm(shape, false, generator));
}

at::Tensor ShiftedConv2dImpl::forward(const at::Tensor& x) {
  const ConvShape& s = weights_->shape();
  at::Tensor padded =
      at::constant_pad_nd(x, causalPadding(kind_, s.kernelHeight, s.kernelWidth), 0.0);
  at::Tensor y = at::conv2d(padded, weights_->weight(), weights_->bias(), {stride_, stride_});
  CountMultiplyAdds::add(y.size(2) * y.size(3) * s.outChannels * s.inChannels * s.kernelHeight *
                         s.kernelWidth);
  return y;
}

ShiftedDeconv2dImpl::ShiftedDeconv2dImpl(ShiftKind kind, const ConvShape& shape,
                                         at::Generator& generator)
    : kind_(kind) {
  weights_ = register_module("weights", WeightNorm(shape, true, generator));
}

at::Tensor ShiftedDeconv2dImpl::forward(const at::Tensor& x) {
  const ConvShape& s = weights_->shape();
  // Unpadded stride-2 transposed convolution: input (i, j) reaches output rows 2i..2i+kh-1 and
  // columns 2j..2j+kw-1. Keeping rows 0..2H-1 (and, for Down, centring the columns) maps input
  // row i onto output rows 2i and 2i+1 only, so no output row sees a later input row.
  at::Tensor y = at::conv_transpose2d(x, weights_->weight(), weights_->bias(), {2, 2});
  CountMultiplyAdds::add(x.size(2) * x.size(3) * s.inChannels * s.outChannels * s.kernelHeight *
                         s.kernelWidth);
  const std::int64_t firstColumn = kind_ == ShiftKind::Down ? (s.kernelWidth - 1) / 2 : 0;
  return y.narrow(2, 0, 2 * x.size(2)).narrow(3, firstColumn, 2 * x.size(3));
}

NetworkInNetworkImpl::NetworkInNetworkImpl(int inChannels, int outChannels,
                                           at::Generator& generator) {
  weights_ = register_module(
      "weights", WeightNorm(ConvShape{inChannels, outChannels, 1, 1, 1.0}, false, generator));
}

at::Tensor NetworkInNetworkImpl::forward(const at::Tensor& x) {
  at::Tensor y = at::conv2d(x, weights_->weight(), weights_->bias());
  CountMultiplyAdds::add(y.size(2) * y.size(3) * y.size(1) * x.size(1));
  return y;
}

at::Tensor downShift(const at::Tensor& x) {
  return at::constant_pad_nd(x.narrow(2, 0, x.size(2) - 1), {0, 0, 1, 0}, 0.0);
}

at::Tensor rightShift(const at::Tensor& x) {
  return at::constant_pad_nd(x.narrow(3, 0, x.size(3) - 1), {1, 0, 0, 0}, 0.0);
}

at::Tensor concatElu(const at::Tensor& x) { return at::elu(at::cat({x, -x}, 1)); }

CountMultiplyAdds::CountMultiplyAdds() : previous_(activeCounter) { activeCounter = this; }

CountMultiplyAdds::~CountMultiplyAdds() { activeCounter = previous_; }

void CountMultiplyAdds::add(std::int64_t multiplyAddsPerImage) {
  if (activeCounter != nullptr) activeCounter->count_ += multiplyAddsPerImage;
}

}  // namespace glowscope
