#pragma once
#include <ATen/ATen.h>
#include <torch/nn/module.h>

#include <optional>

#include "core/flows/actnorm.h"

namespace glowscope {

/// The prior of one latent (docs/flows.md; class heads: Sec. 3.2): a per-dimension ActNorm
/// (scale exp(s)+1e-8) followed by N(0,I); with numClasses > 0 additionally K class heads, each a
/// per-dimension ActNorm (identity at creation) followed by N(mean_k, exp(logStd_k)^2) with
/// trainable mean and log-std (zero at creation).
class LatentPriorImpl : public torch::nn::Module {
 public:
  LatentPriorImpl(std::int64_t dims, int numClasses);

  struct Terms {
    at::Tensor latent;           ///< (B,D) after the shared ActNorm
    at::Tensor actNormLogDet;    ///< (B)
    at::Tensor logDensity;       ///< (B) log N(latent; 0, I), or the uniform class mixture
    at::Tensor classLogDensity;  ///< (B,K) per-class head log-dets + log N; undefined if K = 0
  };
  /// z: (B,D) the flattened latent before the ActNorm.
  Terms forward(const at::Tensor& z);
  /// latent: (B,D) after the ActNorm; Terms::latent then holds z (before the ActNorm).
  Terms inverse(const at::Tensor& latent);
  /// Latents (after the ActNorm) drawn with temperature; classIndex -1 = uniform class draw.
  at::Tensor sample(std::int64_t n, double temperature, std::optional<at::Generator> generator,
                    std::int64_t classIndex);

  std::int64_t dims() const { return dims_; }
  int numClasses() const { return numClasses_; }

  ActNorm actNorm{nullptr};
  at::Tensor headBias, headLogScale, headMean, headLogStd;  ///< (K,D) each, if K > 0

 private:
  at::Tensor densityTerms(const at::Tensor& latent, at::Tensor* classLogDensity) const;

  std::int64_t dims_;
  int numClasses_;
};
TORCH_MODULE(LatentPrior);

/// log N(z; 0, I) summed over all but the first dimension.
at::Tensor standardNormalLogDensity(const at::Tensor& z);

}  // namespace glowscope
