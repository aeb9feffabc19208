#include "core/training/adamax.h"

#include <ATen/ATen.h>
#include <torch/optim/serialize.h>
#include <torch/serialize/archive.h>

#include <cmath>

#include "core/flows/profile_scope.h"
#include "core/runtime/parallel.h"

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

struct UpdateConstants {
  float beta1, oneMinusBeta1, beta2, eps, weightDecay, stepSize;
};

UpdateConstants constantsOf(const AdamaxOptions& options, double stepSize) {
  return {static_cast<float>(options.beta1()),      static_cast<float>(1 - options.beta1()),
          static_cast<float>(options.beta2()),      static_cast<float>(options.eps()),
          static_cast<float>(options.weight_decay()), static_cast<float>(stepSize)};
}

/// Whether the fused loop applies: float tensors on the CPU, densely laid out in the same order.
bool fusable(const at::Tensor& param, const at::Tensor& grad, const at::Tensor& expAvg,
             const at::Tensor& expInf) {
  for (const at::Tensor* t : {&param, &grad, &expAvg, &expInf})
    if (!t->is_cpu() || t->scalar_type() != at::kFloat || !t->is_contiguous() || t->is_sparse())
      return false;
  return true;
}

/// The update of step() for one parameter in one pass over its memory instead of eight ATen ops
/// (each a dispatch and a pass): per element the same float operations in the same order. A NaN
/// gradient makes m and so the parameter NaN, as with the ATen ops (the trainer skips such steps).
void fusedUpdate(at::Tensor& param, const at::Tensor& grad, at::Tensor& expAvg, at::Tensor& expInf,
                 const UpdateConstants& c) {
  float* p = param.data_ptr<float>();
  const float* g = grad.data_ptr<float>();
  float* m = expAvg.data_ptr<float>();
  float* u = expInf.data_ptr<float>();
  at::parallel_for(0, param.numel(), 32768, [&](int64_t begin, int64_t end) {
    for (int64_t i = begin; i < end; ++i) {
      const float gi = c.weightDecay != 0.0f ? g[i] + c.weightDecay * p[i] : g[i];
      const float mi = m[i] * c.beta1 + c.oneMinusBeta1 * gi;
      const float decayed = u[i] * c.beta2, magnitude = std::abs(gi) + c.eps;
      const float ui = decayed > magnitude ? decayed : magnitude;
      m[i] = mi;
      u[i] = ui;
      p[i] += c.stepSize * (mi / ui);
    }
  });
}

}  // namespace

Adamax::Adamax(std::vector<torch::optim::OptimizerParamGroup> paramGroups, AdamaxOptions defaults)
    : Optimizer(std::move(paramGroups), std::make_unique<AdamaxOptions>(defaults)) {
  checkOptions(defaults);
}

Adamax::Adamax(std::vector<torch::Tensor> params, AdamaxOptions defaults)
    : Adamax({torch::optim::OptimizerParamGroup(std::move(params))}, defaults) {}

AdamaxParamState& Adamax::stateOf(const at::Tensor& param) {
  const std::string key = c10::guts::to_string(param.unsafeGetTensorImpl());
  auto found = state_.find(key);
  if (found == state_.end()) {
    auto fresh = std::make_unique<AdamaxParamState>();
    fresh->exp_avg(at::zeros_like(param, at::MemoryFormat::Preserve));
    fresh->exp_inf(at::zeros_like(param, at::MemoryFormat::Preserve));
    found = state_.emplace(key, std::move(fresh)).first;
  }
  return static_cast<AdamaxParamState&>(*found->second);
}

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
      AdamaxParamState& state = stateOf(param);
      state.step(state.step() + 1);
      const double biasCorrection =
          1 - std::pow(options.beta1(), static_cast<double>(state.step()));
      const double stepSize = -options.lr() / biasCorrection;
      at::Tensor grad = param.grad(), expAvg = state.exp_avg(), expInf = state.exp_inf();
      if (fusable(param, grad, expAvg, expInf)) {
        fusedUpdate(param, grad, expAvg, expInf, constantsOf(options, stepSize));
        continue;
      }
      if (options.weight_decay() != 0) grad = grad.add(param, options.weight_decay());
      expAvg.mul_(options.beta1()).add_(grad, 1 - options.beta1());
      at::maximum_out(expInf, expInf.mul_(options.beta2()), grad.abs().add_(options.eps()));
      param.addcdiv_(expAvg, expInf, stepSize);
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
