#include "core/flows/latent_prior.h"

#include <ATen/core/grad_mode.h>

#include <cmath>
#include <string>

#include "core/flows/profile_scope.h"
#include "core/util/errors.h"

namespace glowscope {
namespace {

constexpr double kLatentScaleEps = 1e-8;
const double kHalfLogTwoPi = 0.5 * std::log(2.0 * M_PI);

}  // namespace

at::Tensor standardNormalLogDensity(const at::Tensor& z) {
  return (z.square() * -0.5 - kHalfLogTwoPi).flatten(1).sum(1);
}

LatentPriorImpl::LatentPriorImpl(std::int64_t dims, int numClasses)
    : dims_(dims), numClasses_(numClasses) {
  actNorm = register_module("actNorm", ActNorm(ActNormOptions{dims, kLatentScaleEps, true}));
  if (numClasses > 0) {
    headBias = register_parameter("headBias", at::zeros({numClasses, dims}));
    headLogScale = register_parameter("headLogScale", at::zeros({numClasses, dims}));
    headMean = register_parameter("headMean", at::zeros({numClasses, dims}));
    headLogStd = register_parameter("headLogStd", at::zeros({numClasses, dims}));
  }
}

at::Tensor LatentPriorImpl::densityTerms(const at::Tensor& latent,
                                         at::Tensor* classLogDensity) const {
  if (numClasses_ == 0) return standardNormalLogDensity(latent);
  at::Tensor headScale = headLogScale.exp() + kLatentScaleEps;  // (K,D)
  at::Tensor y = (latent.unsqueeze(1) + headBias) * headScale;  // (B,K,D)
  at::Tensor standardized = (y - headMean) * (-headLogStd).exp();
  at::Tensor logNormal = (standardized.square() * -0.5 - headLogStd - kHalfLogTwoPi).sum(2);
  *classLogDensity = logNormal + headScale.log().sum(1);  // (B,K)
  return at::logsumexp(*classLogDensity, 1) - std::log(static_cast<double>(numClasses_));
}

LatentPriorImpl::Terms LatentPriorImpl::forward(const at::Tensor& z) {
  GLOWSCOPE_PROFILE_SCOPE("prior");
  Terms terms;
  FlowResult normed = actNorm->forward(z);
  terms.latent = normed.output;
  terms.actNormLogDet = normed.logDet;
  terms.logDensity = densityTerms(normed.output, &terms.classLogDensity);
  return terms;
}

LatentPriorImpl::Terms LatentPriorImpl::inverse(const at::Tensor& latent) {
  Terms terms;
  FlowResult restored = actNorm->inverse(latent);
  terms.latent = restored.output;
  terms.actNormLogDet = restored.logDet;
  terms.logDensity = densityTerms(latent, &terms.classLogDensity);
  return terms;
}

at::Tensor LatentPriorImpl::sample(std::int64_t n, double temperature,
                                   std::optional<at::Generator> generator,
                                   std::int64_t classIndex) {
  at::NoGradGuard noGrad;
  const auto options = actNorm->bias.options();
  at::Tensor eps = at::randn({n, dims_}, toC10Generator(generator), options) * temperature;
  if (numClasses_ == 0) return eps;
  if (classIndex >= numClasses_)
    throw Error("sample: class index " + std::to_string(classIndex) + " out of range");
  at::Tensor classes = classIndex >= 0 ? at::full({n}, classIndex, options.dtype(at::kLong))
                                       : at::randint(numClasses_, {n}, toC10Generator(generator),
                                                     options.dtype(at::kLong));
  at::Tensor y =
      headMean.index_select(0, classes) + eps * headLogStd.index_select(0, classes).exp();
  at::Tensor headScale = headLogScale.index_select(0, classes).exp() + kLatentScaleEps;
  return y / headScale - headBias.index_select(0, classes);
}

}  // namespace glowscope
