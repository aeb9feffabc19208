#include "core/flows/flow_model.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/core/grad_mode.h>

#include "core/flows/actnorm.h"
#include "core/flows/glow.h"
#include "core/flows/local_glow.h"
#include "core/util/errors.h"

namespace glowscope {

FlowModelImpl::FlowModelImpl(ModelConfig config) : config_(std::move(config)) {}

InverseOutput FlowModelImpl::sample(std::int64_t n, double temperature,
                                    std::optional<at::Generator> generator,
                                    std::int64_t classIndex) {
  at::NoGradGuard noGrad;
  return inverse(sampleLatents(n, temperature, std::move(generator), classIndex));
}

std::vector<std::int64_t> FlowModelImpl::latentDims() const {
  std::vector<std::int64_t> dims;
  for (const auto& shape : latentShapes()) dims.push_back(shape[0] * shape[1] * shape[2]);
  return dims;
}

std::int64_t FlowModelImpl::numParameters() const {
  std::int64_t count = 0;
  for (const auto& p : parameters()) count += p.numel();
  return count;
}

at::Device FlowModelImpl::device() const {
  auto params = parameters();
  if (!params.empty()) return params.front().device();
  auto bufs = buffers();
  return bufs.empty() ? at::Device(at::kCPU) : bufs.front().device();
}

FlowModel createFlowModel(const ModelConfig& config, at::Device device) {
  config.validate();
  at::Generator generator = at::detail::createCPUGenerator(config.seed);
  FlowModel model;
  if (config.type == FlowType::Local)
    model = std::make_shared<LocalGlowImpl>(config, generator);
  else
    model = std::make_shared<GlowImpl>(config, generator);
  model->to(device);
  return model;
}

namespace {

// Copies every parameter and buffer of `from` whose name and shape exist in `to`.
void copyMatchingState(FlowModelImpl& from, FlowModelImpl& to) {
  at::NoGradGuard noGrad;
  auto targetParams = to.named_parameters();
  auto targetBuffers = to.named_buffers();
  for (const auto& item : from.named_parameters()) {
    if (auto* target = targetParams.find(item.key()))
      if (target->sizes() == item.value().sizes()) target->copy_(item.value());
  }
  for (const auto& item : from.named_buffers()) {
    if (auto* target = targetBuffers.find(item.key()))
      if (target->sizes() == item.value().sizes()) target->copy_(item.value());
  }
}

std::vector<std::shared_ptr<ActNormImpl>> dataInitActNorms(FlowModelImpl& model) {
  std::vector<std::shared_ptr<ActNormImpl>> result;
  for (const auto& module : model.modules(/*include_self=*/false))
    if (auto actNorm = std::dynamic_pointer_cast<ActNormImpl>(module))
      if (actNorm->options().dataInit) result.push_back(actNorm);
  return result;
}

}  // namespace

FlowModel addClassHeads(FlowModelImpl& unconditionalModel, int numClasses) {
  if (unconditionalModel.config().numClasses != 0)
    throw ConfigError("numClasses", "the model already has class heads");
  ModelConfig config = unconditionalModel.config();
  config.numClasses = numClasses;
  FlowModel model = createFlowModel(config, unconditionalModel.device());
  copyMatchingState(unconditionalModel, *model);
  return model;
}

FlowModel cloneFlowModel(FlowModelImpl& model, std::optional<at::Device> device) {
  FlowModel copy = createFlowModel(model.config(), device.value_or(model.device()));
  copyMatchingState(model, *copy);
  for (const auto& p : model.named_parameters())
    copy->named_parameters()[p.key()].set_requires_grad(p.value().requires_grad());
  return copy;
}

void initializeActNorms(FlowModelImpl& model, const at::Tensor& batch) {
  initializeActNorms(model, batch, ActNormStatisticsReducer{});
}

void initializeActNorms(FlowModelImpl& model, const at::Tensor& batch,
                        const ActNormStatisticsReducer& reducer) {
  auto actNorms = dataInitActNorms(model);
  for (auto& actNorm : actNorms) actNorm->armDataInit(reducer);
  try {
    at::NoGradGuard noGrad;
    model.forward(batch);
  } catch (...) {
    for (auto& actNorm : actNorms) actNorm->disarmDataInit();
    throw;
  }
  for (auto& actNorm : actNorms) {
    actNorm->disarmDataInit();
    actNorm->markInitialized();
  }
}

bool actNormsInitialized(FlowModelImpl& model) {
  for (const auto& actNorm : dataInitActNorms(model))
    if (!actNorm->initialized()) return false;
  return true;
}

}  // namespace glowscope
