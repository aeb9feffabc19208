#pragma once
// The container every Glowscope model file shares, whatever the family (docs/flows.md "Model
// files", docs/pixelcnn.md "Model files"): one torch zip archive with the module state plus the
// format version and the config JSON, whose "type" names the family. Flow files
// (flow_io.cpp) and PixelCNN++ files (core/models/pixelcnn_io.cpp) are both read and written here;
// each family checks its own version and config on top.
#include <torch/nn/module.h>
#include <torch/serialize/input-archive.h>

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>

namespace glowscope {

struct ModelArchive {
  torch::serialize::InputArchive archive;
  std::int64_t formatVersion = 0;
  nlohmann::json config;  ///< parsed, not yet validated
};

/// Opens a model file; throws FileError naming it when it is missing, empty, not a torch
/// archive, or lacks the version or a JSON config.
void openModelArchive(const std::filesystem::path& path, ModelArchive& opened);

/// Writes `module`'s state, `formatVersion` and `config` atomically (writeFileAtomically).
void writeModelArchive(torch::nn::Module& module, std::int64_t formatVersion,
                       const nlohmann::json& config, const std::filesystem::path& path);

/// Loads `opened`'s state into `module` (built from the stored config); throws FileError when
/// weights are missing or their shapes differ from the architecture's.
void loadModuleState(torch::nn::Module& module, ModelArchive& opened,
                     const std::filesystem::path& path);

}  // namespace glowscope
