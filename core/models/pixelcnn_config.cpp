#include "core/models/pixelcnn_config.h"

#include <cmath>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>

#include "core/util/errors.h"

namespace glowscope {
namespace {

void requireRange(const char* field, long long value, long long minimum, long long maximum) {
  if (value < minimum || value > maximum)
    throw ConfigError(field, "must be between " + std::to_string(minimum) + " and " +
                                 std::to_string(maximum) + ", got " + std::to_string(value));
}

using FieldReader = std::function<void(const std::string&, const nlohmann::json&)>;

FieldReader intField(int& target) {
  return [&target](const std::string& key, const nlohmann::json& value) {
    if (!value.is_number_integer()) throw ConfigError(key, "expected an integer");
    const auto v = value.get<long long>();
    if (v < -1000000000LL || v > 1000000000LL) throw ConfigError(key, "value out of range");
    target = static_cast<int>(v);
  };
}

// Parameters of one weight-normalised convolution: direction v, gain g and bias per output.
std::int64_t convParameters(std::int64_t in, std::int64_t out, std::int64_t kernel) {
  return out * (in * kernel + 2);
}

// One gated ResNet block (docs/pixelcnn.md): conv 2F->F, 1x1 skip 2s->F when s > 0, conv 2F->2F.
std::int64_t blockParameters(std::int64_t filters, std::int64_t kernel, std::int64_t skip) {
  return convParameters(2 * filters, filters, kernel) +
         (skip > 0 ? convParameters(2 * skip, filters, 1) : 0) +
         convParameters(2 * filters, 2 * filters, kernel);
}

std::int64_t blockMultiplyAdds(std::int64_t filters, std::int64_t kernel, std::int64_t skip) {
  return 2 * filters * filters * kernel + 2 * skip * filters + 4 * filters * filters * kernel;
}

constexpr std::int64_t kDownKernel = 2 * 3;       // down-shifted 2x3
constexpr std::int64_t kDownRightKernel = 2 * 2;  // down-right-shifted 2x2

}  // namespace

void PixelCnnConfig::validate() const {
  requireRange("channels", channels, 1, 4);
  requireRange("height", height, 4, 4096);
  requireRange("width", width, 4, 4096);
  if (height % 4 != 0) throw ConfigError("height", "must be divisible by 4 (two 2x downsamplings)");
  if (width % 4 != 0) throw ConfigError("width", "must be divisible by 4 (two 2x downsamplings)");
  requireRange("resnetBlocks", resnetBlocks, 1, 64);
  requireRange("filters", filters, 1, 4096);
  requireRange("logistics", logistics, 1, 256);
  if (!(dropout >= 0.0 && dropout < 1.0))
    throw ConfigError("dropout", "must be at least 0 and below 1");
}

int PixelCnnConfig::outputChannels() const {
  return logistics * (1 + 2 * channels + channels * (channels - 1) / 2);
}

nlohmann::json PixelCnnConfig::toJson() const {
  return nlohmann::json{{"type", kPixelCnnTypeName},
                        {"channels", channels},
                        {"height", height},
                        {"width", width},
                        {"resnetBlocks", resnetBlocks},
                        {"filters", filters},
                        {"logistics", logistics},
                        {"dropout", dropout},
                        {"seed", seed}};
}

PixelCnnConfig PixelCnnConfig::fromJson(const nlohmann::json& json) {
  if (!json.is_object()) throw ConfigError("model", "expected a JSON object");
  PixelCnnConfig config;
  const std::map<std::string, FieldReader> fields{
      {"type",
       [](const std::string& key, const nlohmann::json& value) {
         if (!value.is_string() || value.get<std::string>() != kPixelCnnTypeName)
           throw ConfigError(key, std::string("expected \"") + kPixelCnnTypeName + "\"");
       }},
      {"channels", intField(config.channels)},
      {"height", intField(config.height)},
      {"width", intField(config.width)},
      {"resnetBlocks", intField(config.resnetBlocks)},
      {"filters", intField(config.filters)},
      {"logistics", intField(config.logistics)},
      {"dropout",
       [&](const std::string& key, const nlohmann::json& value) {
         if (!value.is_number()) throw ConfigError(key, "expected a number");
         config.dropout = value.get<double>();
       }},
      {"seed",
       [&](const std::string& key, const nlohmann::json& value) {
         if (!value.is_number_unsigned()) throw ConfigError(key, "expected a non-negative integer");
         config.seed = value.get<std::uint64_t>();
       }},
  };
  for (const auto& [key, value] : json.items()) {
    auto it = fields.find(key);
    if (it == fields.end()) throw ConfigError(key, "unknown field");
    it->second(key, value);
  }
  config.validate();
  return config;
}

PixelCnnConfig pixelCnnPreset(std::string_view name, int channels, int height, int width) {
  PixelCnnConfig config;
  config.channels = channels;
  config.height = height;
  config.width = width;
  if (name == "paper") {
    // Salimans et al. 2017, Sec. 3: 5 blocks per stage, 160 filters, 10 logistics, dropout 0.5.
    config.resnetBlocks = 5;
    config.filters = 160;
    config.logistics = 10;
    config.dropout = 0.5;
  } else if (name == "small") {
    // Sized so that a pair of models trained for the default experiment's 1,500 steps of 64
    // fits its 45 minutes on the 2-core CPU (docs/pixelcnn.md, docs/results.md); too small to
    // overfit in that budget, so no dropout.
    config.resnetBlocks = 2;
    config.filters = 16;
    config.logistics = 5;
    config.dropout = 0.0;
  } else if (name == "tiny") {
    config.resnetBlocks = 1;
    config.filters = 8;
    config.logistics = 2;
    config.dropout = 0.0;
  } else {
    throw ConfigError("preset", "unknown PixelCNN++ preset '" + std::string(name) +
                                    "' (expected paper, small or tiny)");
  }
  config.validate();
  return config;
}

std::vector<std::string> pixelCnnPresetNames() { return {"paper", "small", "tiny"}; }

std::int64_t pixelCnnParameterCount(const PixelCnnConfig& c) {
  const std::int64_t f = c.filters, r = c.resnetBlocks, in = c.channels + 1;
  const std::int64_t first = convParameters(in, f, kDownKernel) + convParameters(in, f, 1 * 3) +
                             convParameters(in, f, 2 * 1);
  const std::int64_t upBlocks =
      3 * r * (blockParameters(f, kDownKernel, 0) + blockParameters(f, kDownRightKernel, f));
  const std::int64_t downBlocks = (3 * r + 2) * (blockParameters(f, kDownKernel, f) +
                                                 blockParameters(f, kDownRightKernel, 2 * f));
  // Two stride-2 convolutions down and two deconvolutions up, per stream.
  const std::int64_t resampling =
      4 * (convParameters(f, f, kDownKernel) + convParameters(f, f, kDownRightKernel));
  return first + upBlocks + downBlocks + resampling + convParameters(f, c.outputChannels(), 1);
}

std::int64_t pixelCnnForwardMultiplyAdds(const PixelCnnConfig& c) {
  const std::int64_t f = c.filters, r = c.resnetBlocks, in = c.channels + 1;
  const std::int64_t area[3] = {std::int64_t{c.height} * c.width,
                                std::int64_t{c.height} * c.width / 4,
                                std::int64_t{c.height} * c.width / 16};
  const std::int64_t upBlock =
      blockMultiplyAdds(f, kDownKernel, 0) + blockMultiplyAdds(f, kDownRightKernel, f);
  const std::int64_t downBlock =
      blockMultiplyAdds(f, kDownKernel, f) + blockMultiplyAdds(f, kDownRightKernel, 2 * f);
  const std::int64_t resample = f * f * (kDownKernel + kDownRightKernel);
  std::int64_t total = area[0] * in * f * (6 + 3 + 2);
  for (int s = 0; s < 3; ++s) total += area[s] * r * upBlock;
  // Stride-2 convolutions are counted at their output size, deconvolutions at their input size:
  // both are the smaller resolution.
  total += 2 * (area[1] + area[2]) * resample;
  total += (area[2] * r + area[1] * (r + 1) + area[0] * (r + 1)) * downBlock;
  total += area[0] * f * c.outputChannels();
  return total;
}

}  // namespace glowscope
