#pragma once
// Adamax (Kingma & Ba 2015, Alg. 2) with coupled L2 weight decay, as torch.optim.Adamax does it.
// LibTorch 1.13 ships no Adamax; the authors' code trains every Glow with it
// (docs/training-config.md).
#include <torch/optim/optimizer.h>

#include <tuple>
#include <vector>

namespace glowscope {

struct AdamaxOptions : public torch::optim::OptimizerCloneableOptions<AdamaxOptions> {
  AdamaxOptions(double lr = 5e-4);  // NOLINT: implicit like torch's own options
  TORCH_ARG(double, lr) = 5e-4;
  TORCH_ARG(double, beta1) = 0.9;
  TORCH_ARG(double, beta2) = 0.999;
  TORCH_ARG(double, eps) = 1e-8;
  /// Coupled: weight_decay·p is added to the gradient before the moments (L2, not AdamW).
  TORCH_ARG(double, weight_decay) = 0;

 public:
  void serialize(torch::serialize::InputArchive& archive) override;
  void serialize(torch::serialize::OutputArchive& archive) const override;
  double get_lr() const override { return lr(); }
  void set_lr(const double lr) override { this->lr(lr); }
};

struct AdamaxParamState : public torch::optim::OptimizerCloneableParamState<AdamaxParamState> {
  TORCH_ARG(int64_t, step) = 0;
  TORCH_ARG(torch::Tensor, exp_avg);  ///< first moment m_t
  TORCH_ARG(torch::Tensor, exp_inf);  ///< exponentially weighted infinity norm u_t

 public:
  void serialize(torch::serialize::InputArchive& archive) override;
  void serialize(torch::serialize::OutputArchive& archive) const override;
};

/// Per step, for every parameter p with gradient g:
///   g ← g + wd·p;  m ← β1·m + (1−β1)·g;  u ← max(β2·u, |g| + eps);  p ← p − lr/(1−β1^t) · m/u
class Adamax : public torch::optim::Optimizer {
 public:
  explicit Adamax(std::vector<torch::optim::OptimizerParamGroup> paramGroups,
                  AdamaxOptions defaults = {});
  explicit Adamax(std::vector<torch::Tensor> params, AdamaxOptions defaults = {});

  torch::Tensor step(LossClosure closure = nullptr) override;
  void save(torch::serialize::OutputArchive& archive) const override;
  void load(torch::serialize::InputArchive& archive) override;

 private:
  AdamaxParamState& stateOf(const at::Tensor& param);  ///< created (zero moments) on first use
};

}  // namespace glowscope
