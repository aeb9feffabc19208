#pragma once
// What the workbench does to a project's files on disk besides the project file itself: Save As
// (a self-contained copy of the project in a new folder) and deleting one run's folder. Both
// refuse anything that could touch files outside the folders they are given.
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/project/project_file.h"

namespace glowscope {

/// True when `path` lies strictly inside `folder` (not the folder itself), after both are made
/// absolute and their symbolic links resolved: a link that leads out of the folder is outside.
bool isStrictlyInside(const std::filesystem::path& path, const std::filesystem::path& folder);

/// Throws FileError when `targetFolder` cannot take a copy of the project in `sourceFolder`:
/// it is a file, a folder that is not empty, the project folder itself or a folder inside it.
void checkSaveAsTarget(const std::filesystem::path& sourceFolder,
                       const std::filesystem::path& targetFolder);

struct SaveAsOptions {
  std::string newName;  ///< the copy's project name; empty keeps the project's
  const std::atomic<bool>* cancelRequested = nullptr;  ///< checked between files
  /// Called after each file with the bytes copied so far and the bytes to copy in all.
  std::function<void(std::uintmax_t copiedBytes, std::uintmax_t totalBytes)> onProgress;
};

/// Save As: copies `project` (whose folder is `sourceFolder`) into the new folder
/// `targetFolder` so that the copy is self-contained, and returns the copy's record.
/// - Each run folder (its resolved outputDir: checkpoints, metrics.jsonl, config.json) that lies
///   inside `sourceFolder` is copied to <target>/runs/<run name>, the copy's outputDir;
///   a run folder elsewhere is not copied and the copy refers to it by its absolute path.
/// - Model files, experiment specs and results folders inside `sourceFolder` are copied to the
///   same relative place (a model inside a copied run folder follows its run); ones elsewhere
///   stay where they are, referred to absolutely. Nothing else in the folder is copied.
/// - Everything is written to a temporary sibling folder, which is renamed to `targetFolder`
///   only when complete: a failure (or a cancel: CancelledError) removes it and leaves the
///   source and the target as they were. `sourceFolder` is only read.
/// Throws FileError for a refused target (checkSaveAsTarget) or a failed copy.
Project saveProjectAs(const Project& project, const std::filesystem::path& sourceFolder,
                      const std::filesystem::path& targetFolder, const SaveAsOptions& options = {});

/// Deletes a run's folder with everything in it. Refuses (FileError, nothing deleted) a folder
/// that is not strictly inside `containingFolder` (the project or workspace folder: "..", an
/// absolute path elsewhere or a link leading out), and one that holds a project file or any of
/// `otherRunFolders` (a shared outputDir). A folder that does not exist is not an error.
void deleteRunFolder(const std::filesystem::path& runFolder,
                     const std::filesystem::path& containingFolder,
                     const std::vector<std::filesystem::path>& otherRunFolders = {});

/// The folder a run of `project` writes to (its outputDir resolved against `projectFolder`).
std::filesystem::path runFolderOf(const ProjectRun& run,
                                  const std::filesystem::path& projectFolder);

/// Deletes run `runName`'s folder (deleteRunFolder inside `projectFolder`, other runs' folders
/// protected) and takes the run and the models it produced out of `project`. The caller saves
/// the project. Throws ConfigError for an unknown run and FileError as deleteRunFolder.
void deleteProjectRun(Project& project, const std::filesystem::path& projectFolder,
                      const std::string& runName);

}  // namespace glowscope
