#pragma once
#include "core/flows/actnorm.h"
#include "core/flows/flow_layer.h"

namespace glowscope {

/// Invertible 1x1 convolution with an LU-parametrised weight (Glow; docs/flows.md):
/// W = P (L*mask_l + I) (U*mask_u + diag(sign * exp(logS))), init from the QR of randn(C,C).
/// log-det = H*W*sum(logS); the inverse recomputes W^-1 at every call.
class InvConvLUImpl : public FlowLayerImpl {
 public:
  InvConvLUImpl(std::int64_t channels, at::Generator& generator);
  FlowResult forward(const at::Tensor& x) override;
  FlowResult inverse(const at::Tensor& y) override;
  /// `actNorm` followed by this layer as one linear map, W (s*(x + b)) = (W diag s) x + W (s*b):
  /// the output and summed log-det of both, in one pass over x (docs/flows.md, "Performance").
  FlowResult forwardAfter(const ActNormImpl& actNorm, const at::Tensor& x);
  at::Tensor weight() const;  ///< (C,C), y_c = sum_k W[c,k] x_k

  at::Tensor lower, upper, logS;  ///< parameters (C,C), (C,C), (C)

 private:
  at::Tensor logDet(const at::Tensor& x) const;
  at::Tensor permutation_, signS_, lowerMask_, upperMask_, identity_;
};
TORCH_MODULE(InvConvLU);

/// Fixed random orthogonal mixing of a (B,D) vector (the dense Glow of supp. S2.2; docs/flows.md):
/// a non-trainable buffer W with its precomputed inverse and log|det| (about 0).
class FixedOrthogonalImpl : public FlowLayerImpl {
 public:
  FixedOrthogonalImpl(std::int64_t dims, at::Generator& generator);
  FlowResult forward(const at::Tensor& x) override;
  FlowResult inverse(const at::Tensor& y) override;
  const at::Tensor& weight() const { return weight_; }

 private:
  at::Tensor weight_, inverseWeight_, logAbsDet_;
};
TORCH_MODULE(FixedOrthogonal);

/// Q of the QR decomposition of a randn(n,n) matrix drawn from `generator` (float32, CPU).
at::Tensor randomOrthogonal(std::int64_t n, at::Generator& generator);

}  // namespace glowscope
