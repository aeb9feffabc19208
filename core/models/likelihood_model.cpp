#include "core/models/likelihood_model.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "core/models/model_file.h"
#include "core/models/pixelcnn_config.h"
#include "core/util/errors.h"

namespace glowscope {

std::string modelFamilyName(ModelFamily family) {
  return family == ModelFamily::PixelCnn ? "pixelcnn" : "flow";
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

ModelFamily readModelFileFamily(const std::filesystem::path& path) {
  ModelArchive opened;
  openModelArchive(path, opened);
  const auto type = opened.config.is_object() ? opened.config.find("type") : opened.config.end();
  if (type == opened.config.end() || !type->is_string())
    throw FileError(path.string(), "the model config names no model type");
  const std::string name = type->get<std::string>();
  if (name == kPixelCnnTypeName) return ModelFamily::PixelCnn;
  if (name == "conv" || name == "dense" || name == "local") return ModelFamily::Flow;
  throw FileError(path.string(), "unknown model type '" + name + "'");
}

}  // namespace glowscope
