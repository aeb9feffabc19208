// PixelCNN++ model files: the model archive every family shares (core/flows/model_archive.h) with
// the PixelCnnConfig JSON, whose "type" is "pixelcnn", so the file alone rebuilds its model.
#include <nlohmann/json.hpp>

#include "core/flows/model_archive.h"
#include "core/models/pixelcnn.h"
#include "core/util/errors.h"

namespace glowscope {
namespace {

PixelCnnConfig storedConfig(const ModelArchive& opened, const std::filesystem::path& path) {
  const auto type = opened.config.is_object() ? opened.config.find("type") : opened.config.end();
  if (type == opened.config.end() || !type->is_string() ||
      type->get<std::string>() != kPixelCnnTypeName) {
    const std::string holds =
        type != opened.config.end() && type->is_string() ? type->get<std::string>() : "unknown";
    throw FileError(path.string(), "the file holds a " + holds + " model, not a PixelCNN++");
  }
  if (opened.formatVersion != kPixelCnnFormatVersion)
    throw FileError(path.string(), "unsupported PixelCNN++ format version " +
                                       std::to_string(opened.formatVersion) +
                                       " (this build reads " +
                                       std::to_string(kPixelCnnFormatVersion) + ")");
  try {
    return PixelCnnConfig::fromJson(opened.config);
  } catch (const std::exception& e) {
    throw FileError(path.string(), std::string("bad model config: ") + e.what());
  }
}

}  // namespace

void savePixelCnn(PixelCnnImpl& model, const std::filesystem::path& path) {
  writeModelArchive(model, kPixelCnnFormatVersion, model.config().toJson(), path);
}

PixelCnnConfig readPixelCnnConfig(const std::filesystem::path& path) {
  ModelArchive opened;
  openModelArchive(path, opened);
  return storedConfig(opened, path);
}

PixelCnn loadPixelCnn(const std::filesystem::path& path, at::Device device) {
  ModelArchive opened;
  openModelArchive(path, opened);
  PixelCnn model(storedConfig(opened, path));
  loadModuleState(*model, opened, path);
  model->to(device);
  return model;
}

}  // namespace glowscope
