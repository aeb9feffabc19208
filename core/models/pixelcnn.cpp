// The PixelCNN++ network (Salimans et al. 2017, Fig. 2): two causal streams, u (everything above
// a pixel) and ul (above and to the left), three resolutions (H, H/2, H/4), an up pass whose every
// block output is kept, and a down pass that consumes them as skip connections in reverse order.
#include "core/models/pixelcnn.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/core/grad_mode.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>

#include "core/models/logistic_mixture.h"
#include "core/util/errors.h"

namespace glowscope {
namespace {

constexpr int kStages = 3;

PixelCnnConfig validated(PixelCnnConfig config) {
  config.validate();
  return config;
}

at::Tensor popBack(std::vector<at::Tensor>& list) {
  at::Tensor last = list.back();
  list.pop_back();
  return last;
}

// Restores a module's train/eval state when a scope ends, exceptions included.
class TrainingStateGuard {
 public:
  explicit TrainingStateGuard(torch::nn::Module& module)
      : module_(module), wasTraining_(module.is_training()) {}
  ~TrainingStateGuard() { module_.train(wasTraining_); }
  TrainingStateGuard(const TrainingStateGuard&) = delete;
  TrainingStateGuard& operator=(const TrainingStateGuard&) = delete;

 private:
  torch::nn::Module& module_;
  bool wasTraining_;
};

}  // namespace

PixelCnnImpl::PixelCnnImpl(PixelCnnConfig config) : config_(validated(std::move(config))) {
  at::Generator generator = at::detail::createCPUGenerator(config_.seed);
  const int f = config_.filters, in = config_.channels + 1;  // + a channel of ones (borders)
  firstU_ = register_module("firstU",
                            ShiftedConv2d(ShiftKind::Down, ConvShape{in, f, 2, 3}, 1, generator));
  firstUlAbove_ = register_module(
      "firstUlAbove", ShiftedConv2d(ShiftKind::Down, ConvShape{in, f, 1, 3}, 1, generator));
  firstUlLeft_ = register_module(
      "firstUlLeft", ShiftedConv2d(ShiftKind::DownRight, ConvShape{in, f, 2, 1}, 1, generator));
  buildUpPass(generator);
  buildDownPass(generator);
  output_ = register_module("output", NetworkInNetwork(f, config_.outputChannels(), generator));
}

void PixelCnnImpl::buildUpPass(at::Generator& generator) {
  const int f = config_.filters;
  const GatedResnetOptions u{ShiftKind::Down, f, 0, config_.dropout};
  const GatedResnetOptions ul{ShiftKind::DownRight, f, f, config_.dropout};  // skip: u
  for (int s = 0; s < kStages; ++s) {
    Stage stage;
    for (int b = 0; b < config_.resnetBlocks; ++b) {
      const std::string name = "up" + std::to_string(s) + "_" + std::to_string(b);
      stage.u.push_back(register_module(name + "_u", GatedResnet(u, generator)));
      stage.ul.push_back(register_module(name + "_ul", GatedResnet(ul, generator)));
    }
    up_.push_back(std::move(stage));
    if (s + 1 == kStages) break;
    const std::string name = "downsample" + std::to_string(s);
    downsampleU_.push_back(register_module(
        name + "_u", ShiftedConv2d(ShiftKind::Down, ConvShape{f, f, 2, 3}, 2, generator)));
    downsampleUl_.push_back(register_module(
        name + "_ul", ShiftedConv2d(ShiftKind::DownRight, ConvShape{f, f, 2, 2}, 2, generator)));
  }
}

void PixelCnnImpl::buildDownPass(at::Generator& generator) {
  const int f = config_.filters;
  const GatedResnetOptions u{ShiftKind::Down, f, f, config_.dropout};  // skip: the up pass's u
  const GatedResnetOptions ul{ShiftKind::DownRight, f, 2 * f, config_.dropout};  // u and up's ul
  for (int s = 0; s < kStages; ++s) {
    Stage stage;
    const int blocks = config_.resnetBlocks + (s == 0 ? 0 : 1);
    for (int b = 0; b < blocks; ++b) {
      const std::string name = "down" + std::to_string(s) + "_" + std::to_string(b);
      stage.u.push_back(register_module(name + "_u", GatedResnet(u, generator)));
      stage.ul.push_back(register_module(name + "_ul", GatedResnet(ul, generator)));
    }
    down_.push_back(std::move(stage));
    if (s + 1 == kStages) break;
    const std::string name = "upsample" + std::to_string(s);
    upsampleU_.push_back(register_module(
        name + "_u", ShiftedDeconv2d(ShiftKind::Down, ConvShape{f, f, 2, 3}, generator)));
    upsampleUl_.push_back(register_module(
        name + "_ul", ShiftedDeconv2d(ShiftKind::DownRight, ConvShape{f, f, 2, 2}, generator)));
  }
}

PixelCnnImpl::Streams PixelCnnImpl::upPass(const at::Tensor& input) {
  // u(r, c) sees rows < r; ul(r, c) sees row r - 1 around c and row r left of c.
  Streams streams;
  streams.u.push_back(downShift(firstU_->forward(input)));
  streams.ul.push_back(downShift(firstUlAbove_->forward(input)) +
                       rightShift(firstUlLeft_->forward(input)));
  for (int s = 0; s < kStages; ++s) {
    for (int b = 0; b < config_.resnetBlocks; ++b) {
      streams.u.push_back(up_[s].u[b]->forward(streams.u.back(), {}, dropoutGenerator_));
      streams.ul.push_back(
          up_[s].ul[b]->forward(streams.ul.back(), streams.u.back(), dropoutGenerator_));
    }
    if (s + 1 == kStages) break;
    streams.u.push_back(downsampleU_[s]->forward(streams.u.back()));
    streams.ul.push_back(downsampleUl_[s]->forward(streams.ul.back()));
  }
  return streams;
}

at::Tensor PixelCnnImpl::downPass(Streams& streams) {
  at::Tensor u = popBack(streams.u), ul = popBack(streams.ul);
  for (int s = 0; s < kStages; ++s) {
    for (std::size_t b = 0; b < down_[s].u.size(); ++b) {
      u = down_[s].u[b]->forward(u, popBack(streams.u), dropoutGenerator_);
      ul = down_[s].ul[b]->forward(ul, at::cat({u, popBack(streams.ul)}, 1), dropoutGenerator_);
    }
    if (s + 1 == kStages) break;
    u = upsampleU_[s]->forward(u);
    ul = upsampleUl_[s]->forward(ul);
  }
  if (!streams.u.empty() || !streams.ul.empty())
    throw Error("PixelCNN++: the up and down passes do not match");  // a construction bug
  return output_->forward(at::elu(ul));
}

at::Tensor PixelCnnImpl::forward(const at::Tensor& pixels) {
  const ImageShape shape = imageShape();
  if (pixels.dim() != 4 || pixels.size(1) != shape.channels || pixels.size(2) != shape.height ||
      pixels.size(3) != shape.width)
    throw Error("PixelCNN++: expected images of shape (B, " + std::to_string(shape.channels) +
                ", " + std::to_string(shape.height) + ", " + std::to_string(shape.width) + ")");
  return network(pixels);
}

at::Tensor PixelCnnImpl::network(const at::Tensor& pixels) {
  const at::Tensor x = pixelsToUnitRange(pixels);
  // A constant channel of ones lets the first convolutions tell zero padding from black pixels.
  const at::Tensor input = at::cat({x, at::ones_like(x.narrow(1, 0, 1))}, 1);
  Streams streams = upPass(input);
  return downPass(streams);
}

at::Tensor PixelCnnImpl::subPixelLogProbNats(const at::Tensor& pixels) {
  return subPixelLogProbabilities(
      splitMixtureOutput(forward(pixels), config_.channels, config_.logistics), pixels);
}

ImageShape PixelCnnImpl::imageShape() const {
  return ImageShape{config_.channels, config_.height, config_.width};
}

nlohmann::json PixelCnnImpl::configJson() const { return config_.toJson(); }

LikelihoodOutput PixelCnnImpl::logLikelihoodOfInput(const at::Tensor& pixels) {
  LikelihoodOutput out;
  out.subPixelLogProbNats = subPixelLogProbNats(pixels);
  out.logLikelihoodNats =
      out.subPixelLogProbNats.flatten(1).sum(1) + discretisationOffsetNats(config_.imageDims());
  return out;
}

at::Tensor PixelCnnImpl::sampleImages(std::int64_t n, const SamplingOptions& options) {
  at::NoGradGuard noGrad;
  TrainingStateGuard restore(*this);
  eval();
  at::Tensor pixels = at::zeros({n, config_.channels, config_.height, config_.width},
                                at::TensorOptions().dtype(at::kByte).device(device()));
  // The parameters at (h, w) depend only on earlier pixels, which are already drawn; the
  // sub-pixels of (h, w) are drawn in channel order inside sampleLogisticMixture. No layer looks
  // below its row, so the rows under h (cut at a multiple of 4 for the two downsamplings) can be
  // left out of the pass: on average half the work.
  for (int h = 0; h < config_.height; ++h) {
    const at::Tensor rows = pixels.narrow(2, 0, std::min(config_.height, (h / 4 + 1) * 4));
    for (int w = 0; w < config_.width; ++w) {
      const at::Tensor here = network(rows).narrow(2, h, 1).narrow(3, w, 1);
      const LogisticMixture mixture = splitMixtureOutput(here, config_.channels, config_.logistics);
      pixels.narrow(2, h, 1).narrow(3, w, 1).copy_(
          sampleLogisticMixture(mixture, options.generator, options.temperature));
    }
  }
  return pixels;
}

void PixelCnnImpl::save(const std::filesystem::path& path) { savePixelCnn(*this, path); }

void PixelCnnImpl::setDropoutGenerator(std::optional<at::Generator> generator) {
  dropoutGenerator_ = std::move(generator);
}

PixelCnn createPixelCnn(const PixelCnnConfig& config, at::Device device) {
  PixelCnn model(config);
  model->to(device);
  return model;
}

}  // namespace glowscope
