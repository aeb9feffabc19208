#include "core/project/project_file.h"

#include <cctype>
#include <chrono>
#include <ctime>
#include <set>

#include "core/util/atomic_file.h"
#include "core/util/errors.h"

namespace glowscope {
namespace {

using nlohmann::json;

const json& requireField(const json& object, const char* key, json::value_t type,
                         const std::string& field) {
  if (!object.contains(key)) throw ConfigError(field, "is missing");
  const json& value = object.at(key);
  const bool numberWanted = type == json::value_t::number_float;
  if (numberWanted ? !value.is_number() : value.type() != type)
    throw ConfigError(field, std::string("has the wrong type (") + value.type_name() + ")");
  return value;
}

std::string optionalString(const json& object, const char* key, const std::string& field) {
  if (!object.contains(key)) return {};
  if (!object.at(key).is_string()) throw ConfigError(field, "must be a string");
  return object.at(key).get<std::string>();
}

void rejectUnknownKeys(const json& object, const std::set<std::string>& known,
                       const std::string& prefix) {
  for (const auto& [key, value] : object.items())
    if (!known.contains(key)) throw ConfigError(prefix + key, "is not a known field");
}

ProjectRun runFromJson(const json& object, const std::string& field) {
  if (!object.is_object()) throw ConfigError(field, "must be an object");
  rejectUnknownKeys(object,
                    {"name", "config", "status", "created", "steps", "testBitsPerDim", "note"},
                    field + ".");
  ProjectRun run;
  run.name =
      requireField(object, "name", json::value_t::string, field + ".name").get<std::string>();
  validateRunName(run.name);
  run.config = requireField(object, "config", json::value_t::object, field + ".config");
  run.status = optionalString(object, "status", field + ".status");
  static const std::set<std::string> kStatuses{"new",       "running",  "paused",
                                               "cancelled", "finished", "failed"};
  if (run.status.empty()) run.status = "new";
  if (!kStatuses.contains(run.status)) throw ConfigError(field + ".status", "unknown status");
  run.created = optionalString(object, "created", field + ".created");
  run.note = optionalString(object, "note", field + ".note");
  if (object.contains("steps")) {
    if (!object.at("steps").is_number_integer())
      throw ConfigError(field + ".steps", "not an integer");
    run.steps = object.at("steps").get<int64_t>();
  }
  if (object.contains("testBitsPerDim")) {
    if (!object.at("testBitsPerDim").is_number())
      throw ConfigError(field + ".testBitsPerDim", "not a number");
    run.testBitsPerDim = object.at("testBitsPerDim").get<double>();
  }
  return run;
}

ProjectModel modelFromJson(const json& object, const std::string& field) {
  if (!object.is_object()) throw ConfigError(field, "must be an object");
  rejectUnknownKeys(object, {"name", "file", "run", "role"}, field + ".");
  ProjectModel model;
  model.name =
      requireField(object, "name", json::value_t::string, field + ".name").get<std::string>();
  model.file =
      requireField(object, "file", json::value_t::string, field + ".file").get<std::string>();
  model.run = optionalString(object, "run", field + ".run");
  model.role = optionalString(object, "role", field + ".role");
  return model;
}

ProjectExperiment experimentFromJson(const json& object, const std::string& field) {
  if (!object.is_object()) throw ConfigError(field, "must be an object");
  rejectUnknownKeys(object, {"name", "spec", "resultsDir"}, field + ".");
  ProjectExperiment experiment;
  experiment.name =
      requireField(object, "name", json::value_t::string, field + ".name").get<std::string>();
  experiment.spec = optionalString(object, "spec", field + ".spec");
  experiment.resultsDir = optionalString(object, "resultsDir", field + ".resultsDir");
  return experiment;
}

template <typename T, typename Parse>
std::vector<T> arrayFromJson(const json& object, const char* key, Parse parse) {
  std::vector<T> items;
  if (!object.contains(key)) return items;
  const json& array = object.at(key);
  if (!array.is_array()) throw ConfigError(key, "must be an array");
  for (size_t i = 0; i < array.size(); ++i)
    items.push_back(parse(array[i], std::string(key) + "[" + std::to_string(i) + "]"));
  return items;
}

}  // namespace

json Project::toJson() const {
  json runsJson = json::array();
  for (const ProjectRun& run : runs)
    runsJson.push_back({{"name", run.name},
                        {"config", run.config},
                        {"status", run.status},
                        {"created", run.created},
                        {"steps", run.steps},
                        {"testBitsPerDim", run.testBitsPerDim},
                        {"note", run.note}});
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
  rejectUnknownKeys(document,
                    {"format", "version", "name", "datasets", "runs", "models", "experiments"}, "");
  Project project;
  project.name = requireField(document, "name", json::value_t::string, "name").get<std::string>();
  if (document.contains("datasets")) {
    const auto& datasets = document.at("datasets");
    if (!datasets.is_array()) throw ConfigError("datasets", "must be an array");
    for (size_t i = 0; i < datasets.size(); ++i) {
      if (!datasets[i].is_string())
        throw ConfigError("datasets[" + std::to_string(i) + "]", "must be a string");
      project.datasets.push_back(datasets[i].get<std::string>());
    }
  }
  project.runs = arrayFromJson<ProjectRun>(document, "runs", runFromJson);
  project.models = arrayFromJson<ProjectModel>(document, "models", modelFromJson);
  project.experiments =
      arrayFromJson<ProjectExperiment>(document, "experiments", experimentFromJson);
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
  const std::string text = readWholeFile(file);
  json parsed;
  try {
    parsed = json::parse(text);
  } catch (const json::parse_error& error) {
    throw FileError(file.string(), std::string("is not valid JSON: ") + error.what());
  }
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
