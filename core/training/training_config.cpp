#include "core/training/training_config.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <set>
#include <sstream>

#include "core/runtime/device.h"
#include "core/util/atomic_file.h"
#include "core/util/errors.h"
#include "core/util/json_reader.h"

namespace glowscope {
namespace {

using Json = nlohmann::json;

std::string typeName(const Json& value) { return value.type_name(); }

using ObjectReader = JsonObjectReader;  // core/util/json_reader.h: the one strict reader

std::string trainedModelName(TrainedModel model) {
  return model == TrainedModel::General ? "general" : "in-distribution";
}

LossConfig lossesFromJson(const Json& json) {
  LossConfig losses;
  ObjectReader reader(json, "losses");
  reader.read("likelihood", losses.likelihood);
  reader.read("likelihoodWeight", losses.likelihoodWeight);
  reader.read("outlier", losses.outlier);
  reader.read("outlierWeight", losses.outlierWeight);
  reader.read("outlierTemperature", losses.outlierTemperature);
  reader.read("margin", losses.margin);
  reader.read("marginNats", losses.marginNats);
  reader.read("supervised", losses.supervised);
  std::string trained = trainedModelName(losses.trainedModel);
  reader.read("trainedModel", trained);
  if (trained == "general")
    losses.trainedModel = TrainedModel::General;
  else if (trained == "in-distribution")
    losses.trainedModel = TrainedModel::InDistribution;
  else
    throw ConfigError("losses.trainedModel",
                      "expected \"in-distribution\" or \"general\", got \"" + trained + "\"");
  reader.finish();
  return losses;
}

OptimizerConfig optimizerFromJson(const Json& json) {
  OptimizerConfig optimizer;
  ObjectReader reader(json, "optimizer");
  reader.read("type", optimizer.type);
  reader.read("learningRate", optimizer.learningRate);
  reader.read("weightDecay", optimizer.weightDecay);
  reader.read("beta1", optimizer.beta1);
  reader.read("beta2", optimizer.beta2);
  reader.read("eps", optimizer.eps);
  reader.read("warmupSteps", optimizer.warmupSteps);
  reader.read("gradientClipNorm", optimizer.gradientClipNorm);
  reader.read("schedule", optimizer.schedule);
  reader.read("finalLearningRateFactor", optimizer.finalLearningRateFactor);
  reader.read("averageDecay", optimizer.averageDecay);
  reader.finish();
  return optimizer;
}

AugmentationConfig augmentationFromJson(const Json& json, const std::string& prefix) {
  AugmentationConfig augmentation;
  ObjectReader reader(json, prefix);
  reader.read("maxTranslatePx", augmentation.maxTranslatePx);
  reader.read("horizontalFlip", augmentation.horizontalFlip);
  reader.finish();
  return augmentation;
}

GuardConfig guardFromJson(const Json& json) {
  GuardConfig guard;
  ObjectReader reader(json, "guard");
  reader.read("maxConsecutiveSkips", guard.maxConsecutiveSkips);
  reader.read("learningRateBackoff", guard.learningRateBackoff);
  reader.read("maxRollbacks", guard.maxRollbacks);
  reader.finish();
  return guard;
}

void readDataAndSchedule(ObjectReader& reader, TrainingConfig& config) {
  reader.read("trainSet", config.trainSet);
  reader.read("testSet", config.testSet);
  reader.read("oodSets", config.oodSets);
  reader.read("outlierSet", config.outlierSet);
  reader.read("trainLimit", config.trainLimit);
  reader.read("evalLimit", config.evalLimit);
  reader.read("maxTranslatePx", config.maxTranslatePx);
  reader.read("horizontalFlip", config.horizontalFlip);
  reader.read("steps", config.steps);
  reader.read("epochs", config.epochs);
  reader.read("batchSize", config.batchSize);
  reader.read("outlierBatchSize", config.outlierBatchSize);
  reader.read("actNormInitImages", config.actNormInitImages);
}

void readRunFields(ObjectReader& reader, TrainingConfig& config) {
  reader.read("seed", config.seed);
  reader.read("dataSeed", config.dataSeed);
  reader.read("threads", config.threads);
  reader.read("processes", config.processes);
  reader.read("device", config.device);
  reader.read("outputDir", config.outputDir);
  reader.read("checkpointEverySteps", config.checkpointEverySteps);
  reader.read("keepLastCheckpoints", config.keepLastCheckpoints);
  reader.read("evalEverySteps", config.evalEverySteps);
  reader.read("logEverySteps", config.logEverySteps);
  reader.read("resume", config.resume);
}

void requirePositive(int64_t value, const char* field) {
  if (value <= 0) throw ConfigError(field, "must be positive, got " + std::to_string(value));
}

void requireNonNegative(double value, const char* field) {
  if (!(value >= 0)) throw ConfigError(field, "must be zero or positive");
}

void requireFile(const std::filesystem::path& path, const char* field) {
  if (path.empty()) return;
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error))
    throw ConfigError(field, "file not found: " + path.string());
}

}  // namespace

