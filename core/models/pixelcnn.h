#pragma once
// PixelCNN++ (Salimans et al. 2017): an autoregressive model of 8-bit images with an exact
// discrete log-likelihood and one term per sub-pixel. docs/pixelcnn.md describes the network,
// the presets and the file format.
#include <ATen/ATen.h>
#include <torch/nn/pimpl.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <vector>

#include "core/models/gated_resnet.h"
#include "core/models/likelihood_model.h"
#include "core/models/pixelcnn_config.h"
#include "core/models/shifted_conv.h"

namespace glowscope {

/// Model file format version written by savePixelCnn.
inline constexpr std::int64_t kPixelCnnFormatVersion = 1;

class PixelCnnImpl : public LikelihoodModelImpl {
 public:
  /// Builds the network on the CPU with weights seeded by config.seed (independent of the global
  /// torch RNG). Throws ConfigError for an invalid config.
  explicit PixelCnnImpl(PixelCnnConfig config);

  /// The network: pixels (B,C,H,W) uint8 -> mixture parameters (B, outputChannels, H, W) whose
  /// value at (h, w) depends only on the pixels before (h, w) in raster order.
  at::Tensor forward(const at::Tensor& pixels);

  /// (B,C,H,W) log P(x_{c,h,w} | all earlier sub-pixels), nats (see LikelihoodOutput).
  at::Tensor subPixelLogProbNats(const at::Tensor& pixels);

  ModelFamily family() const override { return ModelFamily::PixelCnn; }
  ImageShape imageShape() const override;
  nlohmann::json configJson() const override;
  /// Exact: the input is the 8-bit pixels themselves (inputFromPixels' default), nothing is
  /// dequantised; LikelihoodOptions are not used.
  LikelihoodOutput logLikelihoodOfInput(const at::Tensor& pixels) override;
  /// Sub-pixel by sub-pixel in raster order: H*W network passes over the batch, in eval state
  /// (the module's train/eval state is restored afterwards).
  at::Tensor sampleImages(std::int64_t n, const SamplingOptions& options = {}) override;
  void save(const std::filesystem::path& path) override;

  const PixelCnnConfig& config() const { return config_; }

  /// Draw dropout masks from `generator` (on the model's device) instead of the global RNG, so a
  /// training run can own and checkpoint every random stream it uses.
  void setDropoutGenerator(std::optional<at::Generator> generator);

 private:
  struct Stage {
    std::vector<GatedResnet> u, ul;
  };
  struct Streams {
    std::vector<at::Tensor> u, ul;
  };

  void buildUpPass(at::Generator& generator);
  void buildDownPass(at::Generator& generator);
  at::Tensor network(const at::Tensor& pixels);  ///< forward() without the shape check
  Streams upPass(const at::Tensor& input);
  at::Tensor downPass(Streams& streams);

  PixelCnnConfig config_;
  std::optional<at::Generator> dropoutGenerator_;
  ShiftedConv2d firstU_{nullptr}, firstUlAbove_{nullptr}, firstUlLeft_{nullptr};
  std::vector<Stage> up_, down_;
  std::vector<ShiftedConv2d> downsampleU_, downsampleUl_;
  std::vector<ShiftedDeconv2d> upsampleU_, upsampleUl_;
  NetworkInNetwork output_{nullptr};
};
TORCH_MODULE(PixelCnn);

/// Builds a model and moves it to `device`.
PixelCnn createPixelCnn(const PixelCnnConfig& config, at::Device device = at::kCPU);

/// Writes weights, config JSON and format version into ONE file atomically. Throws FileError.
void savePixelCnn(PixelCnnImpl& model, const std::filesystem::path& path);
/// Rebuilds the model a file describes, on `device`. Throws FileError (missing, truncated,
/// garbage, another family, unsupported version, weights that do not fit the config).
PixelCnn loadPixelCnn(const std::filesystem::path& path, at::Device device = at::kCPU);
/// Reads only the config stored in a model file. Throws FileError.
PixelCnnConfig readPixelCnnConfig(const std::filesystem::path& path);

}  // namespace glowscope
