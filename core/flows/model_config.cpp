#include "core/flows/model_config.h"

#include <nlohmann/json.hpp>

#include "core/util/errors.h"
#include "core/util/json_reader.h"

namespace glowscope {

std::string flowTypeName(FlowType type) {
  switch (type) {
    case FlowType::Conv:
      return "conv";
    case FlowType::Dense:
      return "dense";
    case FlowType::Local:
      return "local";
  }
  return "conv";
}

FlowType flowTypeFromName(std::string_view name) {
  if (name == "conv") return FlowType::Conv;
  if (name == "dense") return FlowType::Dense;
  if (name == "local") return FlowType::Local;
  throw ConfigError(
      "type", "unknown flow type '" + std::string(name) + "' (expected conv, dense or local)");
}

int ModelConfig::numLatents() const { return type == FlowType::Local ? 1 : numScales; }

namespace {

void requireAtLeast(const char* field, long long value, long long minimum) {
  if (value < minimum)
    throw ConfigError(
        field, "must be at least " + std::to_string(minimum) + ", got " + std::to_string(value));
}

}  // namespace

void ModelConfig::validate() const {
  requireAtLeast("channels", channels, 1);
  requireAtLeast("height", height, 1);
  requireAtLeast("width", width, 1);
  requireAtLeast("numScales", numScales, 1);
  requireAtLeast("stepsPerScale", stepsPerScale, 1);
  requireAtLeast("hiddenChannels", hiddenChannels, 1);
  requireAtLeast("numClasses", numClasses, 0);
  if (type == FlowType::Local) {
    if (numScales != 1) throw ConfigError("numScales", "the local model has exactly 1 scale");
    if (numClasses != 0)
      throw ConfigError("numClasses", "the local model has no class-conditional heads");
    if (patchSize < 2 || patchSize % 2 != 0)
      throw ConfigError("patchSize", "must be an even number of at least 2");
    if (height % patchSize != 0 || width % patchSize != 0)
      throw ConfigError("patchSize", "height and width must be multiples of the patch size");
    return;
  }
  if (numScales > 16) throw ConfigError("numScales", "at most 16 scales");
  const int factor = 1 << numScales;
  if (height % factor != 0)
    throw ConfigError("height", "must be divisible by 2^numScales = " + std::to_string(factor));
  if (width % factor != 0)
    throw ConfigError("width", "must be divisible by 2^numScales = " + std::to_string(factor));
}

nlohmann::json ModelConfig::toJson() const {
  return nlohmann::json{{"type", flowTypeName(type)},
                        {"channels", channels},
                        {"height", height},
                        {"width", width},
                        {"numScales", numScales},
                        {"stepsPerScale", stepsPerScale},
                        {"hiddenChannels", hiddenChannels},
                        {"numClasses", numClasses},
                        {"patchSize", patchSize},
                        {"seed", seed}};
}

ModelConfig ModelConfig::fromJson(const nlohmann::json& json) {
  if (!json.is_object()) throw ConfigError("model", "expected a JSON object");
  ModelConfig config;
  JsonObjectReader reader(json, "");
  std::string type = flowTypeName(config.type);
  reader.read("type", type);
  config.type = flowTypeFromName(type);
  reader.read("channels", config.channels);
  reader.read("height", config.height);
  reader.read("width", config.width);
  reader.read("numScales", config.numScales);
  reader.read("stepsPerScale", config.stepsPerScale);
  reader.read("hiddenChannels", config.hiddenChannels);
  reader.read("numClasses", config.numClasses);
  reader.read("patchSize", config.patchSize);
  reader.read("seed", config.seed);
  reader.finish();
  config.validate();
  return config;
}

ModelConfig modelPreset(std::string_view name, FlowType type, int channels, int height, int width) {
  ModelConfig config;
  config.type = type;
  config.channels = channels;
  config.height = height;
  config.width = width;
  config.numScales = type == FlowType::Local ? 1 : 3;
  if (name == "paper") {
    // The authors' dense model uses K=8 (docs/flows.md, presets); conv and local use K=32.
    config.stepsPerScale = type == FlowType::Dense ? 8 : 32;
    config.hiddenChannels = 512;
  } else if (name == "small") {
    config.stepsPerScale = 8;
    config.hiddenChannels = 128;
  } else if (name == "tiny") {
    config.stepsPerScale = 2;
    config.hiddenChannels = 16;
  } else {
    throw ConfigError("preset",
                      "unknown preset '" + std::string(name) + "' (expected paper, small or tiny)");
  }
  config.validate();
  return config;
}

std::vector<std::string> modelPresetNames() { return {"paper", "small", "tiny"}; }

namespace {

// Per conv flow step on C channels with hidden width h:
//   ActNorm 2C + LU conv (2C^2 + C, masked entries counted)
//   + coupling net 9(C/2)h + 2h + h^2 + 2h + 9hC + C (bias) + C (logs).
std::int64_t convStepParameters(std::int64_t c, std::int64_t h) {
  return 2 * c + (2 * c * c + c) + (9 * (c / 2) * h + 2 * h + h * h + 2 * h + 9 * h * c + 2 * c);
}

// Per dense flow step on D dims: ActNorm 2D + fixed mixing 0 + MLP (D/2)h + h + h^2 + h + hD + D.
std::int64_t denseStepParameters(std::int64_t d, std::int64_t h) {
  return 2 * d + ((d / 2) * h + h + h * h + h + h * d + d);
}

}  // namespace

std::int64_t analyticParameterCount(const ModelConfig& config) {
  config.validate();
  const std::int64_t h = config.hiddenChannels;
  const std::int64_t k = config.stepsPerScale;
  std::int64_t c = config.channels, height = config.height, width = config.width;
  int scales = config.numScales;
  if (config.type == FlowType::Local) height = width = config.patchSize;
  std::int64_t total = 0;
  for (int s = 0; s < scales; ++s) {
    c *= 4;
    height /= 2;
    width /= 2;
    const std::int64_t dims = c * height * width;
    total += k * (config.type == FlowType::Dense ? denseStepParameters(dims, h)
                                                 : convStepParameters(c, h));
    const bool last = s == scales - 1;
    const std::int64_t latentDims = last ? dims : dims / 2;
    // Latent prior: per-dimension ActNorm 2D, plus 4D per class head.
    total += 2 * latentDims + std::int64_t{config.numClasses} * 4 * latentDims;
    if (!last) c /= 2;
  }
  return total;
}

double activationBytesPerImage(const ModelConfig& config) {
  double floats = 0;
  if (config.type == FlowType::Dense) {
    floats = config.numScales * config.stepsPerScale *
             (4.0 * static_cast<double>(config.imageDims()) + 2.0 * config.hiddenChannels);
  } else {
    const int side = config.type == FlowType::Local ? config.patchSize : 0;
    const double height = side ? side : config.height, width = side ? side : config.width;
    const double patches = side ? (config.height / side) * (config.width / side) : 1.0;
    double channels = config.channels;
    double pixels = height * width;
    for (int scale = 0; scale < config.numScales; ++scale) {
      channels *= 4;
      pixels /= 4;
      floats +=
          patches * config.stepsPerScale * pixels * (4.0 * channels + 2.0 * config.hiddenChannels);
      channels /= 2;  // half of the channels leave at each split
    }
  }
  return floats * 4.0 * 2.0;
}

double estimatedTrainingBytes(const ModelConfig& config, std::int64_t batchSize) {
  // Weights, gradients and the two Adamax moments (4 floats per parameter), plus activations.
  return static_cast<double>(analyticParameterCount(config)) * 4.0 * 4.0 +
         static_cast<double>(batchSize) * activationBytesPerImage(config);
}

}  // namespace glowscope
