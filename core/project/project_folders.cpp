#include "core/project/project_folders.h"

#include <algorithm>
#include <random>
#include <system_error>

#include "core/project/workspace_file.h"
#include "core/util/errors.h"
#include "core/util/log.h"

namespace glowscope {
namespace fs = std::filesystem;
namespace {

/// Absolute, with links resolved as far as the path exists, without a trailing separator.
fs::path resolved(const fs::path& path) {
  std::error_code error;
  fs::path result = fs::weakly_canonical(fs::absolute(path), error);
  if (error) result = fs::absolute(path).lexically_normal();
  if (!result.has_filename() && result.has_parent_path() && result != result.root_path())
    result = result.parent_path();
  return result;
}

bool sameFolder(const fs::path& a, const fs::path& b) { return resolved(a) == resolved(b); }

/// One thing to copy: a file or folder and where it goes, relative to the new project folder.
struct CopyItem {
  fs::path from;
  fs::path to;
};

struct CopyPlan {
  Project project;
  std::vector<CopyItem> items;
  std::vector<CopyItem> runFolders;  ///< where each copied run folder went
};

/// A model, spec or results path of the copy: inside a copied run folder it follows the run,
/// elsewhere inside the project it keeps its relative place (and is copied), outside it is
/// referred to absolutely.
fs::path relocate(const fs::path& recorded, const fs::path& sourceFolder, CopyPlan& plan) {
  if (recorded.empty()) return recorded;
  const fs::path path = resolved(recorded.is_absolute() ? recorded : sourceFolder / recorded);
  for (const CopyItem& run : plan.runFolders)
    if (isStrictlyInside(path, run.from))
      return run.to / path.lexically_relative(resolved(run.from));
  if (!isStrictlyInside(path, sourceFolder)) return path;
  const fs::path relative = path.lexically_relative(resolved(sourceFolder));
  const bool covered = std::any_of(plan.items.begin(), plan.items.end(), [&](const CopyItem& item) {
    return sameFolder(item.from, path) || isStrictlyInside(path, item.from);
  });
  std::error_code error;
  if (!covered && fs::exists(path, error)) plan.items.push_back({path, relative});
  return relative;
}

CopyPlan planCopy(const Project& project, const fs::path& sourceFolder) {
  CopyPlan plan{project, {}, {}};
  for (ProjectRun& run : plan.project.runs) {
    const fs::path from = resolved(runFolderOf(run, sourceFolder));
    if (!isStrictlyInside(from, sourceFolder)) {
      run.config["outputDir"] = from.string();  // not copied: the copy uses the original
      continue;
    }
    const fs::path to = fs::path("runs") / run.name;
    run.config["outputDir"] = to.generic_string();
    plan.runFolders.push_back({from, to});
    std::error_code error;
    if (fs::exists(from, error)) plan.items.push_back({from, to});
  }
  for (ProjectModel& model : plan.project.models)
    model.file = relocate(model.file, sourceFolder, plan);
  for (ProjectExperiment& experiment : plan.project.experiments) {
    experiment.spec = relocate(experiment.spec, sourceFolder, plan);
    experiment.resultsDir = relocate(experiment.resultsDir, sourceFolder, plan);
  }
  return plan;
}

std::uintmax_t bytesOf(const fs::path& path) {
  if (fs::is_regular_file(fs::symlink_status(path))) return fs::file_size(path);
  std::uintmax_t total = 0;
  if (fs::is_directory(fs::symlink_status(path)))
    for (const fs::directory_entry& entry : fs::recursive_directory_iterator(path))
      if (entry.is_regular_file() && !entry.is_symlink()) total += entry.file_size();
  return total;
}

class Copier {
 public:
  Copier(const SaveAsOptions& options, std::uintmax_t totalBytes)
      : options_(options), totalBytes_(totalBytes) {}

  void copy(const fs::path& from, const fs::path& to) {
    const fs::file_status status = fs::symlink_status(from);
    fs::create_directories(to.parent_path());
    if (fs::is_symlink(status)) {
      fs::copy_symlink(from, to);
    } else if (fs::is_directory(status)) {
      fs::create_directories(to);
      for (const fs::directory_entry& entry : fs::directory_iterator(from))
        copy(entry.path(), to / entry.path().filename());
    } else if (fs::is_regular_file(status)) {
      if (options_.cancelRequested && options_.cancelRequested->load()) throw CancelledError();
      fs::copy_file(from, to, fs::copy_options::overwrite_existing);
      copiedBytes_ += fs::file_size(to);
      if (options_.onProgress) options_.onProgress(copiedBytes_, totalBytes_);
    }  // sockets, pipes and devices are not a project's files
  }

 private:
  const SaveAsOptions& options_;
  std::uintmax_t totalBytes_;
  std::uintmax_t copiedBytes_ = 0;
};

/// A new hidden sibling of `target`: the copy grows there and appears under its name at once.
fs::path temporarySibling(const fs::path& target) {
  std::random_device random;
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::string name = ".";
    name += target.filename().string();
    name += ".saving-";
    name += std::to_string(random() % 1000000);
    const fs::path candidate = target.parent_path() / name;
    if (fs::create_directory(candidate)) return candidate;
  }
  throw FileError(target.string(), "no temporary folder could be made beside it");
}

}  // namespace

