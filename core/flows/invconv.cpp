#include "core/flows/invconv.h"

#include <ATen/core/grad_mode.h>

#include "core/flows/profile_scope.h"

namespace glowscope {

at::Tensor randomOrthogonal(std::int64_t n, at::Generator& generator) {
  at::Tensor gaussian = at::randn({n, n}, generator, at::TensorOptions().dtype(at::kFloat));
  return std::get<0>(at::linalg_qr(gaussian)).contiguous();
}

InvConvLUImpl::InvConvLUImpl(std::int64_t channels, at::Generator& generator) {
  at::Tensor w0 = randomOrthogonal(channels, generator);
  auto [luData, pivots] = at::linalg_lu_factor(w0);
  auto [p, l, u] = at::lu_unpack(luData, pivots);
  at::Tensor diagU = u.diagonal();
  lowerMask_ = register_buffer("lowerMask", at::ones({channels, channels}).tril(-1));
  upperMask_ = register_buffer("upperMask", lowerMask_.t().contiguous());
  identity_ = register_buffer("identity", at::eye(channels));
  permutation_ = register_buffer("permutation", p.contiguous());
  signS_ = register_buffer("signS", diagU.sign().contiguous());
  lower = register_parameter("lower", (l * lowerMask_).contiguous());
  upper = register_parameter("upper", (u * upperMask_).contiguous());
  logS = register_parameter("logS", diagU.abs().log().contiguous());
}

at::Tensor InvConvLUImpl::weight() const {
  GLOWSCOPE_PROFILE_SCOPE("lu_weight");
  at::Tensor l = lower * lowerMask_ + identity_;
  at::Tensor u = upper * upperMask_ + at::diag(signS_ * logS.exp());
  return permutation_.matmul(l.matmul(u));
}

at::Tensor InvConvLUImpl::logDet(const at::Tensor& x) const {
  const double positions = static_cast<double>(x.size(2) * x.size(3));
  return (logS.sum() * positions).expand({x.size(0)});
}

namespace {

/// y[b, :, p] = W x[b, :, p] (+ bias) as a batched matrix product: on the thin tensors of a flow
/// (4-16 channels) oneDNN's NCHW 1x1 convolution was ~10x slower, forward and backward.
at::Tensor mixChannels(const at::Tensor& x, const at::Tensor& w, const at::Tensor& bias = {}) {
  const auto batch = x.size(0), channels = x.size(1), height = x.size(2), width = x.size(3);
  at::Tensor y = at::matmul(w, x.reshape({batch, channels, height * width}));
  if (bias.defined()) y.add_(bias.view({1, channels, 1}));
  return y.view({batch, channels, height, width});
}

}  // namespace

FlowResult InvConvLUImpl::forward(const at::Tensor& x) {
  GLOWSCOPE_PROFILE_SCOPE("invconv");
  return {mixChannels(x, weight()), logDet(x)};
}

FlowResult InvConvLUImpl::forwardAfter(const ActNormImpl& actNorm, const at::Tensor& x) {
  GLOWSCOPE_PROFILE_SCOPE("actnorm+invconv");
  const at::Tensor w = weight() * actNorm.scale().view({1, -1});
  const double positions = static_cast<double>(x.size(2) * x.size(3));
  const at::Tensor logDetSum = (logS.sum() + actNorm.logScaleSum()) * positions;
  return {mixChannels(x, w, w.matmul(actNorm.bias)), logDetSum.expand({x.size(0)})};
}

FlowResult InvConvLUImpl::inverse(const at::Tensor& y) {
  at::Tensor wInverse = at::linalg_inv(weight());
  return {at::conv2d(y, wInverse.view({wInverse.size(0), wInverse.size(1), 1, 1})), logDet(y)};
}

FixedOrthogonalImpl::FixedOrthogonalImpl(std::int64_t dims, at::Generator& generator) {
  at::Tensor w = randomOrthogonal(dims, generator);
  at::Tensor wDouble = w.to(at::kDouble);
  weight_ = register_buffer("weight", w);
  inverseWeight_ = register_buffer("inverseWeight", at::linalg_inv(wDouble).to(at::kFloat));
  logAbsDet_ = register_buffer("logAbsDet",
                               std::get<1>(at::linalg_slogdet(wDouble)).to(at::kFloat).view({1}));
}

FlowResult FixedOrthogonalImpl::forward(const at::Tensor& x) {
  return {at::linear(x, weight_), logAbsDet_.expand({x.size(0)})};
}

FlowResult FixedOrthogonalImpl::inverse(const at::Tensor& y) {
  return {at::linear(y, inverseWeight_), logAbsDet_.expand({y.size(0)})};
}

}  // namespace glowscope
