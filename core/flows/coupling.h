#pragma once
#include <memory>
#include <optional>

#include "core/flows/actnorm.h"
#include "core/flows/coupling_net_cpu.h"
#include "core/flows/flow_layer.h"

namespace glowscope {

/// The network inside an affine coupling: maps the conditioning half (C/2 features) to C
/// features, interleaved as shift (even) and raw scale (odd).
class CouplingNetImpl : public torch::nn::Module {
 public:
  virtual at::Tensor forward(const at::Tensor& conditioningHalf) = 0;
};

/// conv3x3 (no bias, N(0,0.05^2)) -> ActNorm -> ReLU -> conv1x1 (same) -> ActNorm -> ReLU ->
/// zero conv3x3 with bias and output gain exp(3*logs). Inner ActNorm log-dets are discarded.
class ConvCouplingNetImpl : public CouplingNetImpl {
 public:
  ConvCouplingNetImpl(std::int64_t channels, std::int64_t hidden, at::Generator& generator);
  at::Tensor forward(const at::Tensor& conditioningHalf) override;
  /// folded(), when the fused CPU kernel (coupling_net_cpu.h) runs `input` (the conditioning half, or the whole coupling input):
  /// no gradient recorded, float32, AVX-512, ActNorms initialised.
  std::optional<FoldedCouplingNet> foldedForFusedKernel(const at::Tensor& input) const;
  /// The weights with the ActNorms and the gain folded in (forward's comment says how).
  FoldedCouplingNet folded() const;

  at::Tensor conv1Weight, conv2Weight, zeroWeight, zeroBias, zeroLogs;
  ActNorm actNorm1{nullptr}, actNorm2{nullptr};
};

/// Linear(D/2 -> h) -> ReLU -> Linear(h -> h) -> ReLU -> Linear(h -> D), PyTorch default Linear
/// init (weights and biases ~ U(-1/sqrt(fan_in), 1/sqrt(fan_in))), no zero init.
class MlpCouplingNetImpl : public CouplingNetImpl {
 public:
  MlpCouplingNetImpl(std::int64_t dims, std::int64_t hidden, at::Generator& generator);
  at::Tensor forward(const at::Tensor& conditioningHalf) override;

  at::Tensor weight1, bias1, weight2, bias2, weight3, bias3;
};

/// Affine coupling (docs/flows.md): x1 = first half (dim 1) conditions, x2 = second half is
/// transformed: h = NN(x1), t = h[:,0::2], s = sigmoid(h[:,1::2] + 2), y2 = (x2 + t) * s.
class AffineCouplingImpl : public FlowLayerImpl {
 public:
  explicit AffineCouplingImpl(std::shared_ptr<CouplingNetImpl> net);
  FlowResult forward(const at::Tensor& x) override;
  FlowResult inverse(const at::Tensor& y) override;
  const std::shared_ptr<CouplingNetImpl>& net() const { return net_; }

 private:
  std::shared_ptr<CouplingNetImpl> net_;
};
TORCH_MODULE(AffineCoupling);

}  // namespace glowscope
