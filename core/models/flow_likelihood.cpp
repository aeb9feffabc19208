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

LikelihoodOutput FlowLikelihoodModelImpl::logLikelihood(const at::Tensor& pixels,
                                                        const LikelihoodOptions& options) {
  FlowOutput flowOut = flow_->forward(preprocessImages(pixels, options.mode, options.generator));
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

LikelihoodModel loadLikelihoodModel(const std::filesystem::path& path, at::Device device) {
  if (readModelFileFamily(path) == ModelFamily::PixelCnn) return loadPixelCnn(path, device).ptr();
  return std::make_shared<FlowLikelihoodModelImpl>(loadFlowModel(path, device));
}

}  // namespace glowscope
