#include "core/training/losses.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <cmath>

namespace glowscope {

double discretisationNats(int64_t dimensions) {
  return static_cast<double>(dimensions) * std::log(256.0);
}

at::Tensor negativeLogLikelihoodNats(const at::Tensor& logLikelihoodNats, int64_t dimensions) {
  return -(logLikelihoodNats - discretisationNats(dimensions));
}

at::Tensor maximumLikelihoodLoss(const at::Tensor& logLikelihoodNats, int64_t dimensions) {
  return negativeLogLikelihoodNats(logLikelihoodNats, dimensions).mean();
}

at::Tensor outlierLoss(const at::Tensor& logLikelihoodTrained,
                       const at::Tensor& logLikelihoodFrozen, const OutlierLossOptions& options) {
  const at::Tensor scaledDifference =
      (logLikelihoodTrained - logLikelihoodFrozen.detach()) / options.temperature;
  // at::softplus returns x itself above the threshold: no exp overflow, gradient exactly 1.
  return at::softplus(scaledDifference, /*beta=*/1, /*threshold=*/20).mean() * options.weight;
}

at::Tensor marginLoss(const at::Tensor& nllInlierNats, const at::Tensor& nllOutlierNats,
                      double marginNats) {
  const int64_t pairs = std::min(nllInlierNats.size(0), nllOutlierNats.size(0));
  const at::Tensor inlier = nllInlierNats.slice(0, 0, pairs).detach();
  const at::Tensor outlier = nllOutlierNats.slice(0, 0, pairs);
  return at::relu(marginNats + inlier - outlier).mean();
}

at::Tensor mixtureLogLikelihood(const at::Tensor& logLikelihoodPerClass) {
  const double logClasses = std::log(static_cast<double>(logLikelihoodPerClass.size(1)));
  return at::logsumexp(logLikelihoodPerClass, {1}) - logClasses;
}

SupervisedLossParts supervisedLoss(const at::Tensor& logLikelihoodPerClass,
                                   const at::Tensor& labels, const at::Tensor& logLikelihoodGeneral,
                                   int64_t dimensions, const OutlierLossOptions& options) {
  const at::Tensor labelColumn = labels.to(at::kLong).unsqueeze(1);
  const at::Tensor trueClassLogLikelihood = logLikelihoodPerClass.gather(1, labelColumn).squeeze(1);
  SupervisedLossParts parts;
  parts.trueClassNll = maximumLikelihoodLoss(trueClassLogLikelihood, dimensions);
  const at::Tensor wrongClassMask =
      at::ones_like(logLikelihoodPerClass, logLikelihoodPerClass.options().dtype(at::kBool))
          .scatter_(1, labelColumn, false);
  const at::Tensor scaledDifference =
      (logLikelihoodPerClass - logLikelihoodGeneral.detach().unsqueeze(1)) / options.temperature;
  // where(), not a product with the mask: a true-class entry of +inf must not turn into NaN.
  const at::Tensor perEntry = at::where(wrongClassMask, at::softplus(scaledDifference, 1, 20),
                                        at::zeros_like(scaledDifference));
  parts.wrongClassTerm = perEntry.mean() * options.weight;  // over B·K, zeros included (Sec. 3.2)
  return parts;
}

}  // namespace glowscope
