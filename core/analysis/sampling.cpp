#include "core/analysis/sampling.h"

#include <ATen/ATen.h>
#include <torch/csrc/autograd/grad_mode.h>

#include <algorithm>
#include <mutex>
#include <string>

#include "core/analysis/model_images.h"
#include "core/util/errors.h"

namespace glowscope::analysis {
namespace {

// A private generator of the device's kind, so sampling never touches the global RNG state.
at::Generator seededGenerator(at::Device device, uint64_t seed) {
  at::Generator global = at::globalContext().defaultGenerator(device);
  at::Generator generator;
  {
    std::lock_guard<std::mutex> lock(global.mutex());
    generator = global.clone();
  }
  generator.set_current_seed(seed);
  return generator;
}

}  // namespace

SamplingResult sampleImages(FlowModelImpl& model, const SamplingOptions& options,
                            const TaskControl& control) {
  if (options.count < 1) throw ConfigError("count", "must be at least 1");
  if (options.batchSize < 1) throw ConfigError("batch-size", "must be at least 1");
  if (!(options.temperature >= 0.0)) throw ConfigError("temperature", "must not be negative");
  torch::NoGradGuard noGrad;
  at::Generator generator = seededGenerator(model.device(), options.seed);
  SamplingResult result;
  const std::string name = "samples(T=" + std::to_string(options.temperature) + ")";
  result.images.name = name;
  for (int64_t begin = 0; begin < options.count; begin += options.batchSize) {
    control.checkpoint(static_cast<double>(begin) / static_cast<double>(options.count),
                       "sampling " + std::to_string(begin) + "/" + std::to_string(options.count));
    const int64_t n = std::min(options.batchSize, options.count - begin);
    const InverseOutput out = model.sample(n, options.temperature, generator, options.classIndex);
    appendImages(result.images, quantiseModelImages(out.images, name));
    const at::Tensor lp = out.logLikelihoodNats.to(at::kCPU, at::kDouble).contiguous();
    result.logLikelihoodNats.insert(result.logLikelihoodNats.end(), lp.data_ptr<double>(),
                                    lp.data_ptr<double>() + lp.numel());
  }
  control.checkpoint(1.0, "sampling done");
  return result;
}

}  // namespace glowscope::analysis
