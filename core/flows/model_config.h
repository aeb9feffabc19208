#pragma once
#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace glowscope {

/// Which flow architecture a ModelConfig describes (docs/flows.md).
enum class FlowType {
  Conv,   ///< multi-scale conv Glow: ActNorm, LU 1x1 conv, affine coupling with a conv net
  Dense,  ///< fully connected Glow: per-dimension ActNorm, fixed orthogonal mixing, MLP couplings
  Local,  ///< one single-scale conv Glow applied to every non-overlapping patch of the image
};

std::string flowTypeName(FlowType type);           ///< "conv" | "dense" | "local"
FlowType flowTypeFromName(std::string_view name);  ///< throws ConfigError("type", ...)

/// Everything needed to rebuild a flow model (weights aside). Stored in every model file.
struct ModelConfig {
  FlowType type = FlowType::Conv;
  int channels = 1;          ///< image channels C
  int height = 32;           ///< image height H (divisible by 2^numScales; Local: by patchSize)
  int width = 32;            ///< image width W
  int numScales = 3;         ///< L; Local models have exactly 1 (a scale of the patch model)
  int stepsPerScale = 8;     ///< K flow steps per scale
  int hiddenChannels = 128;  ///< coupling-net width (conv channels, or MLP units for Dense)
  int numClasses = 0;        ///< 0 = unconditional; >0 = per-class latent heads (Conv/Dense)
  int patchSize = 8;         ///< Local only: side of the square non-overlapping patches
  std::uint64_t seed = 0;    ///< seeds every random initialisation of the model

  /// Throws ConfigError naming the first invalid field.
  void validate() const;

  /// Image dimensions D = C*H*W (the D of bits/dim).
  std::int64_t imageDims() const { return std::int64_t{channels} * height * width; }

  /// Number of latents the model returns: numScales (Conv/Dense), 1 (Local).
  int numLatents() const;

  nlohmann::json toJson() const;
  /// Missing fields keep their defaults; an unknown field or a wrong type throws ConfigError
  /// naming the field. The result is validated.
  static ModelConfig fromJson(const nlohmann::json& json);

  bool operator==(const ModelConfig&) const = default;
};

/// Named size presets: "paper" (K=32, hidden 512, L=3), "small" (K=8, hidden 128, L=3),
/// "tiny" (K=2, hidden 16, L=3; for tests). Local models get numScales = 1, Dense keeps L=3.
/// Throws ConfigError("preset", ...) for an unknown name.
ModelConfig modelPreset(std::string_view name, FlowType type = FlowType::Conv, int channels = 1,
                        int height = 32, int width = 32);
std::vector<std::string> modelPresetNames();

/// Trainable parameter count the architecture must have (masked LU entries counted), from the
/// closed-form formula documented in docs/flows.md. Used by tests and the model summary.
std::int64_t analyticParameterCount(const ModelConfig& config);

/// Activation memory of one image in bytes, forward and backward (a rough estimate: per flow step
/// about four tensors of the flow's width plus two hidden layers of the coupling net).
double activationBytesPerImage(const ModelConfig& config);
/// Rough memory of training with Adamax at `batchSize`, in bytes: weights, gradients and the two
/// moments, plus activations. The wizard shows it before a run starts.
double estimatedTrainingBytes(const ModelConfig& config, std::int64_t batchSize);

}  // namespace glowscope
