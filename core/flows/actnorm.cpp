#include "core/flows/actnorm.h"

#include <ATen/core/grad_mode.h>

#include <string>

#include "core/flows/profile_scope.h"
#include "core/util/errors.h"

namespace glowscope {
namespace {

std::vector<std::int64_t> parameterViewShape(const at::Tensor& like, std::int64_t features) {
  if (like.dim() == 2) return {1, features};
  return {1, features, 1, 1};
}

}  // namespace

ActNormImpl::ActNormImpl(ActNormOptions options) : options_(options) {
  bias = register_parameter("bias", at::zeros({options.numFeatures}));
  logScale = register_parameter("logScale", at::zeros({options.numFeatures}));
  initializedFlag_ = register_buffer("initialized", at::full({1}, options.dataInit ? 0.0f : 1.0f));
}

bool ActNormImpl::initialized() const { return initializedFlag_.item<float>() > 0.5f; }

void ActNormImpl::markInitialized() {
  at::NoGradGuard noGrad;
  initializedFlag_.fill_(1.0);
}

at::Tensor ActNormImpl::scale() const {
  if (options_.scaleEps > 0.0) return logScale.exp() + options_.scaleEps;
  return logScale.exp();
}

at::Tensor ActNormImpl::logScaleSum() const {
  return options_.scaleEps > 0.0 ? (logScale.exp() + options_.scaleEps).log().sum()
                                 : logScale.sum();
}

at::Tensor ActNormImpl::scaleShaped(const at::Tensor& like) const {
  return scale().view(parameterViewShape(like, options_.numFeatures));
}

at::Tensor ActNormImpl::logDetPerExample(const at::Tensor& x) const {
  const std::int64_t positions = x.dim() == 4 ? x.size(2) * x.size(3) : 1;
  return (logScaleSum() * static_cast<double>(positions)).expand({x.size(0)});
}

void ActNormImpl::initializeFrom(const at::Tensor& x) {
  if (reducer_) return initializeFromAllProcesses(x);
  at::NoGradGuard noGrad;
  const std::vector<std::int64_t> dims =
      x.dim() == 2 ? std::vector<std::int64_t>{0} : std::vector<std::int64_t>{0, 2, 3};
  at::Tensor mean = x.mean(dims);
  at::Tensor std = x.std(dims, /*unbiased=*/true);
  // A single sample has no spread; fall back to unit scale rather than NaN.
  std = at::where(at::isfinite(std), std, at::ones_like(std)).clamp_min(1e-6);
  bias.copy_(-mean);
  logScale.copy_((1.0 / std).log());
  initializedFlag_.fill_(1.0);
}

/// The same statistics over the union of every process's input: sums and counts reduced across
/// processes, two passes (mean, then squared deviations) in double, so the result equals the
/// one-process init on all the images up to float rounding (docs/scaling-out.md).
void ActNormImpl::initializeFromAllProcesses(const at::Tensor& x) {
  at::NoGradGuard noGrad;
  const std::vector<std::int64_t> dims =
      x.dim() == 2 ? std::vector<std::int64_t>{0} : std::vector<std::int64_t>{0, 2, 3};
  const at::Tensor values = x.to(at::kDouble);
  const double perFeature = static_cast<double>(x.numel() / options_.numFeatures);
  at::Tensor sums = at::cat({values.sum(dims), at::full({1}, perFeature, values.options())});
  reducer_(sums);
  const at::Tensor count = sums.slice(0, options_.numFeatures);
  const at::Tensor mean = sums.slice(0, 0, options_.numFeatures) / count;
  at::Tensor squares = (values - mean.view(parameterViewShape(x, options_.numFeatures)))
                           .pow(2)
                           .sum(dims);
  reducer_(squares);
  at::Tensor std = (squares / (count - 1)).sqrt();
  std = at::where(at::isfinite(std), std, at::ones_like(std)).clamp_min(1e-6);
  bias.copy_(-mean);
  logScale.copy_((1.0 / std).log());
  initializedFlag_.fill_(1.0);
}

FlowResult ActNormImpl::forward(const at::Tensor& x) {
  GLOWSCOPE_PROFILE_SCOPE("actnorm");
  if (x.dim() != 2 && x.dim() != 4) throw Error("ActNorm expects 2-D or 4-D input");
  if (armed_) {
    initializeFrom(x);
    armed_ = false;
  }
  at::Tensor y = (x + bias.view(parameterViewShape(x, options_.numFeatures))) * scaleShaped(x);
  return {y, logDetPerExample(x)};
}

FlowResult ActNormImpl::inverse(const at::Tensor& y) {
  at::Tensor x = y / scaleShaped(y) - bias.view(parameterViewShape(y, options_.numFeatures));
  return {x, logDetPerExample(y)};
}

}  // namespace glowscope
