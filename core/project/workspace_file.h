#pragma once
// The workspace: where runs go without an open project, a folder of run folders
// (<workspace>/<run name>). What the workbench keeps about it beside the runs is one small JSON
// file, glowscope-workspace.json: the runs the user removed from the list (their files stay).
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace glowscope {

inline constexpr int kWorkspaceFormatVersion = 1;
inline constexpr const char* kWorkspaceFileName = "glowscope-workspace.json";

struct WorkspaceState {
  std::vector<std::string> hiddenRuns;  ///< run folder names, each once

  bool isHidden(const std::string& runName) const;
  void hide(const std::string& runName);
  void unhide(const std::string& runName);

  nlohmann::json toJson() const;
  /// Throws ConfigError naming the field for a wrong type or an unknown field.
  static WorkspaceState fromJson(const nlohmann::json& json);
};

/// <folder>/glowscope-workspace.json; an empty state when the file does not exist. Throws
/// FileError (naming the file) when it is unreadable, not JSON, of a newer format or invalid.
WorkspaceState loadWorkspaceState(const std::filesystem::path& folder);

/// Writes the file atomically, creating the folder if needed. Throws FileError.
void saveWorkspaceState(const WorkspaceState& state, const std::filesystem::path& folder);

}  // namespace glowscope