namespace {

/// A model-config error as the training config names it: "model.<field>".
[[noreturn]] void rethrowAsModelField(const ConfigError& error) {
  const std::string field = error.field().empty() ? "model" : "model." + error.field();
  std::string reason = error.what();
  const auto separator = reason.find("': ");  // strip "config field '<field>': "
  if (separator != std::string::npos) reason = reason.substr(separator + 3);
  throw ConfigError(field, reason);
}

/// "preset" taken out of `fields` (empty when absent).
std::string takePreset(Json& fields) {
  if (!fields.contains("preset")) return {};
  if (!fields["preset"].is_string()) throw ConfigError("preset", "expected a string");
  std::string preset = fields["preset"].get<std::string>();
  fields.erase("preset");
  return preset;
}

}  // namespace

bool isPixelCnnModelJson(const Json& model) {
  return model.is_object() && model.contains("type") && model["type"] == kPixelCnnTypeName;
}

PixelCnnConfig pixelCnnConfigFromJson(const Json& model) {
  try {
    if (!model.is_object()) throw ConfigError("", "expected a JSON object");
    Json fields = model;
    const std::string preset = takePreset(fields);
    if (preset.empty()) return PixelCnnConfig::fromJson(fields);
    const PixelCnnConfig partial = PixelCnnConfig::fromJson(fields);  // the shape, checked
    Json merged =
        pixelCnnPreset(preset, partial.channels, partial.height, partial.width).toJson();
    for (const auto& item : fields.items()) merged[item.key()] = item.value();
    return PixelCnnConfig::fromJson(merged);
  } catch (const ConfigError& error) {
    rethrowAsModelField(error);
  }
}

ModelConfig modelConfigFromJson(const Json& model) {
  try {
    if (!model.is_object()) throw ConfigError("", "expected a JSON object");
    Json fields = model;
    if (const std::string preset = takePreset(fields); !preset.empty()) {
      ModelConfig partial = ModelConfig::fromJson(fields);  // type/channels/size, checked
      Json merged =
          modelPreset(preset, partial.type, partial.channels, partial.height, partial.width)
              .toJson();
      for (const auto& item : fields.items()) merged[item.key()] = item.value();
      return ModelConfig::fromJson(merged);
    }
    return ModelConfig::fromJson(fields);
  } catch (const ConfigError& error) {
    rethrowAsModelField(error);
  }
}

Json TrainingConfig::toJson() const {
  Json json;
  json["model"] = model;
  json["initFrom"] = initFrom.string();
  json["freezeScales"] = freezeScales;
  json["generalModel"] = generalModel.string();
  json["inDistributionModel"] = inDistributionModel.string();
  json["trainSet"] = trainSet;
  json["testSet"] = testSet;
  json["oodSets"] = oodSets;
  json["outlierSet"] = outlierSet;
  json["trainLimit"] = trainLimit;
  json["evalLimit"] = evalLimit;
  json["maxTranslatePx"] = maxTranslatePx;
  json["horizontalFlip"] = horizontalFlip;
  if (outlierAugmentation)
    json["outlierAugmentation"] = {{"maxTranslatePx", outlierAugmentation->maxTranslatePx},
                                   {"horizontalFlip", outlierAugmentation->horizontalFlip}};
  json["steps"] = steps;
  json["epochs"] = epochs;
  json["batchSize"] = batchSize;
  json["outlierBatchSize"] = outlierBatchSize;
  json["actNormInitImages"] = actNormInitImages;
  json["losses"] = {{"likelihood", losses.likelihood},
                    {"likelihoodWeight", losses.likelihoodWeight},
                    {"outlier", losses.outlier},
                    {"outlierWeight", losses.outlierWeight},
                    {"outlierTemperature", losses.outlierTemperature},
                    {"margin", losses.margin},
                    {"marginNats", losses.marginNats},
                    {"supervised", losses.supervised},
                    {"trainedModel", trainedModelName(losses.trainedModel)}};
  json["optimizer"] = {{"type", optimizer.type},
                       {"learningRate", optimizer.learningRate},
                       {"weightDecay", optimizer.weightDecay},
                       {"beta1", optimizer.beta1},
                       {"beta2", optimizer.beta2},
                       {"eps", optimizer.eps},
                       {"warmupSteps", optimizer.warmupSteps},
                       {"gradientClipNorm", optimizer.gradientClipNorm},
                       {"schedule", optimizer.schedule},
                       {"finalLearningRateFactor", optimizer.finalLearningRateFactor},
                       {"averageDecay", optimizer.averageDecay}};
  json["guard"] = {{"maxConsecutiveSkips", guard.maxConsecutiveSkips},
                   {"learningRateBackoff", guard.learningRateBackoff},
                   {"maxRollbacks", guard.maxRollbacks}};
  json["seed"] = seed;
  json["dataSeed"] = dataSeed;
  json["threads"] = threads;
  json["processes"] = processes;
  json["device"] = device;
  json["outputDir"] = outputDir.string();
  json["checkpointEverySteps"] = checkpointEverySteps;
  json["keepLastCheckpoints"] = keepLastCheckpoints;
  json["evalEverySteps"] = evalEverySteps;
  json["logEverySteps"] = logEverySteps;
  json["resume"] = resume;
  return json;
}

