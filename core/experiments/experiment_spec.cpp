#include "core/experiments/experiment_spec.h"

#include <algorithm>
#include <set>

#include "core/util/atomic_file.h"
#include "core/util/errors.h"

namespace glowscope {
namespace {

template <typename T>
T fieldAs(const nlohmann::json& value, const std::string& field) {
  try {
    return value.get<T>();
  } catch (const nlohmann::json::exception&) {
    throw ConfigError(field, "wrong type");
  }
}

std::string modeName(PreprocessMode mode) {
  return mode == PreprocessMode::TrainingNoise ? "noise" : "paper";
}

PreprocessMode modeFromName(const std::string& name) {
  if (name == "paper") return PreprocessMode::PaperEvaluation;
  if (name == "noise") return PreprocessMode::TrainingNoise;
  throw ConfigError("evaluationMode", "must be \"paper\" (+1/512) or \"noise\" (U[0,1/256))");
}

ExperimentModel modelFromJson(const nlohmann::json& json, const std::string& context) {
  if (!json.is_object()) throw ConfigError(context, "must be an object");
  ExperimentModel model;
  for (const auto& [key, value] : json.items()) {
    const std::string field = context + "." + key;
    if (key == "id")
      model.id = fieldAs<std::string>(value, field);
    else if (key == "label")
      model.label = fieldAs<std::string>(value, field);
    else if (key == "modelFile")
      model.modelFile = fieldAs<std::string>(value, field);
    else if (key == "training") {
      if (!value.is_object()) throw ConfigError(field, "must be an object");
      model.training = value;
    } else if (key == "sharedAcrossSeeds")
      model.sharedAcrossSeeds = fieldAs<bool>(value, field);
    else
      throw ConfigError(field, "unknown field");
  }
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

void parseTopLevelField(ExperimentSpec& spec, const std::string& key, const nlohmann::json& value) {
  if (key == "name")
    spec.name = fieldAs<std::string>(value, key);
  else if (key == "inDistribution")
    spec.inDistribution = fieldAs<std::string>(value, key);
  else if (key == "oodSets")
    spec.oodSets = fieldAs<std::vector<std::string>>(value, key);
  else if (key == "notOodSets")
    spec.notOodSets = fieldAs<std::map<std::string, std::string>>(value, key);
  else if (key == "imagesPerSet")
    spec.imagesPerSet = fieldAs<std::int64_t>(value, key);
  else if (key == "evaluationMode")
    spec.evaluationMode = modeFromName(fieldAs<std::string>(value, key));
  else if (key == "evaluationBatchSize")
    spec.evaluationBatchSize = fieldAs<std::int64_t>(value, key);
  else if (key == "seeds")
    spec.seeds = fieldAs<std::vector<std::uint64_t>>(value, key);
  else if (key == "bootstrapIntervals")
    spec.bootstrapIntervals = fieldAs<bool>(value, key);
  else if (key == "bootstrapResamples")
    spec.bootstrapResamples = fieldAs<std::int64_t>(value, key);
  else if (key == "models") {
    if (!value.is_array()) throw ConfigError(key, "must be an array");
    for (std::size_t i = 0; i < value.size(); ++i)
      spec.models.push_back(modelFromJson(value[i], "models[" + std::to_string(i) + "]"));
  } else if (key == "scores") {
    if (!value.is_array()) throw ConfigError(key, "must be an array");
    for (std::size_t i = 0; i < value.size(); ++i)
      spec.scores.push_back(
          ScoreDefinition::fromJson(value[i], "scores[" + std::to_string(i) + "]"));
  } else {
    throw ConfigError(key, "unknown field");
  }
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
  for (const auto& [key, value] : json.items()) parseTopLevelField(spec, key, value);
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
  const std::string text = readWholeFile(path);
  nlohmann::json json;
  try {
    json = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& error) {
    throw FileError(path.string(), std::string("not valid JSON: ") + error.what());
  }
  return fromJson(json);
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
