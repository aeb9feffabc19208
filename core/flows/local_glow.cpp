#include "core/flows/local_glow.h"

#include "core/util/errors.h"

namespace glowscope {
namespace {

ModelConfig patchModelConfig(const ModelConfig& config) {
  ModelConfig patch = config;
  patch.type = FlowType::Conv;
  patch.height = config.patchSize;
  patch.width = config.patchSize;
  patch.numScales = 1;
  patch.numClasses = 0;
  return patch;
}

}  // namespace

LocalGlowImpl::LocalGlowImpl(const ModelConfig& config, at::Generator& generator)
    : FlowModelImpl(config) {
  patchModel_ = register_module("patchModel",
                                std::make_shared<GlowImpl>(patchModelConfig(config), generator));
}

std::int64_t LocalGlowImpl::numPatches() const {
  return std::int64_t{config().height / config().patchSize} * (config().width / config().patchSize);
}

at::Tensor LocalGlowImpl::toPatches(const at::Tensor& images, std::int64_t p) {
  const auto b = images.size(0), c = images.size(1), h = images.size(2), w = images.size(3);
  return images.reshape({b, c, h / p, p, w / p, p})
      .permute({0, 2, 4, 1, 3, 5})
      .reshape({b * (h / p) * (w / p), c, p, p});
}

at::Tensor LocalGlowImpl::fromPatches(const at::Tensor& patches, std::int64_t h, std::int64_t w) {
  const auto c = patches.size(1), p = patches.size(2);
  const auto b = patches.size(0) / ((h / p) * (w / p));
  return patches.reshape({b, h / p, w / p, c, p, p})
      .permute({0, 3, 1, 4, 2, 5})
      .reshape({b, c, h, w});
}

FlowOutput LocalGlowImpl::forward(const at::Tensor& x) {
  const auto& cfg = config();
  if (x.dim() != 4 || x.size(1) != cfg.channels || x.size(2) != cfg.height ||
      x.size(3) != cfg.width)
    throw Error("local flow model: expected input (B," + std::to_string(cfg.channels) + "," +
                std::to_string(cfg.height) + "," + std::to_string(cfg.width) + ")");
  const std::int64_t batch = x.size(0);
  FlowOutput patchOut = patchModel_->forward(toPatches(x, cfg.patchSize));
  FlowOutput out;
  out.latents.push_back(patchOut.latents[0].reshape({batch, -1}));
  out.logLikelihoodNats = patchOut.logLikelihoodNats.view({batch, numPatches()}).sum(1);
  out.scaleLogLikelihoodNats.push_back(out.logLikelihoodNats);
  return out;
}

InverseOutput LocalGlowImpl::inverse(const std::vector<at::Tensor>& latents) {
  const std::int64_t patchDims = patchModel_->latentDims()[0];
  if (latents.size() != 1 || latents[0].dim() != 2 ||
      latents[0].size(1) != patchDims * numPatches())
    throw Error("local flow model inverse: expected one latent (B," +
                std::to_string(patchDims * numPatches()) + ")");
  const std::int64_t batch = latents[0].size(0);
  InverseOutput patchOut = patchModel_->inverse({latents[0].reshape({-1, patchDims})});
  return {fromPatches(patchOut.images, config().height, config().width),
          patchOut.logLikelihoodNats.view({batch, numPatches()}).sum(1)};
}

std::vector<at::Tensor> LocalGlowImpl::sampleLatents(std::int64_t n, double temperature,
                                                     std::optional<at::Generator> generator,
                                                     std::int64_t classIndex) {
  auto patchLatents =
      patchModel_->sampleLatents(n * numPatches(), temperature, generator, classIndex);
  return {patchLatents[0].reshape({n, -1})};
}

std::vector<std::vector<std::int64_t>> LocalGlowImpl::latentShapes() const {
  auto shape = patchModel_->latentShapes()[0];
  return {{numPatches() * shape[0], shape[1], shape[2]}};
}

std::vector<at::Tensor> LocalGlowImpl::parametersOfScale(int scale) {
  if (scale != 0) throw Error("parametersOfScale: the local model has only scale 0");
  return parameters();
}

}  // namespace glowscope
