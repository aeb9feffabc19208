// Flow model files: the shared model archive (model_archive.h: module state with the
// ActNorm-initialised flags, format version, config JSON) holding a ModelConfig, so that a file
// alone rebuilds its model.
#include <ATen/core/grad_mode.h>

#include <string>

#include "core/flows/flow_model.h"
#include "core/flows/model_archive.h"
#include "core/util/errors.h"

namespace glowscope {
namespace {

/// The archive's config as a ModelConfig, after the flow format version is checked.
ModelConfig storedFlowConfig(const ModelArchive& opened, const std::filesystem::path& path) {
  if (opened.formatVersion != kFlowModelFormatVersion)
    throw FileError(path.string(),
                    "unsupported model format version " + std::to_string(opened.formatVersion) +
                        " (this build reads " + std::to_string(kFlowModelFormatVersion) + ")");
  try {
    return ModelConfig::fromJson(opened.config);
  } catch (const std::exception& e) {
    throw FileError(path.string(), std::string("bad model config: ") + e.what());
  }
}

std::string describe(const ModelConfig& c) {
  return flowTypeName(c.type) + " " + std::to_string(c.channels) + "x" + std::to_string(c.height) +
         "x" + std::to_string(c.width) + " L=" + std::to_string(c.numScales) +
         " K=" + std::to_string(c.stepsPerScale) + " hidden=" + std::to_string(c.hiddenChannels) +
         " classes=" + std::to_string(c.numClasses);
}

}  // namespace

void saveFlowModel(FlowModelImpl& model, const std::filesystem::path& path) {
  writeModelArchive(model, kFlowModelFormatVersion, model.config().toJson(), path);
}

ModelConfig readFlowModelConfig(const std::filesystem::path& path) {
  ModelArchive opened;
  openModelArchive(path, opened);
  return storedFlowConfig(opened, path);
}

FlowModel loadFlowModel(const std::filesystem::path& path, at::Device device) {
  ModelArchive opened;
  openModelArchive(path, opened);
  const ModelConfig config = storedFlowConfig(opened, path);
  FlowModel model;
  try {
    model = createFlowModel(config, at::Device(at::kCPU));
  } catch (const ConfigError& e) {
    throw FileError(path.string(), std::string("bad model config: ") + e.what());
  }
  loadModuleState(*model, opened, path);
  model->to(device);
  return model;
}

void loadFlowModelWeights(FlowModelImpl& model, const std::filesystem::path& path) {
  ModelArchive opened;
  openModelArchive(path, opened);
  const ModelConfig config = storedFlowConfig(opened, path);
  ModelConfig stored = config;
  stored.seed = model.config().seed;
  if (!(stored == model.config()))
    throw FileError(path.string(), "the file holds a " + describe(config) +
                                       " model, not the expected " + describe(model.config()));
  // Load into a fresh CPU copy first so a bad file never leaves `model` half overwritten.
  FlowModel staging = createFlowModel(model.config(), at::Device(at::kCPU));
  loadModuleState(*staging, opened, path);
  at::NoGradGuard noGrad;
  auto targetParams = model.named_parameters();
  for (const auto& p : staging->named_parameters()) targetParams[p.key()].copy_(p.value());
  auto targetBuffers = model.named_buffers();
  for (const auto& b : staging->named_buffers()) targetBuffers[b.key()].copy_(b.value());
}

}  // namespace glowscope
