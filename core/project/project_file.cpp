#include "core/project/project_file.h"

#include <cctype>
#include <chrono>
#include <ctime>
#include <set>

#include "core/util/atomic_file.h"
#include "core/util/errors.h"
#include "core/util/json_reader.h"

namespace glowscope {
namespace {

using nlohmann::json;

ProjectRun runFromJson(const json& object, const std::string& field) {
  JsonObjectReader reader(object, field);
  ProjectRun run;
  reader.require("name", run.name);
  validateRunName(run.name);
  if (!object.contains("config")) throw ConfigError(reader.path("config"), "is required");
  reader.readObject("config", run.config);
  reader.read("status", run.status);
  static const std::set<std::string> kStatuses{"new",       "running",  "paused",
                                               "cancelled", "finished", "failed"};
  if (run.status.empty()) run.status = "new";
  if (!kStatuses.contains(run.status)) throw ConfigError(reader.path("status"), "unknown status");
  reader.read("created", run.created);
  reader.read("note", run.note);
  reader.read("steps", run.steps);
  reader.read("testBitsPerDim", run.testBitsPerDim);
  reader.read("hidden", run.hidden);
  reader.finish();
  return run;
}

ProjectModel modelFromJson(const json& object, const std::string& field) {
  JsonObjectReader reader(object, field);
  ProjectModel model;
  reader.require("name", model.name);
  reader.require("file", model.file);
  reader.read("run", model.run);
  reader.read("role", model.role);
  reader.finish();
  return model;
}

ProjectExperiment experimentFromJson(const json& object, const std::string& field) {
  JsonObjectReader reader(object, field);
  ProjectExperiment experiment;
  reader.require("name", experiment.name);
  reader.read("spec", experiment.spec);
  reader.read("resultsDir", experiment.resultsDir);
  reader.finish();
  return experiment;
}

}  // namespace

json Project::toJson() const {
  json runsJson = json::array();
  for (const ProjectRun& run : runs) {
    runsJson.push_back({{"name", run.name},
                        {"config", run.config},
                        {"status", run.status},
                        {"created", run.created},
                        {"steps", run.steps},
                        {"testBitsPerDim", run.testBitsPerDim},
                        {"note", run.note}});
    if (run.hidden) runsJson.back()["hidden"] = true;  // other runs are written as before
  }
  json modelsJson = json::array();
  for (const ProjectModel& model : models)
    modelsJson.push_back({{"name", model.name},
                          {"file", model.file.generic_string()},
                          {"run", model.run},
                          {"role", model.role}});
  json experimentsJson = json::array();
  for (const ProjectExperiment& experiment : experiments)
    experimentsJson.push_back({{"name", experiment.name},
                               {"spec", experiment.spec.generic_string()},
                               {"resultsDir", experiment.resultsDir.generic_string()}});
  return {{"format", "glowscope-project"},
          {"version", kProjectFormatVersion},
          {"name", name},
          {"datasets", datasets},
          {"runs", runsJson},
          {"models", modelsJson},
          {"experiments", experimentsJson}};
}

Project Project::fromJson(const json& document) {
  if (!document.is_object()) throw ConfigError("project", "must be a JSON object");
  JsonObjectReader reader(document, "");
  Project project;
  std::string format;
  int version = 0;
  reader.read("format", format);
  reader.read("version", version);  // checked by loadProject before the fields are read
  reader.require("name", project.name);
  reader.read("datasets", project.datasets);
  reader.forEach("runs", [&](const json& item, const std::string& path) {
    project.runs.push_back(runFromJson(item, path));
  });
  reader.forEach("models", [&](const json& item, const std::string& path) {
    project.models.push_back(modelFromJson(item, path));
  });
  reader.forEach("experiments", [&](const json& item, const std::string& path) {
    project.experiments.push_back(experimentFromJson(item, path));
  });
  reader.finish();
  std::set<std::string> runNames;
  for (const ProjectRun& run : project.runs)
    if (!runNames.insert(run.name).second) throw ConfigError("runs", "duplicate run " + run.name);
  return project;
}

const ProjectRun* Project::findRun(const std::string& runName) const {
  for (const ProjectRun& run : runs)
    if (run.name == runName) return &run;
  return nullptr;
}

void Project::upsertRun(const ProjectRun& run) {
  for (ProjectRun& existing : runs)
    if (existing.name == run.name) {
      existing = run;
      return;
    }
  runs.push_back(run);
}

bool Project::addDataset(const std::string& spec) {
  for (const std::string& existing : datasets)
    if (existing == spec) return false;
  datasets.push_back(spec);
  return true;
}

std::filesystem::path projectFilePath(const std::filesystem::path& folderOrFile) {
  if (folderOrFile.extension() == ".json") return folderOrFile;
  return folderOrFile / kProjectFileName;
}

Project loadProject(const std::filesystem::path& folderOrFile) {
  const std::filesystem::path file = projectFilePath(folderOrFile);
  const json parsed = readJsonFile(file);
  if (!parsed.is_object() || parsed.value("format", "") != "glowscope-project")
    throw FileError(file.string(), "is not a Glowscope project file");
  if (!parsed.contains("version") || !parsed.at("version").is_number_integer())
    throw FileError(file.string(), "has no format version");
  const int version = parsed.at("version").get<int>();
  if (version > kProjectFormatVersion)
    throw FileError(file.string(), "was written by a newer Glowscope (project format " +
                                       std::to_string(version) + ", this version reads up to " +
                                       std::to_string(kProjectFormatVersion) + ")");
  if (version < 1) throw FileError(file.string(), "has an invalid format version");
  try {
    return Project::fromJson(parsed);
  } catch (const ConfigError& error) {
    throw FileError(file.string(), std::string("is invalid: ") + error.what());
  }
}

void saveProject(const Project& project, const std::filesystem::path& folderOrFile) {
  const std::filesystem::path file = projectFilePath(folderOrFile);
  std::error_code ignored;
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ignored);
  writeFileAtomically(file, project.toJson().dump(2) + "\n");
}

std::filesystem::path runOutputDir(const std::filesystem::path& projectFolder,
                                   const std::string& runName) {
  return projectFolder / "runs" / runName;
}

std::filesystem::path projectFolderOf(const std::filesystem::path& folderOrFile) {
  return folderOrFile.extension() == ".json" ? folderOrFile.parent_path() : folderOrFile;
}

json runTrainingConfig(const Project& project, const std::filesystem::path& projectFolder,
                       const std::string& runName) {
  const ProjectRun* run = project.findRun(runName);
  if (!run) throw ConfigError("run", "the project has no run named '" + runName + "'");
  json config = run->config;
  std::filesystem::path outputDir = config.value("outputDir", std::string());
  if (outputDir.empty()) outputDir = runOutputDir(".", runName);
  if (outputDir.is_relative()) outputDir = projectFolder / outputDir;
  config["outputDir"] = outputDir.lexically_normal().string();
  return config;
}

void validateRunName(const std::string& runName) {
  if (runName.empty()) throw ConfigError("run", "the run name is empty");
  if (runName.size() > 80) throw ConfigError("run", "the run name is longer than 80 characters");
  if (runName == "." || runName == "..") throw ConfigError("run", "the run name is not a name");
  for (const char c : runName) {
    const bool allowed =
        std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == ' ';
    if (!allowed)
      throw ConfigError("run", "the run name may only hold letters, digits, space, '-', '_', '.'");
  }
}

std::string utcTimestamp() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

}  // namespace glowscope
