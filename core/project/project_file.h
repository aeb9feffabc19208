#pragma once
// A Glowscope project: a folder holding a versioned JSON project file (glowscope-project.json)
// that lists the datasets used, the training runs (with their full TrainingConfig JSON), the
// models they produced, experiments and their results. Paths inside the folder are stored
// relative to it so that a project can be moved or copied as a whole.
#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace glowscope {

inline constexpr int kProjectFormatVersion = 1;
inline constexpr const char* kProjectFileName = "glowscope-project.json";

/// One training run: the exact config the CLI takes (`glowscope-cli train --config`), where its
/// checkpoints go, and what it reached.
struct ProjectRun {
  std::string name;       ///< unique in the project; also the folder name under runs/
  nlohmann::json config;  ///< TrainingConfig::toJson()
  std::string status =
      "new";            ///< "new" | "running" | "paused" | "cancelled" | "finished" | "failed"
  std::string created;  ///< ISO-8601 UTC
  int64_t steps = 0;    ///< optimiser steps done
  double testBitsPerDim = 0;  ///< last evaluation; 0 = none yet
  std::string note;
  /// Removed from the workbench's run list by the user; its record and files stay. Written
  /// only when true.
  bool hidden = false;
};

/// A trained model file (model.glow or a checkpoint) known to the project.
struct ProjectModel {
  std::string name;
  std::filesystem::path file;  ///< relative to the project folder when inside it
  std::string run;             ///< the run that produced it, if any
  std::string role;            ///< "in-distribution" | "general" | free text
};

/// An experiment spec and the folder its results were written to.
struct ProjectExperiment {
  std::string name;
  std::filesystem::path spec;
  std::filesystem::path resultsDir;
};

struct Project {
  std::string name;
  std::vector<std::string> datasets;  ///< registry specs, e.g. "fashion-mnist:train", "folder:/x"
  std::vector<ProjectRun> runs;
  std::vector<ProjectModel> models;
  std::vector<ProjectExperiment> experiments;

  nlohmann::json toJson() const;
  /// Throws ConfigError naming the field for a wrong type, a missing name or a duplicate run,
  /// and FileError-free: version checks happen in load().
  static Project fromJson(const nlohmann::json& json);

  const ProjectRun* findRun(const std::string& runName) const;
  /// Replaces the run with the same name, or appends it.
  void upsertRun(const ProjectRun& run);
  /// Adds `spec` unless it is already listed. Returns true when it was added.
  bool addDataset(const std::string& spec);
};

/// `folder`/glowscope-project.json, or `path` itself when it names a .json file.
std::filesystem::path projectFilePath(const std::filesystem::path& folderOrFile);

/// Reads and validates a project. Throws FileError (naming the file) when it is missing,
/// unreadable, not JSON, written by a newer Glowscope (format version above
/// kProjectFormatVersion) or structurally invalid. Nothing is modified on failure.
Project loadProject(const std::filesystem::path& folderOrFile);

/// Writes the project file atomically (readers see the old or the new file, never a mix) and
/// creates the folder if needed.
void saveProject(const Project& project, const std::filesystem::path& folderOrFile);

/// Folder where a run's checkpoints live: <project folder>/runs/<run name>.
std::filesystem::path runOutputDir(const std::filesystem::path& projectFolder,
                                   const std::string& runName);

/// The folder of a project path: the path itself, or the folder of a .json project file.
std::filesystem::path projectFolderOf(const std::filesystem::path& folderOrFile);

/// The TrainingConfig JSON of run `runName`, with its relative (or missing) outputDir resolved
/// against `projectFolder`: what `glowscope-cli train --project P --run NAME` trains. Throws
/// ConfigError("run", ...) when the project has no such run.
nlohmann::json runTrainingConfig(const Project& project, const std::filesystem::path& projectFolder,
                                 const std::string& runName);

/// Throws ConfigError when `runName` is empty or is not usable as a folder name.
void validateRunName(const std::string& runName);

/// Current time as "YYYY-MM-DDTHH:MM:SSZ".
std::string utcTimestamp();

}  // namespace glowscope
