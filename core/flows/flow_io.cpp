// Model files: one torch archive (zip) holding the module state (parameters, buffers including
// the ActNorm-initialised flags) plus two entries written by us: the format version and the
// ModelConfig JSON, so that a file alone rebuilds its model.
#include <torch/serialize/input-archive.h>
#include <torch/serialize/output-archive.h>

#include <ATen/core/grad_mode.h>

#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/flows/flow_model.h"
#include "core/util/atomic_file.h"
#include "core/util/errors.h"

namespace glowscope {
namespace {

constexpr const char* kVersionKey = "glowscope_format_version";
constexpr const char* kConfigKey = "glowscope_model_config";

struct OpenedFile {
  torch::serialize::InputArchive archive;
  ModelConfig config;
};

void openModelFile(const std::filesystem::path& path, OpenedFile& opened) {
  const std::string bytes = readWholeFile(path);
  if (bytes.empty()) throw FileError(path.string(), "the file is empty");
  try {
    std::istringstream stream(bytes);
    opened.archive.load_from(stream, at::Device(at::kCPU));
  } catch (const std::exception&) {
    throw FileError(path.string(), "not a Glowscope model file (unreadable or truncated archive)");
  }
  c10::IValue version, configText;
  if (!opened.archive.try_read(kVersionKey, version) || !version.isInt())
    throw FileError(path.string(), "not a Glowscope model file (no format version)");
  if (version.toInt() != kFlowModelFormatVersion)
    throw FileError(path.string(), "unsupported model format version " +
                                       std::to_string(version.toInt()) + " (this build reads " +
                                       std::to_string(kFlowModelFormatVersion) + ")");
  if (!opened.archive.try_read(kConfigKey, configText) || !configText.isString())
    throw FileError(path.string(), "the model file holds no model config");
  try {
    opened.config = ModelConfig::fromJson(nlohmann::json::parse(configText.toStringRef()));
  } catch (const std::exception& e) {
    throw FileError(path.string(), std::string("bad model config: ") + e.what());
  }
}

// Shape and dtype of every parameter and buffer, by name.
std::map<std::string, std::vector<std::int64_t>> stateShapes(FlowModelImpl& model) {
  std::map<std::string, std::vector<std::int64_t>> shapes;
  auto describeTensor = [](const at::Tensor& t) {
    std::vector<std::int64_t> shape = t.sizes().vec();
    shape.push_back(static_cast<std::int64_t>(t.scalar_type()));
    return shape;
  };
  for (const auto& p : model.named_parameters()) shapes[p.key()] = describeTensor(p.value());
  for (const auto& b : model.named_buffers())
    shapes["buffer:" + b.key()] = describeTensor(b.value());
  return shapes;
}

// Module::load replaces tensors without checking shapes, so compare before and after.
void loadState(FlowModelImpl& model, torch::serialize::InputArchive& archive,
               const std::filesystem::path& path) {
  const auto expected = stateShapes(model);
  try {
    model.load(archive);
  } catch (const std::exception&) {
    throw FileError(path.string(), "the model file lacks weights this architecture needs");
  }
  if (stateShapes(model) != expected)
    throw FileError(path.string(), "the model file's weights do not match its architecture");
}

std::string describe(const ModelConfig& c) {
  return flowTypeName(c.type) + " " + std::to_string(c.channels) + "x" + std::to_string(c.height) +
         "x" + std::to_string(c.width) + " L=" + std::to_string(c.numScales) +
         " K=" + std::to_string(c.stepsPerScale) + " hidden=" + std::to_string(c.hiddenChannels) +
         " classes=" + std::to_string(c.numClasses);
}

}  // namespace

void saveFlowModel(FlowModelImpl& model, const std::filesystem::path& path) {
  torch::serialize::OutputArchive archive;
  model.save(archive);
  archive.write(kVersionKey, c10::IValue(kFlowModelFormatVersion));
  archive.write(kConfigKey, c10::IValue(model.config().toJson().dump()));
  writeFileAtomically(path, [&](std::ostream& out) { archive.save_to(out); });
}

ModelConfig readFlowModelConfig(const std::filesystem::path& path) {
  OpenedFile opened;
  openModelFile(path, opened);
  return opened.config;
}

FlowModel loadFlowModel(const std::filesystem::path& path, at::Device device) {
  OpenedFile opened;
  openModelFile(path, opened);
  FlowModel model;
  try {
    model = createFlowModel(opened.config, at::Device(at::kCPU));
  } catch (const ConfigError& e) {
    throw FileError(path.string(), std::string("bad model config: ") + e.what());
  }
  loadState(*model, opened.archive, path);
  model->to(device);
  return model;
}

void loadFlowModelWeights(FlowModelImpl& model, const std::filesystem::path& path) {
  OpenedFile opened;
  openModelFile(path, opened);
  ModelConfig stored = opened.config;
  stored.seed = model.config().seed;
  if (!(stored == model.config()))
    throw FileError(path.string(), "the file holds a " + describe(opened.config) +
                                       " model, not the expected " + describe(model.config()));
  // Load into a fresh CPU copy first so a bad file never leaves `model` half overwritten.
  FlowModel staging = createFlowModel(model.config(), at::Device(at::kCPU));
  loadState(*staging, opened.archive, path);
  at::NoGradGuard noGrad;
  auto targetParams = model.named_parameters();
  for (const auto& p : staging->named_parameters()) targetParams[p.key()].copy_(p.value());
  auto targetBuffers = model.named_buffers();
  for (const auto& b : staging->named_buffers()) targetBuffers[b.key()].copy_(b.value());
}

}  // namespace glowscope
