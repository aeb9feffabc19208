#include "core/training/adamax.h"

#include <ATen/ATen.h>
#include <torch/optim/serialize.h>
#include <torch/serialize/archive.h>

#include <cmath>

#include "core/flows/profile_scope.h"

namespace glowscope {

AdamaxOptions::AdamaxOptions(double lr) : lr_(lr) {}

void AdamaxOptions::serialize(torch::serialize::OutputArchive& archive) const {
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(lr);
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(beta1);
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(beta2);
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(eps);
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(weight_decay);
}

void AdamaxOptions::serialize(torch::serialize::InputArchive& archive) {
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(double, lr);
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(double, beta1);
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(double, beta2);
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(double, eps);
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(double, weight_decay);
}

void AdamaxParamState::serialize(torch::serialize::OutputArchive& archive) const {
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(step);
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(exp_avg);
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(exp_inf);
}

void AdamaxParamState::serialize(torch::serialize::InputArchive& archive) {
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(int64_t, step);
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(torch::Tensor, exp_avg);
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(torch::Tensor, exp_inf);
}

namespace {

void checkOptions(const AdamaxOptions& options) {
  TORCH_CHECK(options.lr() >= 0, "Adamax: invalid learning rate ", options.lr());
  TORCH_CHECK(options.eps() >= 0, "Adamax: invalid eps ", options.eps());
  TORCH_CHECK(options.beta1() >= 0 && options.beta1() < 1, "Adamax: invalid beta1");
  TORCH_CHECK(options.beta2() >= 0 && options.beta2() < 1, "Adamax: invalid beta2");
  TORCH_CHECK(options.weight_decay() >= 0, "Adamax: invalid weight decay");
}

}  // namespace

Adamax::Adamax(std::vector<torch::optim::OptimizerParamGroup> paramGroups, AdamaxOptions defaults)
    : Optimizer(std::move(paramGroups), std::make_unique<AdamaxOptions>(defaults)) {
  checkOptions(defaults);
}

Adamax::Adamax(std::vector<torch::Tensor> params, AdamaxOptions defaults)
    : Adamax({torch::optim::OptimizerParamGroup(std::move(params))}, defaults) {}

torch::Tensor Adamax::step(LossClosure closure) {
  GLOWSCOPE_PROFILE_SCOPE("adamax");
  at::NoGradGuard noGrad;
  torch::Tensor loss;
  if (closure) {
    at::AutoGradMode enableGrad(true);
    loss = closure();
  }
  for (auto& group : param_groups_) {
    const auto& options = static_cast<const AdamaxOptions&>(group.options());
    for (auto& param : group.params()) {
      if (!param.grad().defined()) continue;
      at::Tensor grad = param.grad();
      if (options.weight_decay() != 0) grad = grad.add(param, options.weight_decay());
      const std::string key = c10::guts::to_string(param.unsafeGetTensorImpl());
      auto found = state_.find(key);
      if (found == state_.end()) {
        auto fresh = std::make_unique<AdamaxParamState>();
        fresh->exp_avg(at::zeros_like(param, at::MemoryFormat::Preserve));
        fresh->exp_inf(at::zeros_like(param, at::MemoryFormat::Preserve));
        found = state_.emplace(key, std::move(fresh)).first;
      }
      auto& state = static_cast<AdamaxParamState&>(*found->second);
      state.step(state.step() + 1);
      at::Tensor expAvg = state.exp_avg();
      at::Tensor expInf = state.exp_inf();
      expAvg.mul_(options.beta1()).add_(grad, 1 - options.beta1());
      at::maximum_out(expInf, expInf.mul_(options.beta2()), grad.abs().add_(options.eps()));
      const double biasCorrection =
          1 - std::pow(options.beta1(), static_cast<double>(state.step()));
      param.addcdiv_(expAvg, expInf, -options.lr() / biasCorrection);
    }
  }
  return loss;
}

void Adamax::save(torch::serialize::OutputArchive& archive) const {
  torch::optim::serialize<AdamaxParamState, AdamaxOptions>(archive, *this);
}

void Adamax::load(torch::serialize::InputArchive& archive) {
  torch::optim::serialize<AdamaxParamState, AdamaxOptions>(archive, *this);
  // LibTorch's generic loader restores only the per-parameter state; the saved hyper-parameters
  // (lr after warm-up or a NaN back-off) must come back too.
  torch::serialize::InputArchive groupsArchive;
  archive.read("param_groups", groupsArchive);
  std::vector<std::pair<std::vector<std::string>, std::unique_ptr<torch::optim::OptimizerOptions>>>
      saved;
  torch::optim::detail::serialize<AdamaxOptions>(groupsArchive, saved);
  TORCH_CHECK(saved.size() == param_groups_.size(), "Adamax: parameter group count differs");
  for (size_t i = 0; i < saved.size(); ++i)
    param_groups_[i].set_options(std::move(saved[i].second));
}

}  // namespace glowscope
