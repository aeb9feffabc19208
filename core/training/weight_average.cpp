#include "core/training/weight_average.h"

#include <ATen/ATen.h>
#include <torch/nn/module.h>

#include <algorithm>
#include <utility>

#include "core/flows/profile_scope.h"
#include "core/runtime/parallel.h"
#include "core/util/errors.h"

namespace glowscope {

namespace {

/// average.lerp_(current, weight): for float CPU tensors in one loop with ATen's formula (exact
/// at both ends), instead of one dispatched op per parameter.
void lerpInPlace(at::Tensor& average, const at::Tensor& current, double weight) {
  if (!average.is_cpu() || average.scalar_type() != at::kFloat || !average.is_contiguous() ||
      !current.is_cpu() || current.scalar_type() != at::kFloat || !current.is_contiguous()) {
    average.lerp_(current, weight);
    return;
  }
  float* a = average.data_ptr<float>();
  const float* c = current.data_ptr<float>();
  const float w = static_cast<float>(weight);
  at::parallel_for(0, average.numel(), 32768, [&](int64_t begin, int64_t end) {
    for (int64_t i = begin; i < end; ++i)
      a[i] = w < 0.5f ? a[i] + w * (c[i] - a[i]) : c[i] - (c[i] - a[i]) * (1.0f - w);
  });
}

}  // namespace

WeightAverage::WeightAverage(double decay) : decay_(decay) {
  if (!(decay >= 0 && decay < 1)) throw Error("the weight-average decay must be in [0, 1)");
}

double WeightAverage::nextDecay() const {
  const double ramp = static_cast<double>(1 + updates_) / static_cast<double>(10 + updates_);
  return std::min(decay_, ramp);
}

void WeightAverage::update(torch::nn::Module& model) {
  if (!enabled()) return;
  GLOWSCOPE_PROFILE_SCOPE("weight_average");
  at::NoGradGuard noGrad;
  const std::vector<at::Tensor> current = model.parameters();
  if (average_.empty()) {
    for (const auto& parameter : current) average_.push_back(parameter.detach().clone());
  } else {
    if (current.size() != average_.size())
      throw Error("the weight average does not match the model's parameters");
    // average += (1 - decay) * (current - average)
    const double weight = 1.0 - nextDecay();
    for (size_t i = 0; i < current.size(); ++i) lerpInPlace(average_[i], current[i].detach(), weight);
  }
  ++updates_;
}

void WeightAverage::restore(std::vector<at::Tensor> parameters, int64_t updates) {
  average_ = std::move(parameters);
  updates_ = updates;
}

AveragedWeightsScope::AveragedWeightsScope(torch::nn::Module& model, const WeightAverage& average)
    : model_(model) {
  if (!average.ready()) return;
  at::NoGradGuard noGrad;
  std::vector<at::Tensor> parameters = model_.parameters();
  if (parameters.size() != average.parameters().size())
    throw Error("the weight average does not match the model's parameters");
  for (size_t i = 0; i < parameters.size(); ++i) {
    trained_.push_back(parameters[i].detach().clone());
    parameters[i].copy_(average.parameters()[i]);
  }
}

AveragedWeightsScope::~AveragedWeightsScope() {
  if (trained_.empty()) return;
  at::NoGradGuard noGrad;
  std::vector<at::Tensor> parameters = model_.parameters();
  for (size_t i = 0; i < parameters.size(); ++i) parameters[i].copy_(trained_[i]);
}

}  // namespace glowscope
