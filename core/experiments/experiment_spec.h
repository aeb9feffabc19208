#pragma once
// An experiment: which models to train or load, which sets to compare, which scores to tabulate,
// over which seeds. Written as JSON (docs/experiments.md); `glowscope-cli evaluate --experiment`.
#include <cstdint>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/flows/preprocess_mode.h"
#include "core/scoring/score_definitions.h"

namespace glowscope {

/// A model of the experiment: either loaded from a saved model file, or trained from a training
/// config (core/training, the same JSON as `glowscope-cli train`). In a training config the
/// strings "@<id>" in "initFrom" and "generalModel" name the final model of an earlier entry.
struct ExperimentModel {
  std::string id;                   ///< referenced by scores, e.g. "conv", "general"
  std::string label;                ///< shown in tables; defaults to id
  std::filesystem::path modelFile;  ///< a saved model to load (no training), or empty
  nlohmann::json training;          ///< training config JSON when modelFile is empty
  bool sharedAcrossSeeds = false;   ///< train once (seed of the first run) and reuse, e.g. general

  /// The training config keys that may name another model as "@<id>".
  static constexpr const char* kReferenceKeys[] = {"initFrom", "generalModel"};
  /// The id that training[key] names as "@<id>", or empty (no such field, or a plain path).
  std::string reference(const char* key) const;
  /// The ids this model's training refers to ("@<id>" in kReferenceKeys), in that key order.
  std::vector<std::string> references() const;
};

struct ExperimentSpec {
  std::string name = "experiment";
  std::string inDistribution;        ///< test set of the in-distribution data, by registry name
  std::vector<std::string> oodSets;  ///< registry names
  /// Sets of oodSets shown for reference, not as OOD sets (e.g. held-out images of the general
  /// distribution the models are trained on), with the note their table row carries; such rows
  /// are never ranked (no best cell in bold).
  std::map<std::string, std::string> notOodSets;
  std::int64_t imagesPerSet = 0;  ///< 0 = all; else a seeded subset of each set
  PreprocessMode evaluationMode = PreprocessMode::PaperEvaluation;
  std::int64_t evaluationBatchSize = 64;
  std::vector<std::uint64_t> seeds{0};  ///< each seed retrains the (not shared) models
  std::vector<ExperimentModel> models;
  std::vector<ScoreDefinition> scores;
  bool bootstrapIntervals = true;  ///< 95% AUROC intervals (first seed)
  std::int64_t bootstrapResamples = 1000;

  /// Unknown fields, wrong types, dangling model references and duplicate ids throw ConfigError
  /// naming the field (e.g. "scores[3].general").
  static ExperimentSpec fromJson(const nlohmann::json& json);
  static ExperimentSpec fromFile(const std::filesystem::path& path);
  nlohmann::json toJson() const;
  const ExperimentModel& model(const std::string& id) const;  ///< throws ConfigError
};

}  // namespace glowscope
