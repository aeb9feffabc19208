#pragma once
// The training losses (paper Sec. 3, docs/training-config.md), as pure tensor functions (no model
// inside), so each
// can be tested on hand-made log-likelihoods. All log-likelihoods are in nats of the continuous
// density over x ∈ [−0.5, 0.5)^D (bin width 1/256), as the flows return them.
#include <ATen/core/Tensor.h>

#include <cstdint>

namespace glowscope {

/// D·ln 256: converts the continuous log-density into the discrete NLL of 8-bit data.
double discretisationNats(int64_t dimensions);

/// Per-sample NLL_nats = −(log p(x) − D ln 256) (docs/flows.md).
at::Tensor negativeLogLikelihoodNats(const at::Tensor& logLikelihoodNats, int64_t dimensions);

/// Maximum likelihood: mean over the batch of the NLL in nats.
at::Tensor maximumLikelihoodLoss(const at::Tensor& logLikelihoodNats, int64_t dimensions);

struct OutlierLossOptions {
  double weight = 6000;       ///< λ
  double temperature = 1000;  ///< T, in nats
};

/// Eq. 2 (Sec. 3.1): λ·mean softplus((log p_trained(x_g) − log p_frozen(x_g)) / T). The frozen
/// model's log-likelihood is detached; softplus is evaluated stably (linear above 20), so
/// differences of thousands of nats neither overflow nor lose the gradient.
at::Tensor outlierLoss(const at::Tensor& logLikelihoodTrained,
                       const at::Tensor& logLikelihoodFrozen, const OutlierLossOptions& options);

/// The margin baseline (Hendrycks et al.; paper Sec. 5.3, Tab. 3): mean_i relu(margin +
/// NLL(x_in,i).detach() − NLL(x_out,i)) over the first min(B_in, B_out) pairs. NLLs in nats; the
/// reference's margin is D nats.
at::Tensor marginLoss(const at::Tensor& nllInlierNats, const at::Tensor& nllOutlierNats,
                      double marginNats);

/// log p(x) of the uniform class mixture: logsumexp_k log p(x|k) − log K (Sec. 3.2).
at::Tensor mixtureLogLikelihood(const at::Tensor& logLikelihoodPerClass);

struct SupervisedLossParts {
  at::Tensor trueClassNll;  ///< mean_b NLL(x_b | y_b) in nats
  at::Tensor wrongClassTerm;  ///< λ·softplus((log p(x|k) − log p_g(x))/T) on k ≠ y, mean over B·K
};

/// The supervised loss (Sec. 3.2): `logLikelihoodPerClass` is (B, K), `labels` (B) int64 class
/// indices, and `logLikelihoodGeneral` (B) the frozen general model on the same inlier images.
SupervisedLossParts supervisedLoss(const at::Tensor& logLikelihoodPerClass,
                                   const at::Tensor& labels, const at::Tensor& logLikelihoodGeneral,
                                   int64_t dimensions, const OutlierLossOptions& options);

}  // namespace glowscope