bool isStrictlyInside(const fs::path& path, const fs::path& folder) {
  const fs::path relative = resolved(path).lexically_relative(resolved(folder));
  return !relative.empty() && relative != "." && *relative.begin() != "..";
}

void checkSaveAsTarget(const fs::path& sourceFolder, const fs::path& targetFolder) {
  const fs::path target = resolved(targetFolder);
  if (sameFolder(target, sourceFolder) || isStrictlyInside(target, sourceFolder))
    throw FileError(target.string(), "lies inside the open project " +
                                         resolved(sourceFolder).string() +
                                         ": choose a folder outside it");
  std::error_code error;
  if (!fs::exists(target, error)) return;
  if (!fs::is_directory(target, error)) throw FileError(target.string(), "is a file, not a folder");
  if (!fs::is_empty(target, error) || error)
    throw FileError(target.string(), "is not empty: choose an empty or a new folder");
}

Project saveProjectAs(const Project& project, const fs::path& sourceFolder,
                      const fs::path& targetFolder, const SaveAsOptions& options) {
  checkSaveAsTarget(sourceFolder, targetFolder);
  const fs::path target = resolved(targetFolder);
  CopyPlan plan = planCopy(project, sourceFolder);
  if (!options.newName.empty()) plan.project.name = options.newName;
  fs::path temporary;
  try {
    fs::create_directories(target.parent_path());
    temporary = temporarySibling(target);
    std::uintmax_t totalBytes = 0;
    for (const CopyItem& item : plan.items) totalBytes += bytesOf(item.from);
    Copier copier(options, totalBytes);
    for (const CopyItem& item : plan.items) copier.copy(item.from, temporary / item.to);
    saveProject(plan.project, temporary);
    fs::rename(temporary, target);  // replaces the empty target folder, if there is one
  } catch (const std::exception& failure) {
    std::error_code ignored;
    if (!temporary.empty()) fs::remove_all(temporary, ignored);
    if (dynamic_cast<const Error*>(&failure)) throw;
    throw FileError(target.string(), std::string("could not be written: ") + failure.what());
  }
  logger()->info("project {} saved as {}", resolved(sourceFolder).string(), target.string());
  return plan.project;
}

void deleteRunFolder(const fs::path& runFolder, const fs::path& containingFolder,
                     const std::vector<fs::path>& otherRunFolders) {
  if (!isStrictlyInside(runFolder, containingFolder))
    throw FileError(runFolder.string(), "is not inside " + resolved(containingFolder).string() +
                                            ": nothing was deleted");
  const fs::path folder = resolved(runFolder);
  std::error_code error;
  if (!fs::exists(fs::symlink_status(runFolder, error))) return;
  if (fs::exists(folder / kProjectFileName, error) ||
      fs::exists(folder / kWorkspaceFileName, error))
    throw FileError(folder.string(), "holds a project: nothing was deleted");
  for (const fs::path& other : otherRunFolders)
    if (sameFolder(other, folder) || isStrictlyInside(other, folder))
      throw FileError(folder.string(), "also holds the run folder " + resolved(other).string() +
                                           ": nothing was deleted");
  fs::remove_all(fs::is_symlink(fs::symlink_status(runFolder)) ? runFolder : folder, error);
  if (error) throw FileError(folder.string(), "could not be deleted: " + error.message());
  logger()->info("deleted run folder {}", folder.string());
}

fs::path runFolderOf(const ProjectRun& run, const fs::path& projectFolder) {
  std::string outputDir;
  if (run.config.is_object() && run.config.contains("outputDir") &&
      run.config.at("outputDir").is_string())
    outputDir = run.config.at("outputDir").get<std::string>();
  fs::path folder = outputDir.empty() ? runOutputDir(".", run.name) : fs::path(outputDir);
  if (folder.is_relative()) folder = projectFolder / folder;
  return folder.lexically_normal();
}

void deleteProjectRun(Project& project, const fs::path& projectFolder, const std::string& runName) {
  const ProjectRun* run = project.findRun(runName);
  if (!run) throw ConfigError("run", "the project has no run named '" + runName + "'");
  const fs::path folder = runFolderOf(*run, projectFolder);
  std::vector<fs::path> others;
  for (const ProjectRun& other : project.runs)
    if (other.name != runName) others.push_back(runFolderOf(other, projectFolder));
  deleteRunFolder(folder, projectFolder, others);
  std::erase_if(project.runs, [&](const ProjectRun& r) { return r.name == runName; });
  std::erase_if(project.models, [&](const ProjectModel& model) {
    const fs::path file = model.file.is_absolute() ? model.file : projectFolder / model.file;
    return model.run == runName || isStrictlyInside(file, folder);
  });
}

}  // namespace glowscope
