#include "core/flows/model_archive.h"

#include <torch/serialize/output-archive.h>

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "core/util/atomic_file.h"
#include "core/util/errors.h"

namespace glowscope {
namespace {

// One pair of keys for every family, so one reader tells the families apart.
constexpr const char* kVersionKey = "glowscope_format_version";
constexpr const char* kConfigKey = "glowscope_model_config";

using StateShapes = std::map<std::string, std::vector<std::int64_t>>;

// Shape and dtype of every parameter and buffer, by name.
StateShapes stateShapes(torch::nn::Module& module) {
  StateShapes shapes;
  auto describe = [](const at::Tensor& t) {
    std::vector<std::int64_t> shape = t.sizes().vec();
    shape.push_back(static_cast<std::int64_t>(t.scalar_type()));
    return shape;
  };
  for (const auto& p : module.named_parameters()) shapes[p.key()] = describe(p.value());
  for (const auto& b : module.named_buffers()) shapes["buffer:" + b.key()] = describe(b.value());
  return shapes;
}

}  // namespace

void openModelArchive(const std::filesystem::path& path, ModelArchive& opened) {
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
  opened.formatVersion = version.toInt();
  if (!opened.archive.try_read(kConfigKey, configText) || !configText.isString())
    throw FileError(path.string(), "the model file holds no model config");
  try {
    opened.config = nlohmann::json::parse(configText.toStringRef());
  } catch (const std::exception& e) {
    throw FileError(path.string(), std::string("bad model config: ") + e.what());
  }
}

void writeModelArchive(torch::nn::Module& module, std::int64_t formatVersion,
                       const nlohmann::json& config, const std::filesystem::path& path) {
  torch::serialize::OutputArchive archive;
  module.save(archive);
  archive.write(kVersionKey, c10::IValue(formatVersion));
  archive.write(kConfigKey, c10::IValue(config.dump()));
  writeFileAtomically(path, [&](std::ostream& out) { archive.save_to(out); });
}

void loadModuleState(torch::nn::Module& module, ModelArchive& opened,
                     const std::filesystem::path& path) {
  // Module::load replaces tensors without checking shapes, so compare before and after.
  const StateShapes expected = stateShapes(module);
  try {
    module.load(opened.archive);
  } catch (const std::exception&) {
    throw FileError(path.string(), "the model file lacks weights this architecture needs");
  }
  if (stateShapes(module) != expected)
    throw FileError(path.string(), "the model file's weights do not match its architecture");
}

}  // namespace glowscope
