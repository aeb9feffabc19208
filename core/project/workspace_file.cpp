#include "core/project/workspace_file.h"

#include <algorithm>
#include <system_error>

#include "core/util/atomic_file.h"
#include "core/util/errors.h"
#include "core/util/json_reader.h"

namespace glowscope {

bool WorkspaceState::isHidden(const std::string& runName) const {
  return std::find(hiddenRuns.begin(), hiddenRuns.end(), runName) != hiddenRuns.end();
}

void WorkspaceState::hide(const std::string& runName) {
  if (!isHidden(runName)) hiddenRuns.push_back(runName);
}

void WorkspaceState::unhide(const std::string& runName) { std::erase(hiddenRuns, runName); }

nlohmann::json WorkspaceState::toJson() const {
  return {{"format", "glowscope-workspace"},
          {"version", kWorkspaceFormatVersion},
          {"hiddenRuns", hiddenRuns}};
}

WorkspaceState WorkspaceState::fromJson(const nlohmann::json& json) {
  if (!json.is_object()) throw ConfigError("workspace", "must be a JSON object");
  JsonObjectReader reader(json, "");
  WorkspaceState state;
  std::string format;
  int version = 0;
  reader.read("format", format);
  reader.read("version", version);
  reader.read("hiddenRuns", state.hiddenRuns);
  reader.finish();
  std::vector<std::string> names;  // each once, in the order first written
  for (const std::string& name : state.hiddenRuns)
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  state.hiddenRuns = std::move(names);
  return state;
}

WorkspaceState loadWorkspaceState(const std::filesystem::path& folder) {
  const std::filesystem::path file = folder / kWorkspaceFileName;
  std::error_code error;
  if (!std::filesystem::exists(file, error)) return {};
  const nlohmann::json parsed = readJsonFile(file);
  if (!parsed.is_object() || parsed.value("format", "") != "glowscope-workspace")
    throw FileError(file.string(), "is not a Glowscope workspace file");
  if (parsed.value("version", 0) > kWorkspaceFormatVersion)
    throw FileError(file.string(), "was written by a newer Glowscope");
  try {
    return WorkspaceState::fromJson(parsed);
  } catch (const ConfigError& invalid) {
    throw FileError(file.string(), std::string("is invalid: ") + invalid.what());
  }
}

void saveWorkspaceState(const WorkspaceState& state, const std::filesystem::path& folder) {
  std::error_code ignored;
  std::filesystem::create_directories(folder, ignored);
  writeFileAtomically(folder / kWorkspaceFileName, state.toJson().dump(2) + "\n");
}

}  // namespace glowscope