TrainingConfig TrainingConfig::fromJson(const Json& json) {
  TrainingConfig config;
  ObjectReader reader(json, "");
  if (const Json* model = reader.find("model")) {
    if (!model->is_object())
      throw ConfigError("model", "expected a JSON object, got " + typeName(*model));
    config.model = *model;
  }
  reader.read("initFrom", config.initFrom);
  reader.read("freezeScales", config.freezeScales);
  reader.read("generalModel", config.generalModel);
  reader.read("inDistributionModel", config.inDistributionModel);
  readDataAndSchedule(reader, config);
  if (const Json* losses = reader.find("losses")) config.losses = lossesFromJson(*losses);
  if (const Json* optimizer = reader.find("optimizer"))
    config.optimizer = optimizerFromJson(*optimizer);
  if (const Json* guard = reader.find("guard")) config.guard = guardFromJson(*guard);
  if (const Json* augmentation = reader.find("outlierAugmentation"))
    config.outlierAugmentation = augmentationFromJson(*augmentation, "outlierAugmentation");
  readRunFields(reader, config);
  reader.finish();
  return config;
}

TrainingConfig TrainingConfig::fromFile(const std::filesystem::path& path) {
  return fromJson(readJsonFile(path));
}

void TrainingConfig::validate() const {
  if (trainSet.empty()) throw ConfigError("trainSet", "a training set is required");
  // A model loaded from a file is checked for flow-only options by the Trainer.
  const bool buildsModel = !fineTuning() && losses.trainedModel == TrainedModel::InDistribution;
  if (buildsModel && isPixelCnnModelJson(model)) requireNoFlowOnlyOptions("a PixelCNN++ model");
  if (steps < 0) throw ConfigError("steps", "must not be negative");
  if (epochs < 0) throw ConfigError("epochs", "must not be negative");
  if (steps == 0 && epochs == 0) throw ConfigError("steps", "set steps or epochs");
  requirePositive(batchSize, "batchSize");
  requirePositive(outlierBatchSize, "outlierBatchSize");
  if (actNormInitImages < 0) throw ConfigError("actNormInitImages", "must not be negative");
  if (freezeScales < 0) throw ConfigError("freezeScales", "must not be negative");
  if (freezeScales > 0 && !fineTuning())
    throw ConfigError("freezeScales", "freezing scales needs a model to fine-tune (initFrom)");
  if (optimizer.type != "adamax" && optimizer.type != "adam")
    throw ConfigError("optimizer.type",
                      "expected \"adamax\" or \"adam\", got \"" + optimizer.type + "\"");
  if (!(optimizer.learningRate > 0))
    throw ConfigError("optimizer.learningRate", "must be positive");
  requireNonNegative(optimizer.weightDecay, "optimizer.weightDecay");
  requireNonNegative(optimizer.gradientClipNorm, "optimizer.gradientClipNorm");
  if (optimizer.schedule != "constant" && optimizer.schedule != "cosine")
    throw ConfigError("optimizer.schedule",
                      "must be \"constant\" or \"cosine\", not \"" + optimizer.schedule + "\"");
  if (!(optimizer.finalLearningRateFactor >= 0 && optimizer.finalLearningRateFactor <= 1))
    throw ConfigError("optimizer.finalLearningRateFactor", "must be in [0, 1]");
  if (!(optimizer.averageDecay >= 0 && optimizer.averageDecay < 1))
    throw ConfigError("optimizer.averageDecay", "must be in [0, 1); 0 turns averaging off");
  if (!(optimizer.beta1 >= 0 && optimizer.beta1 < 1))
    throw ConfigError("optimizer.beta1", "must be in [0, 1)");
  if (!(optimizer.beta2 >= 0 && optimizer.beta2 < 1))
    throw ConfigError("optimizer.beta2", "must be in [0, 1)");
  if (!(guard.learningRateBackoff > 0 && guard.learningRateBackoff <= 1))
    throw ConfigError("guard.learningRateBackoff", "must be in (0, 1]");
  requirePositive(guard.maxConsecutiveSkips, "guard.maxConsecutiveSkips");
  if (!(losses.outlierTemperature > 0))
    throw ConfigError("losses.outlierTemperature", "must be positive");
  const bool needsOutlierSet = losses.outlier || losses.margin;
  if (!losses.likelihood && !needsOutlierSet && !losses.supervised)
    throw ConfigError("losses", "no loss is enabled");
  if (needsOutlierSet && outlierSet.empty())
    throw ConfigError("outlierSet", "the outlier and margin losses need an outlier set");
  const bool needsGeneral =
      losses.outlier || losses.supervised || losses.trainedModel == TrainedModel::General;
  if (needsGeneral && generalModel.empty())
    throw ConfigError("generalModel", "this loss needs a general model checkpoint");
  if (losses.trainedModel == TrainedModel::General && !losses.outlier)
    throw ConfigError("losses.trainedModel",
                      "training the general model (Diff†) needs losses.outlier");
  if (buildsModel) {
    if (isPixelCnnModelJson(model))
      pixelCnnConfigFromJson(model);
    else
      modelConfigFromJson(model);
  }
  requireFile(initFrom, "initFrom");
  requireFile(generalModel, "generalModel");
  if (outputDir.empty()) throw ConfigError("outputDir", "an output folder is required");
  if (processes < 1 || processes > 256)
    throw ConfigError("processes", "must be between 1 and 256, got " + std::to_string(processes));
  if (!isDeviceName(device))
    throw ConfigError("device", "expected cpu, cuda or cuda:N, got \"" + device + "\"");
}

