#pragma once
// The flow-model interface every other module codes against. Implementations (conv/dense Glow,
// local patch Glow, class-conditional heads) live behind createFlowModel().
#include <ATen/ATen.h>
#include <torch/nn/module.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

#include "core/flows/model_config.h"

namespace glowscope {

/// Result of the forward (density) direction x -> z.
struct FlowOutput {
  /// z_1..z_L, each (B, D_i), flattened in (C,H,W) order AFTER the per-scale latent ActNorm.
  std::vector<at::Tensor> latents;
  /// c_1..c_L, each (B), nats: scale i's flow log-dets + its latent ActNorm log-det + its prior
  /// log-density. For unconditional models sum_i c_i == logLikelihoodNats. For class-conditional
  /// models c_i = logsumexp_k(per-class scale term) - log K per scale (as in the authors' code;
  /// docs/flows.md), so the sum differs from the mixture log p(x).
  std::vector<at::Tensor> scaleLogLikelihoodNats;
  /// log p(x) (B), nats, continuous density of x in [-0.5,0.5) (no -D ln 256 term).
  /// Class-conditional models: logsumexp_k log p(x|k) - log K.
  at::Tensor logLikelihoodNats;
  /// Class-conditional models only (else undefined): log p(x|k), (B,K).
  at::Tensor classLogLikelihoodNats;
  /// Class-conditional models only (else empty): per scale i the (B,K) term whose sum over scales
  /// is classLogLikelihoodNats.
  std::vector<at::Tensor> scaleClassLogLikelihoodNats;
};

/// Result of the inverse (generative) direction z -> x.
struct InverseOutput {
  at::Tensor images;             ///< (B,C,H,W), model space (x = k/256 - 0.5 + noise)
  at::Tensor logLikelihoodNats;  ///< (B) log p(images) from forward-direction log-dets
};

/// A normalizing flow over images of config().channels x height x width.
/// Created on a device by createFlowModel(); use model->to(...) only for the whole model.
class FlowModelImpl : public torch::nn::Module {
 public:
  explicit FlowModelImpl(ModelConfig config);
  ~FlowModelImpl() override = default;

  /// x: (B,C,H,W) float32 on the model's device, already preprocessed.
  virtual FlowOutput forward(const at::Tensor& x) = 0;

  /// latents: as FlowOutput::latents (after latent ActNorm), one (B,D_i) per scale.
  /// Differentiable (z optimisation). Throws glowscope::Error on wrong count/shape.
  virtual InverseOutput inverse(const std::vector<at::Tensor>& latents) = 0;

  /// Draws n images: each latent ~ the prior with its std multiplied by `temperature`, then
  /// inverse(). For class-conditional models classIndex selects the class head; -1 draws a class
  /// uniformly per image. The generator (if given) must live on the model's device.
  InverseOutput sample(std::int64_t n, double temperature = 1.0,
                       std::optional<at::Generator> generator = std::nullopt,
                       std::int64_t classIndex = -1);

  /// Draws latents as sample() does, without inverting them.
  virtual std::vector<at::Tensor> sampleLatents(std::int64_t n, double temperature,
                                                std::optional<at::Generator> generator,
                                                std::int64_t classIndex) = 0;

  const ModelConfig& config() const { return config_; }
  int numScales() const { return config_.numLatents(); }  ///< number of latents / c_i
  /// D_i of each latent (they sum to C*H*W).
  std::vector<std::int64_t> latentDims() const;
  /// Unflattened shape of each latent: (C_i,H_i,W_i); Local: (numPatches*C', H', W').
  virtual std::vector<std::vector<std::int64_t>> latentShapes() const = 0;

  /// Trainable parameters belonging to scale i (its flow steps and its latent prior, including
  /// its class heads), e.g. to freeze the first scales. Throws glowscope::Error on a bad index.
  virtual std::vector<at::Tensor> parametersOfScale(int scale) = 0;

  std::int64_t numParameters() const;  ///< trainable parameter elements
  at::Device device() const;           ///< where the parameters live

 private:
  ModelConfig config_;
};

using FlowModel = std::shared_ptr<FlowModelImpl>;

/// Builds the model the config describes (weights seeded by config.seed, independent of the
/// global torch RNG) on `device`. Throws ConfigError for an invalid config.
FlowModel createFlowModel(const ModelConfig& config, at::Device device = at::kCPU);

/// A class-conditional copy of an unconditional model: every shared weight is copied, and each
/// of numClasses heads starts as the identity ActNorm + N(0,I), so at creation every class gives
/// the same log p as the unconditional model (Sec. 3.2). Same device as `model`.
FlowModel addClassHeads(FlowModelImpl& unconditionalModel, int numClasses);

/// An independent deep copy (same config, same weights, same ActNorm-initialised flags).
FlowModel cloneFlowModel(FlowModelImpl& model, std::optional<at::Device> device = std::nullopt);

/// Data-dependent ActNorm init (docs/flows.md): one no-grad forward of `batch` in init
/// mode, so every ActNorm (flow steps, coupling nets, latent priors; not the class heads, which
/// start as identity) initialises on its actual input in execution order; then all are marked
/// initialised. The flags are saved with the model; fine-tuning must not call this again.
void initializeActNorms(FlowModelImpl& model, const at::Tensor& batch);
/// True when every data-initialised ActNorm has been initialised.
bool actNormsInitialized(FlowModelImpl& model);

/// Model file format version written by saveFlowModel.
inline constexpr std::int64_t kFlowModelFormatVersion = 1;

/// Writes weights, buffers, ActNorm flags, the config JSON and the format version into ONE file
/// atomically. Throws FileError.
void saveFlowModel(FlowModelImpl& model, const std::filesystem::path& path);
/// Rebuilds the model a file describes, on `device`. Throws FileError (missing, truncated,
/// garbage, unsupported version, inconsistent weights).
FlowModel loadFlowModel(const std::filesystem::path& path, at::Device device = at::kCPU);
/// Loads a file's weights into an existing model; throws FileError when the file holds another
/// architecture (its config differs in anything but the seed).
void loadFlowModelWeights(FlowModelImpl& model, const std::filesystem::path& path);
/// Reads only the config stored in a model file. Throws FileError.
ModelConfig readFlowModelConfig(const std::filesystem::path& path);

}  // namespace glowscope
