#include "core/models/flow_likelihood.h"

#include <ATen/core/grad_mode.h>

#include <nlohmann/json.hpp>

#include "core/flows/preprocess.h"
#include "core/models/pixelcnn.h"
#include "core/util/errors.h"

namespace glowscope {

FlowLikelihoodModelImpl::FlowLikelihoodModelImpl(FlowModel flow) : flow_(std::move(flow)) {
  if (!flow_) throw Error("FlowLikelihoodModel: no flow model");
  register_module("flow", flow_);
}

ImageShape FlowLikelihoodModelImpl::imageShape() const {
  const ModelConfig& c = flow_->config();
  return ImageShape{c.channels, c.height, c.width};
}

nlohmann::json FlowLikelihoodModelImpl::configJson() const { return flow_->config().toJson(); }

at::Tensor FlowLikelihoodModelImpl::inputFromPixels(const at::Tensor& pixels,
                                                    const LikelihoodOptions& options) {
  return preprocessImages(pixels, options.mode, options.generator);
}

LikelihoodOutput FlowLikelihoodModelImpl::logLikelihoodOfInput(const at::Tensor& input) {
  FlowOutput flowOut = flow_->forward(input);
  LikelihoodOutput out;
  out.logLikelihoodNats = flowOut.logLikelihoodNats;
  out.scaleLogLikelihoodNats = std::move(flowOut.scaleLogLikelihoodNats);
  return out;
}

at::Tensor FlowLikelihoodModelImpl::sampleImages(std::int64_t n, const SamplingOptions& options) {
  at::NoGradGuard noGrad;
  return imagesToUint8(flow_->sample(n, options.temperature, options.generator).images);
}

void FlowLikelihoodModelImpl::initializeFromData(const at::Tensor& pixels,
                                                 const LikelihoodOptions& options) {
  initializeActNorms(*flow_, preprocessImages(pixels, options.mode, options.generator));
}

void FlowLikelihoodModelImpl::save(const std::filesystem::path& path) {
  saveFlowModel(*flow_, path);
}

FlowModelImpl* flowModelOf(LikelihoodModelImpl& model) {
  auto* adapter = dynamic_cast<FlowLikelihoodModelImpl*>(&model);
  return adapter ? &adapter->flow() : nullptr;
}

std::string flowOnlyMessage(const std::string& what, ModelFamily family) {
  const std::string name = family == ModelFamily::PixelCnn ? "PixelCNN++" : modelFamilyName(family);
  return what + " is for flow models only: a " + name + " model has no scales or latents";
}

FlowModelImpl& requireFlowModel(LikelihoodModelImpl& model, const std::string& field,
                                const std::string& what) {
  if (FlowModelImpl* flow = flowModelOf(model)) return *flow;
  throw ConfigError(field, flowOnlyMessage(what, model.family()));
}

LikelihoodModel loadLikelihoodModel(const std::filesystem::path& path, at::Device device) {
  if (readModelFileFamily(path) == ModelFamily::PixelCnn) return loadPixelCnn(path, device).ptr();
  return std::make_shared<FlowLikelihoodModelImpl>(loadFlowModel(path, device));
}

}  // namespace glowscope
