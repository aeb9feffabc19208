#include "core/flows/glow.h"

#include <ATen/core/grad_mode.h>

#include <cmath>
#include <string>

#include "core/flows/actnorm.h"
#include "core/flows/coupling.h"
#include "core/flows/invconv.h"
#include "core/flows/profile_scope.h"
#include "core/util/errors.h"

namespace glowscope {

at::Tensor squeeze2x2(const at::Tensor& x) {
  GLOWSCOPE_PROFILE_SCOPE("squeeze");
  const auto b = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
  return x.reshape({b, c, h / 2, 2, w / 2, 2})
      .permute({0, 1, 3, 5, 2, 4})
      .reshape({b, c * 4, h / 2, w / 2});
}

at::Tensor unsqueeze2x2(const at::Tensor& x) {
  const auto b = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
  return x.reshape({b, c / 4, 2, 2, h, w})
      .permute({0, 1, 4, 2, 5, 3})
      .reshape({b, c / 4, h * 2, w * 2});
}

FlowScaleImpl::FlowScaleImpl(const ModelConfig& config, std::vector<std::int64_t> squeezedShape,
                             bool isLast, at::Generator& generator)
    : squeezedShape_(std::move(squeezedShape)),
      dense_(config.type == FlowType::Dense),
      isLast_(isLast) {
  const std::int64_t channels = squeezedShape_[0];
  const std::int64_t dims = channels * squeezedShape_[1] * squeezedShape_[2];
  const std::int64_t hidden = config.hiddenChannels;
  for (int step = 0; step < config.stepsPerScale; ++step) {
    const std::string prefix = "step" + std::to_string(step) + "_";
    const std::int64_t features = dense_ ? dims : channels;
    layers_.push_back(register_module(prefix + "actNorm", ActNorm(ActNormOptions{features})));
    if (dense_) {
      layers_.push_back(register_module(prefix + "mixing", FixedOrthogonal(dims, generator)));
      auto net = std::make_shared<MlpCouplingNetImpl>(dims, hidden, generator);
      layers_.push_back(register_module(prefix + "coupling", AffineCoupling(net)));
    } else {
      auto mixing = register_module(prefix + "invConv", InvConvLU(channels, generator));
      mixingAfter_.resize(layers_.size());
      mixingAfter_.back() = mixing.get();  // the step's ActNorm, just added
      layers_.push_back(mixing);
      auto net = std::make_shared<ConvCouplingNetImpl>(channels, hidden, generator);
      layers_.push_back(register_module(prefix + "coupling", AffineCoupling(net)));
    }
  }
  mixingAfter_.resize(layers_.size());
  auto latent = latentShape();
  prior_ =
      register_module("prior", LatentPrior(latent[0] * latent[1] * latent[2], config.numClasses));
}

std::vector<std::int64_t> FlowScaleImpl::latentShape() const {
  return {isLast_ ? squeezedShape_[0] : squeezedShape_[0] / 2, squeezedShape_[1],
          squeezedShape_[2]};
}

at::Tensor FlowScaleImpl::runSteps(const at::Tensor& squeezed, at::Tensor& logDet) {
  at::Tensor h = dense_ ? squeezed.flatten(1) : squeezed;
  for (std::size_t i = 0; i < layers_.size(); ++i) {
    auto* actNorm = mixingAfter_[i] ? static_cast<ActNormImpl*>(layers_[i].get()) : nullptr;
    // A data-initialising ActNorm must see its input: then the two layers run one by one.
    const bool fold = actNorm && !actNorm->armed();
    FlowResult result = fold ? mixingAfter_[i]->forwardAfter(*actNorm, h) : layers_[i]->forward(h);
    if (fold) ++i;
    h = result.output;
    logDet = logDet + result.logDet;
  }
  return dense_ ? h.view(squeezed.sizes()) : h;
}

at::Tensor FlowScaleImpl::invertSteps(const at::Tensor& squeezed, at::Tensor& logDet) {
  at::Tensor h = dense_ ? squeezed.flatten(1) : squeezed;
  for (auto it = layers_.rbegin(); it != layers_.rend(); ++it) {
    FlowResult result = (*it)->inverse(h);
    h = result.output;
    logDet = logDet + result.logDet;
  }
  return dense_ ? h.view(squeezed.sizes()) : h;
}

GlowImpl::GlowImpl(const ModelConfig& config, at::Generator& generator) : FlowModelImpl(config) {
  std::vector<std::int64_t> shape{config.channels, config.height, config.width};
  for (int s = 0; s < config.numScales; ++s) {
    std::vector<std::int64_t> squeezed{shape[0] * 4, shape[1] / 2, shape[2] / 2};
    const bool isLast = s == config.numScales - 1;
    scales_.push_back(register_module("scale" + std::to_string(s),
                                      FlowScale(config, squeezed, isLast, generator)));
    shape = {squeezed[0] / 2, squeezed[1], squeezed[2]};
  }
}

FlowOutput GlowImpl::forward(const at::Tensor& x) {
  const auto& cfg = config();
  if (x.dim() != 4 || x.size(1) != cfg.channels || x.size(2) != cfg.height ||
      x.size(3) != cfg.width)
    throw Error("flow model: expected input (B," + std::to_string(cfg.channels) + "," +
                std::to_string(cfg.height) + "," + std::to_string(cfg.width) + ")");
  FlowOutput out;
  at::Tensor h = x;
  // The frozen general model of the outlier loss runs without gradients: a scope of its own.
  RECORD_USER_SCOPE(at::GradMode::is_enabled() ? "glowscope::glow" : "glowscope::glow_no_grad");
  at::Tensor classTotal;
  for (auto& scale : scales_) {
    at::Tensor flowLogDet = at::zeros({x.size(0)}, x.options());
    h = scale->runSteps(squeeze2x2(h), flowLogDet);
    at::Tensor z = h;
    if (!scale->isLast()) {
      auto halves = h.chunk(2, 1);
      z = halves[0];
      h = halves[1];
    }
    LatentPriorImpl::Terms terms = scale->prior()->forward(z.flatten(1));
    out.latents.push_back(terms.latent);
    at::Tensor sharedPart = flowLogDet + terms.actNormLogDet;
    out.scaleLogLikelihoodNats.push_back(sharedPart + terms.logDensity);
    if (terms.classLogDensity.defined()) {
      at::Tensor classScale = terms.classLogDensity + sharedPart.unsqueeze(1);
      out.scaleClassLogLikelihoodNats.push_back(classScale);
      classTotal = classTotal.defined() ? classTotal + classScale : classScale;
    }
  }
  if (classTotal.defined()) {
    out.classLogLikelihoodNats = classTotal;
    out.logLikelihoodNats =
        at::logsumexp(classTotal, 1) - std::log(static_cast<double>(cfg.numClasses));
  } else {
    out.logLikelihoodNats = out.scaleLogLikelihoodNats[0];
    for (std::size_t i = 1; i < out.scaleLogLikelihoodNats.size(); ++i)
      out.logLikelihoodNats = out.logLikelihoodNats + out.scaleLogLikelihoodNats[i];
  }
  return out;
}

InverseOutput GlowImpl::inverse(const std::vector<at::Tensor>& latents) {
  if (latents.size() != scales_.size())
    throw Error("flow model inverse: expected " + std::to_string(scales_.size()) + " latents");
  const std::int64_t batch = latents[0].size(0);
  at::Tensor sharedLogDet = at::zeros({batch}, latents[0].options());
  at::Tensor logDensity = at::zeros({batch}, latents[0].options());
  at::Tensor classDensity;
  at::Tensor h;
  for (int s = static_cast<int>(scales_.size()) - 1; s >= 0; --s) {
    auto& scale = scales_[static_cast<std::size_t>(s)];
    const auto shape = scale->latentShape();
    const at::Tensor& latent = latents[static_cast<std::size_t>(s)];
    if (latent.dim() != 2 || latent.size(0) != batch || latent.size(1) != scale->prior()->dims())
      throw Error("flow model inverse: latent " + std::to_string(s + 1) + " must be (B," +
                  std::to_string(scale->prior()->dims()) + ")");
    LatentPriorImpl::Terms terms = scale->prior()->inverse(latent);
    sharedLogDet = sharedLogDet + terms.actNormLogDet;
    logDensity = logDensity + terms.logDensity;
    if (terms.classLogDensity.defined())
      classDensity =
          classDensity.defined() ? classDensity + terms.classLogDensity : terms.classLogDensity;
    at::Tensor z = terms.latent.view({batch, shape[0], shape[1], shape[2]});
    h = scale->isLast() ? z : at::cat({z, h}, 1);
    h = unsqueeze2x2(scale->invertSteps(h, sharedLogDet));
  }
  if (classDensity.defined())
    logDensity =
        at::logsumexp(classDensity, 1) - std::log(static_cast<double>(config().numClasses));
  return {h, sharedLogDet + logDensity};
}

std::vector<at::Tensor> GlowImpl::sampleLatents(std::int64_t n, double temperature,
                                                std::optional<at::Generator> generator,
                                                std::int64_t classIndex) {
  // One class per image shared by all scales: draw it here when it is random.
  if (config().numClasses > 0 && classIndex < 0) {
    at::Tensor classes = at::randint(config().numClasses, {n}, toC10Generator(generator),
                                     at::TensorOptions().dtype(at::kLong).device(device()));
    std::vector<at::Tensor> parts(scales_.size());
    for (std::int64_t k = 0; k < config().numClasses; ++k) {
      at::Tensor rows = (classes == k).nonzero().flatten();
      for (std::size_t s = 0; s < scales_.size(); ++s) {
        at::Tensor drawn = scales_[s]->prior()->sample(rows.size(0), temperature, generator, k);
        if (!parts[s].defined()) parts[s] = at::empty({n, drawn.size(1)}, drawn.options());
        parts[s].index_copy_(0, rows, drawn);
      }
    }
    return parts;
  }
  std::vector<at::Tensor> latents;
  for (auto& scale : scales_)
    latents.push_back(scale->prior()->sample(n, temperature, generator, classIndex));
  return latents;
}

std::vector<std::vector<std::int64_t>> GlowImpl::latentShapes() const {
  std::vector<std::vector<std::int64_t>> shapes;
  for (const auto& scale : scales_) shapes.push_back(scale->latentShape());
  return shapes;
}

std::vector<at::Tensor> GlowImpl::parametersOfScale(int scale) {
  if (scale < 0 || scale >= static_cast<int>(scales_.size()))
    throw Error("parametersOfScale: no scale " + std::to_string(scale));
  return scales_[static_cast<std::size_t>(scale)]->parameters();
}

}  // namespace glowscope
