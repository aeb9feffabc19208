#pragma once
// Everything needed to rebuild a PixelCNN++ (Salimans et al. 2017) apart from its weights; stored
// in every model file. docs/pixelcnn.md describes the architecture and the presets.
#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace glowscope {

/// The `type` a PixelCNN++ config carries in JSON and model files (flows use conv/dense/local).
inline constexpr const char* kPixelCnnTypeName = "pixelcnn";

struct PixelCnnConfig {
  int channels = 1;      ///< image channels C (1 grey, 3 RGB; at most 4)
  int height = 32;       ///< image height H, divisible by 4 (two stride-2 stages)
  int width = 32;        ///< image width W, divisible by 4
  int resnetBlocks = 5;  ///< gated ResNet blocks per stage of the up pass (down pass: R, R+1, R+1)
  int filters = 160;     ///< channels of both streams
  int logistics = 10;    ///< mixture components per pixel
  double dropout = 0.5;  ///< dropout rate inside every gated ResNet block (training only)
  std::uint64_t seed = 0;  ///< seeds every random initialisation of the model

  /// Throws ConfigError naming the first invalid field.
  void validate() const;

  /// Image dimensions D = C*H*W (the D of bits/dim).
  std::int64_t imageDims() const { return std::int64_t{channels} * height * width; }
  /// Network outputs per pixel: per logistic 1 weight, C means, C log-scales and C(C-1)/2
  /// channel coefficients (3 for grey, 10 for RGB).
  int outputChannels() const;

  nlohmann::json toJson() const;
  /// Missing fields keep their defaults; an unknown field, a wrong type or a `type` other than
  /// "pixelcnn" throws ConfigError naming the field. The result is validated.
  static PixelCnnConfig fromJson(const nlohmann::json& json);

  bool operator==(const PixelCnnConfig&) const = default;
};

/// Named presets: "paper" (5 blocks per stage, 160 filters, 10 logistics, dropout 0.5),
/// "small" (CPU-sized, see docs/pixelcnn.md) and "tiny" (tests). Throws ConfigError("preset").
PixelCnnConfig pixelCnnPreset(std::string_view name, int channels = 1, int height = 32,
                              int width = 32);
std::vector<std::string> pixelCnnPresetNames();

/// Trainable parameter count from the closed form in docs/pixelcnn.md (tested against the
/// built model).
std::int64_t pixelCnnParameterCount(const PixelCnnConfig& config);

/// Multiply-adds of one image's forward pass through every convolution, deconvolution and 1x1
/// layer (the element-wise work is left out); FLOPs = 2 x this. Tested against a count taken
/// while the model runs (CountMultiplyAdds).
std::int64_t pixelCnnForwardMultiplyAdds(const PixelCnnConfig& config);

}  // namespace glowscope
