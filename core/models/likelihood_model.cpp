#include "core/models/likelihood_model.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "core/flows/model_archive.h"
#include "core/flows/model_config.h"
#include "core/models/pixelcnn_config.h"
#include "core/util/errors.h"

namespace glowscope {

std::string modelFamilyName(ModelFamily family) {
  return family == ModelFamily::PixelCnn ? "pixelcnn" : "flow";
}

LikelihoodOutput LikelihoodModelImpl::logLikelihood(const at::Tensor& pixels,
                                                    const LikelihoodOptions& options) {
  return logLikelihoodOfInput(inputFromPixels(pixels, options));
}

at::Tensor LikelihoodModelImpl::inputFromPixels(const at::Tensor& pixels,
                                                const LikelihoodOptions& /*options*/) {
  return pixels;
}

void LikelihoodModelImpl::initializeFromData(const at::Tensor& /*pixels*/,
                                             const LikelihoodOptions& /*options*/) {}

std::int64_t LikelihoodModelImpl::numParameters() const {
  std::int64_t count = 0;
  for (const auto& p : parameters()) count += p.numel();
  return count;
}

at::Device LikelihoodModelImpl::device() const {
  auto params = parameters();
  if (!params.empty()) return params.front().device();
  auto bufs = buffers();
  return bufs.empty() ? at::Device(at::kCPU) : bufs.front().device();
}

double discretisationOffsetNats(std::int64_t dims) {
  return static_cast<double>(dims) * std::log(256.0);
}

namespace {

std::string storedModelType(const ModelArchive& opened, const std::filesystem::path& path) {
  const auto type = opened.config.is_object() ? opened.config.find("type") : opened.config.end();
  if (type == opened.config.end() || !type->is_string())
    throw FileError(path.string(), "the model config names no model type");
  return type->get<std::string>();
}

}  // namespace

ModelFamily readModelFileFamily(const std::filesystem::path& path) {
  ModelArchive opened;
  openModelArchive(path, opened);
  const std::string name = storedModelType(opened, path);
  if (name == kPixelCnnTypeName) return ModelFamily::PixelCnn;
  if (name == "conv" || name == "dense" || name == "local") return ModelFamily::Flow;
  throw FileError(path.string(), "unknown model type '" + name + "'");
}

ImageShape readModelFileImageShape(const std::filesystem::path& path) {
  ModelArchive opened;
  openModelArchive(path, opened);
  const std::string name = storedModelType(opened, path);
  try {
    if (name == kPixelCnnTypeName) {
      const PixelCnnConfig config = PixelCnnConfig::fromJson(opened.config);
      return {config.channels, config.height, config.width};
    }
    const ModelConfig config = ModelConfig::fromJson(opened.config);
    return {config.channels, config.height, config.width};
  } catch (const ConfigError& error) {
    throw FileError(path.string(), std::string("invalid model config: ") + error.what());
  }
}

}  // namespace glowscope
