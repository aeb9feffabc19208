#include "core/analysis/latent_optimisation.h"

#include <ATen/ATen.h>
#include <torch/csrc/autograd/grad_mode.h>
#include <torch/optim/adam.h>
#include <torch/optim/sgd.h>

#include <cmath>
#include <memory>
#include <string>

#include "core/analysis/model_images.h"
#include "core/util/errors.h"

namespace glowscope::analysis {
namespace {

void validate(const FlowModelImpl& model, const ImageSet& images,
              const FixedTopOptimisationOptions& options) {
  checkImagesFitModel(model, images);
  if (images.count < 1) throw ConfigError("images", "nothing to optimise");
  if (options.steps < 0) throw ConfigError("steps", "must not be negative");
  if (options.snapshotEvery < 1) throw ConfigError("snapshot-every", "must be at least 1");
  if (!(options.learningRate > 0.0)) throw ConfigError("lr", "must be positive");
  if (options.fixedLatents < 1 || options.fixedLatents >= model.numScales()) {
    throw ConfigError("fixed-latents", "must be in 1.." + std::to_string(model.numScales() - 1));
  }
}

// Freezes the model's parameters for the lifetime of the guard.
class FrozenParameters {
 public:
  explicit FrozenParameters(FlowModelImpl& model) : parameters_(model.parameters()) {
    for (auto& parameter : parameters_) {
      wasTrainable_.push_back(parameter.requires_grad());
      parameter.set_requires_grad(false);
    }
  }
  ~FrozenParameters() {
    for (size_t i = 0; i < parameters_.size(); ++i)
      parameters_[i].set_requires_grad(wasTrainable_[i]);
  }
  FrozenParameters(const FrozenParameters&) = delete;
  FrozenParameters& operator=(const FrozenParameters&) = delete;

 private:
  std::vector<at::Tensor> parameters_;
  std::vector<bool> wasTrainable_;
};

std::unique_ptr<torch::optim::Optimizer> makeOptimizer(const std::vector<at::Tensor>& free,
                                                       const FixedTopOptimisationOptions& options) {
  if (options.optimizer == LatentOptimizer::Sgd) {
    return std::make_unique<torch::optim::SGD>(free,
                                               torch::optim::SGDOptions(options.learningRate));
  }
  return std::make_unique<torch::optim::Adam>(free,
                                              torch::optim::AdamOptions(options.learningRate));
}

std::vector<double> toDoubles(const at::Tensor& values) {
  const at::Tensor cpu = values.detach().to(at::kCPU, at::kDouble).contiguous();
  return {cpu.data_ptr<double>(), cpu.data_ptr<double>() + cpu.numel()};
}

void requireFinite(const at::Tensor& logLikelihoods, int step) {
  if (!at::isfinite(logLikelihoods).all().item<bool>()) {
    throw Error("fixed-z optimisation: log p became non-finite at step " + std::to_string(step) +
                "; lower the learning rate");
  }
}

}  // namespace

FixedTopOptimisationResult optimiseWithFixedTopLatents(FlowModelImpl& model, const ImageSet& images,
                                                       const FixedTopOptimisationOptions& options,
                                                       const TaskControl& control) {
  validate(model, images, options);
  const FrozenParameters frozen(model);
  std::vector<at::Tensor> latents;
  {
    torch::NoGradGuard noGrad;
    latents = model
                  .forward(preprocessImages(uint8Batch(images, 0, images.count, model.device()),
                                            options.mode))
                  .latents;
  }
  const size_t firstFixed = latents.size() - static_cast<size_t>(options.fixedLatents);
  std::vector<at::Tensor> free;
  for (size_t i = 0; i < firstFixed; ++i) {
    latents[i] = latents[i].detach().clone().set_requires_grad(true);
    free.push_back(latents[i]);
  }
  const auto optimizer = makeOptimizer(free, options);
  FixedTopOptimisationResult result;
  result.snapshots.name = "fixed-z-optimisation(" + images.name + ")";
  for (int step = 0;; ++step) {
    control.checkpoint(
        static_cast<double>(step) / std::max(options.steps, 1),
        "optimising step " + std::to_string(step) + "/" + std::to_string(options.steps));
    optimizer->zero_grad();
    const InverseOutput out = model.inverse(latents);
    requireFinite(out.logLikelihoodNats, step);
    result.logLikelihoodTrace.push_back(toDoubles(out.logLikelihoodNats));
    if (step % options.snapshotEvery == 0 || step == options.steps) {
      result.snapshotSteps.push_back(step);
      const ImageSet snapshot = quantiseModelImages(out.images, result.snapshots.name);
      appendImages(result.snapshots, snapshot);
      if (options.onSnapshot) options.onSnapshot(step, snapshot, result.logLikelihoodTrace);
    }
    if (step == options.steps) break;
    (-out.logLikelihoodNats.sum()).backward();
    optimizer->step();
  }
  for (const at::Tensor& latent : latents) result.finalLatents.push_back(latent.detach());
  control.checkpoint(1.0, "optimisation done");
  return result;
}

}  // namespace glowscope::analysis
