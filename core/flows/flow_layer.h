#pragma once
#include <ATen/ATen.h>
#include <torch/nn/module.h>

#include <optional>

namespace glowscope {

/// ATen factories take c10::optional; our API takes std::optional.
inline c10::optional<at::Generator> toC10Generator(const std::optional<at::Generator>& g) {
  return g ? c10::optional<at::Generator>(*g) : c10::nullopt;
}

/// Output of one invertible layer: the transformed tensor and log|det J| per example (B).
/// Both directions report the FORWARD log-det (docs/flows.md), so inverse chains yield
/// log p of the generated x.
struct FlowResult {
  at::Tensor output;
  at::Tensor logDet;
};

/// An invertible layer of a flow step.
class FlowLayerImpl : public torch::nn::Module {
 public:
  virtual FlowResult forward(const at::Tensor& x) = 0;
  virtual FlowResult inverse(const at::Tensor& y) = 0;
};

}  // namespace glowscope