void TrainingConfig::requireNoFlowOnlyOptions(const std::string& modelDescription) const {
  if (freezeScales > 0)
    throw ConfigError("freezeScales", "freezing scales is for flow models only: " +
                                          modelDescription + " has no scales");
  if (losses.supervised)
    throw ConfigError("losses.supervised",
                      "the supervised loss needs class heads, which only flow models have (" +
                          modelDescription + " has none)");
}

int64_t TrainingConfig::effectiveWarmupSteps() const {
  if (optimizer.warmupSteps >= 0) return optimizer.warmupSteps;
  return fineTuning() ? 100 : 0;
}

double TrainingConfig::scheduledLearningRate(int64_t step, int64_t totalSteps) const {
  const int64_t warmup = effectiveWarmupSteps();
  if (warmup > 0 && step < warmup)
    return optimizer.learningRate * static_cast<double>(step + 1) / static_cast<double>(warmup);
  if (optimizer.schedule != "cosine") return optimizer.learningRate;
  // Cosine from the full rate at the first step after the warm-up to the final rate at the last.
  const int64_t decaySteps = totalSteps - warmup - 1;
  const double progress =
      decaySteps > 0 ? std::clamp(static_cast<double>(step - warmup) / decaySteps, 0.0, 1.0) : 1.0;
  const double finalFactor = optimizer.finalLearningRateFactor;
  const double factor =
      finalFactor + (1.0 - finalFactor) * 0.5 * (1.0 + std::cos(std::numbers::pi * progress));
  return optimizer.learningRate * factor;
}

void applyConfigOverride(Json& config, const std::string& assignment) {
  const auto equals = assignment.find('=');
  if (equals == std::string::npos || equals == 0)
    throw ConfigError(assignment, "an override must look like key=value");
  const std::string key = assignment.substr(0, equals);
  const std::string text = assignment.substr(equals + 1);
  Json value;
  try {
    value = Json::parse(text);
  } catch (const Json::parse_error&) {
    value = text;  // a bare word: a string such as a dataset name or a path
  }
  Json* node = &config;
  std::stringstream parts(key);
  std::string part, walked;
  std::vector<std::string> names;
  while (std::getline(parts, part, '.')) names.push_back(part);
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i].empty()) throw ConfigError(key, "empty component in the key");
    walked += (walked.empty() ? "" : ".") + names[i];
    if (!node->is_object()) throw ConfigError(walked, "is not an object");
    if (i + 1 == names.size()) {
      (*node)[names[i]] = value;
    } else {
      if (!node->contains(names[i])) (*node)[names[i]] = Json::object();
      node = &(*node)[names[i]];
    }
  }
}

}  // namespace glowscope
