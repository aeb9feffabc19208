#pragma once
// One interface for "a likelihood model of 8-bit images", whatever its family: log p per image,
// the contributions the family can split it into, sampling, save/load with its config. Scoring,
// training and the views can code against this instead of a family (docs/pixelcnn.md,
// "One interface for likelihood models").
//
// The common currency is the flows' (docs/flows.md): nats of a density over x in [-0.5, 0.5)^D
// with bins of 1/256, so bitsPerDim() (core/flows/preprocess.h), the training losses and every
// ratio score work unchanged across families. A discrete model with probability P(x) of the 8-bit
// image reports log P(x) + D ln 256: the log-density of its uniformly dequantised version, whose
// bits/dim is exactly -log2 P(x) / D.
#include <ATen/ATen.h>
#include <torch/nn/module.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/flows/preprocess_mode.h"
#include "core/models/image_shape.h"

namespace glowscope {

enum class ModelFamily {
  Flow,      ///< Glow variants (core/flows): exact continuous density, per-scale c_i
  PixelCnn,  ///< PixelCNN++ (core/models): exact discrete probability, per-sub-pixel terms
};

std::string modelFamilyName(ModelFamily family);  ///< "flow" | "pixelcnn"

struct LikelihoodOptions {
  /// Dequantisation of continuous models (x = k/256 - 0.5 + offset). Discrete models are exact
  /// on the 8-bit values and ignore it.
  PreprocessMode mode = PreprocessMode::PaperEvaluation;
  /// Draws the TrainingNoise offsets when given (on the model's device).
  std::optional<at::Generator> generator;
};

struct LikelihoodOutput {
  /// (B) nats of the density over [-0.5, 0.5)^D (see above). Differentiable when grad is on.
  at::Tensor logLikelihoodNats;
  /// Flows: c_1..c_L, each (B), summing to logLikelihoodNats. Empty for families without scales.
  std::vector<at::Tensor> scaleLogLikelihoodNats;
  /// PixelCNN++: (B,C,H,W) log P(x_{c,h,w} | every earlier sub-pixel in raster order, channels
  /// in order within a pixel), nats of the discrete probability (<= 0); sum over all entries +
  /// D ln 256 = logLikelihoodNats. Sum over C for per-pixel maps. Undefined for flows.
  at::Tensor subPixelLogProbNats;
};

struct SamplingOptions {
  double temperature = 1.0;  ///< flows: prior std factor; PixelCNN++: logistic scale factor
  std::optional<at::Generator> generator;  ///< on the model's device
};

/// A likelihood model over 8-bit images of imageShape(). Implementations are torch modules, so
/// parameters(), train()/eval() and to(device) work as for any module.
class LikelihoodModelImpl : public torch::nn::Module {
 public:
  ~LikelihoodModelImpl() override = default;

  virtual ModelFamily family() const = 0;
  virtual ImageShape imageShape() const = 0;
  /// The config the model file stores; its "type" names the family ("pixelcnn", "conv", ...).
  virtual nlohmann::json configJson() const = 0;

  /// pixels: (B,C,H,W) uint8 (or floating values 0..255; discrete models round them) on the
  /// model's device. Runs in the module's current train/eval state. The same as
  /// logLikelihoodOfInput(inputFromPixels(pixels, options)).
  LikelihoodOutput logLikelihood(const at::Tensor& pixels, const LikelihoodOptions& options = {});

  /// What the network consumes for 8-bit `pixels`: flows the dequantised values
  /// (preprocessImages with options.mode and options.generator), discrete models the pixels
  /// themselves (the default). Split from logLikelihoodOfInput so that a data-parallel trainer
  /// can draw the noise of a whole batch before taking its shard (docs/scaling-out.md).
  virtual at::Tensor inputFromPixels(const at::Tensor& pixels, const LikelihoodOptions& options);
  /// log p of an inputFromPixels() result (rows may have been selected or sharded since).
  virtual LikelihoodOutput logLikelihoodOfInput(const at::Tensor& input) = 0;

  /// Draws n images (n,C,H,W) uint8 on the model's device, under no-grad.
  virtual at::Tensor sampleImages(std::int64_t n, const SamplingOptions& options = {}) = 0;

  /// Data-dependent initialisation before training from scratch (flows: ActNorm on the batch
  /// dequantised as `options` says). The default does nothing.
  virtual void initializeFromData(const at::Tensor& pixels, const LikelihoodOptions& options);

  /// Writes weights, buffers, config and format version into ONE file, atomically.
  virtual void save(const std::filesystem::path& path) = 0;

  std::int64_t numParameters() const;  ///< trainable parameter elements
  at::Device device() const;           ///< where the parameters live
};

using LikelihoodModel = std::shared_ptr<LikelihoodModelImpl>;

/// log-density offset D ln 256 between a discrete model's log P(x) and the logLikelihoodNats it
/// reports (and between the flows' log p and their discrete NLL).
double discretisationOffsetNats(std::int64_t dims);

/// The family of a Glowscope model file, from the "type" of its stored config. Throws
/// FileError for missing, unreadable, non-model or unknown-type files.
ModelFamily readModelFileFamily(const std::filesystem::path& path);

/// The C x H x W a model file of either family scores, from its stored config. Throws FileError.
ImageShape readModelFileImageShape(const std::filesystem::path& path);

/// Loads a model file of either family behind the interface (flows through
/// FlowLikelihoodModel, core/models/flow_likelihood.h). Throws FileError.
LikelihoodModel loadLikelihoodModel(const std::filesystem::path& path,
                                    at::Device device = at::kCPU);

}  // namespace glowscope
