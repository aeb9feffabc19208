#include "core/experiments/experiment_spec.h"

#include <algorithm>
#include <set>

#include "core/util/errors.h"
#include "core/util/json_reader.h"

namespace glowscope {
namespace {

std::string modeName(PreprocessMode mode) {
  return mode == PreprocessMode::TrainingNoise ? "noise" : "paper";
}

PreprocessMode modeFromName(const std::string& name) {
  if (name == "paper") return PreprocessMode::PaperEvaluation;
  if (name == "noise") return PreprocessMode::TrainingNoise;
  throw ConfigError("evaluationMode", "must be \"paper\" (+1/512) or \"noise\" (U[0,1/256))");
}

ExperimentModel modelFromJson(const nlohmann::json& json, const std::string& context) {
  JsonObjectReader reader(json, context);
  ExperimentModel model;
  reader.read("id", model.id);
  reader.read("label", model.label);
  reader.read("modelFile", model.modelFile);
  reader.readObject("training", model.training);
  reader.read("sharedAcrossSeeds", model.sharedAcrossSeeds);
  reader.finish();
  if (model.id.empty()) throw ConfigError(context + ".id", "is required");
  if (model.label.empty()) model.label = model.id;
  if (model.modelFile.empty() == model.training.is_null())
    throw ConfigError(context, "needs exactly one of \"modelFile\" and \"training\"");
  return model;
}

void checkReferences(const ExperimentSpec& spec) {
  std::set<std::string> known;
  for (std::size_t i = 0; i < spec.models.size(); ++i) {
    const ExperimentModel& model = spec.models[i];
    const std::string context = "models[" + std::to_string(i) + "]";
    if (!known.insert(model.id).second) throw ConfigError(context + ".id", "duplicate id");
    for (const char* key : ExperimentModel::kReferenceKeys) {
      const std::string id = model.reference(key);
      if (!id.empty() && !known.count(id))
        throw ConfigError(context + ".training." + key,
                          "refers to '@" + id + "', which is not an earlier model");
    }
  }
  for (std::size_t i = 0; i < spec.scores.size(); ++i) {
    const ScoreDefinition& score = spec.scores[i];
    const std::string context = "scores[" + std::to_string(i) + "]";
    if (!score.model.empty() && !known.count(score.model))
      throw ConfigError(context + ".model", "unknown model '" + score.model + "'");
    if (!score.general.empty() && !known.count(score.general))
      throw ConfigError(context + ".general", "unknown model '" + score.general + "'");
  }
}

void readSpecFields(JsonObjectReader& reader, ExperimentSpec& spec) {
  reader.read("name", spec.name);
  reader.read("inDistribution", spec.inDistribution);
  reader.read("oodSets", spec.oodSets);
  reader.read("notOodSets", spec.notOodSets);
  reader.read("imagesPerSet", spec.imagesPerSet);
  std::string mode = modeName(spec.evaluationMode);
  reader.read("evaluationMode", mode);
  spec.evaluationMode = modeFromName(mode);
  reader.read("evaluationBatchSize", spec.evaluationBatchSize);
  reader.read("seeds", spec.seeds);
  reader.read("bootstrapIntervals", spec.bootstrapIntervals);
  reader.read("bootstrapResamples", spec.bootstrapResamples);
  reader.forEach("models", [&spec](const nlohmann::json& item, const std::string& path) {
    spec.models.push_back(modelFromJson(item, path));
  });
  reader.forEach("scores", [&spec](const nlohmann::json& item, const std::string& path) {
    spec.scores.push_back(ScoreDefinition::fromJson(item, path));
  });
}

}  // namespace

std::string ExperimentModel::reference(const char* key) const {
  if (!training.is_object() || !training.contains(key)) return {};
  const nlohmann::json& value = training[key];
  if (!value.is_string()) return {};
  const std::string text = value.get<std::string>();
  return text.starts_with("@") ? text.substr(1) : std::string();
}

std::vector<std::string> ExperimentModel::references() const {
  std::vector<std::string> ids;
  for (const char* key : kReferenceKeys)
    if (std::string id = reference(key); !id.empty()) ids.push_back(std::move(id));
  return ids;
}

ExperimentSpec ExperimentSpec::fromJson(const nlohmann::json& json) {
  if (!json.is_object()) throw ConfigError("(experiment)", "must be a JSON object");
  ExperimentSpec spec;
  spec.seeds.clear();
  JsonObjectReader reader(json, "");
  readSpecFields(reader, spec);
  reader.finish();
  if (spec.seeds.empty()) spec.seeds.push_back(0);
  if (spec.inDistribution.empty()) throw ConfigError("inDistribution", "is required");
  if (spec.oodSets.empty()) throw ConfigError("oodSets", "needs at least one set");
  if (spec.scores.empty()) throw ConfigError("scores", "needs at least one score");
  for (const auto& [set, note] : spec.notOodSets) {
    if (std::find(spec.oodSets.begin(), spec.oodSets.end(), set) == spec.oodSets.end())
      throw ConfigError("notOodSets." + set, "is not one of oodSets");
    if (note.empty()) throw ConfigError("notOodSets." + set, "needs a note for its table row");
  }
  if (spec.imagesPerSet < 0) throw ConfigError("imagesPerSet", "must be >= 0");
  if (spec.evaluationBatchSize <= 0) throw ConfigError("evaluationBatchSize", "must be positive");
  checkReferences(spec);
  return spec;
}

ExperimentSpec ExperimentSpec::fromFile(const std::filesystem::path& path) {
  return fromJson(readJsonFile(path));
}

nlohmann::json ExperimentSpec::toJson() const {
  nlohmann::json json = {{"name", name},
                         {"inDistribution", inDistribution},
                         {"oodSets", oodSets},
                         {"notOodSets", notOodSets},
                         {"imagesPerSet", imagesPerSet},
                         {"evaluationMode", modeName(evaluationMode)},
                         {"evaluationBatchSize", evaluationBatchSize},
                         {"seeds", seeds},
                         {"bootstrapIntervals", bootstrapIntervals},
                         {"bootstrapResamples", bootstrapResamples}};
  json["models"] = nlohmann::json::array();
  for (const ExperimentModel& model : models) {
    nlohmann::json entry = {
        {"id", model.id}, {"label", model.label}, {"sharedAcrossSeeds", model.sharedAcrossSeeds}};
    if (!model.modelFile.empty())
      entry["modelFile"] = model.modelFile.string();
    else
      entry["training"] = model.training;
    json["models"].push_back(entry);
  }
  json["scores"] = nlohmann::json::array();
  for (const ScoreDefinition& score : scores) json["scores"].push_back(score.toJson());
  return json;
}

const ExperimentModel& ExperimentSpec::model(const std::string& id) const {
  for (const ExperimentModel& entry : models)
    if (entry.id == id) return entry;
  throw ConfigError("models", "no model with id '" + id + "'");
}

}  // namespace glowscope
