#include "core/training/training_data.h"

#include "core/data/dataset_registry.h"
#include "core/data/transforms.h"
#include "core/util/errors.h"

namespace glowscope {
namespace {

std::shared_ptr<const ImageSet> loadNamed(const std::string& spec, const std::string& field,
                                          const LoadOptions& options) {
  if (spec.empty()) return nullptr;
  try {
    return std::make_shared<const ImageSet>(loadDataset(spec, options));
  } catch (const ConfigError& error) {
    std::string reason = error.what();  // drop the inner "config field '...': " prefix
    const auto separator = reason.find("': ");
    if (separator != std::string::npos) reason = reason.substr(separator + 3);
    throw ConfigError(field, reason);
  } catch (const Error& error) {
    throw ConfigError(field, error.what());
  }
}

std::shared_ptr<const ImageSet> conform(const std::shared_ptr<const ImageSet>& set,
                                        const ImageShape& model) {
  if (!set) return set;
  if (set->channels == model.channels && set->height == model.height && set->width == model.width)
    return set;
  ImageSet converted =
      set->channels == model.channels ? *set : convertChannels(*set, model.channels);
  if (converted.height != model.height || converted.width != model.width)
    converted = resizeImages(converted, model.height, model.width);
  return std::make_shared<const ImageSet>(std::move(converted));
}

nlohmann::json describeSet(const std::shared_ptr<const ImageSet>& set) {
  if (!set) return nullptr;
  return {{"name", set->name},
          {"count", set->count},
          {"channels", set->channels},
          {"height", set->height},
          {"width", set->width},
          {"labelled", set->labelled()},
          {"numClasses", set->numClasses}};
}

}  // namespace

nlohmann::json TrainingData::describe() const {
  nlohmann::json json;
  json["train"] = describeSet(train);
  json["test"] = describeSet(test);
  json["outlier"] = describeSet(outlier);
  json["ood"] = nlohmann::json::array();
  for (const auto& [name, set] : oodSets) json["ood"].push_back(describeSet(set));
  return json;
}

TrainingData loadTrainingData(const TrainingConfig& config) {
  config.validate();  // report config mistakes before spending time on loading data
  LoadOptions trainOptions;
  trainOptions.limit = config.trainLimit;
  // Evaluation sets: a seeded random subset, so a limit does not keep only the first classes.
  LoadOptions evalOptions;
  evalOptions.limit = config.evalLimit;
  evalOptions.randomSubset = config.evalLimit > 0;
  evalOptions.subsetSeed = 20191120;
  TrainingData data;
  data.train = loadNamed(config.trainSet, "trainSet", trainOptions);
  data.test = loadNamed(config.testSet, "testSet", evalOptions);
  data.outlier = loadNamed(config.outlierSet, "outlierSet", {});
  for (size_t i = 0; i < config.oodSets.size(); ++i)
    data.oodSets.emplace_back(
        config.oodSets[i],
        loadNamed(config.oodSets[i], "oodSets[" + std::to_string(i) + "]", evalOptions));
  return data;
}

TrainingData conformToModel(const TrainingData& data, const ImageShape& model) {
  TrainingData conformed;
  conformed.train = conform(data.train, model);
  conformed.test = conform(data.test, model);
  conformed.outlier = conform(data.outlier, model);
  for (const auto& [name, set] : data.oodSets)
    conformed.oodSets.emplace_back(name, conform(set, model));
  return conformed;
}

}  // namespace glowscope
