#pragma once
// Runs an ExperimentSpec: obtains every model (trains it, or reuses a model trained before with
// the same config), scores every set with every model (through the score cache), computes the
// metrics and writes the results folder (see results_folder.h).
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/experiments/experiment_spec.h"
#include "core/experiments/results_folder.h"
#include "core/metrics/bootstrap.h"
#include "core/metrics/ood_metrics.h"
#include "core/scoring/model_scores.h"

namespace glowscope {

/// Trains one model from a training-config JSON whose "outputDir" the runner has set, and returns
/// the path of the final saved model (loadable with loadFlowModel). Must honour `cancel`.
using ModelTrainer = std::function<std::filesystem::path(const nlohmann::json& trainingConfig,
                                                         const std::atomic<bool>* cancel)>;

struct ExperimentRunOptions {
  std::filesystem::path outputDir;  ///< the results folder (models/, cache/, tables, ...)
  ModelTrainer trainer;             ///< required when a model must be trained
  /// Called from the training threads when parallelTrainings > 1 (see model_scheduler.h).
  std::function<void(const std::string& stage, double fraction)> progress;
  /// Trainings run at once when the models' references allow (core/experiments/
  /// model_scheduler.h); 1 = one after the other. The trainer must then be thread-safe.
  int parallelTrainings = 1;
  /// Torch threads of each training whose config does not set "threads"; 0 = its default.
  int threadsPerTraining = 0;
  /// Device of the trainings whose config does not set "device", and of scoring: "cpu",
  /// "cuda" or "cuda:N"; empty = cpu.
  std::string device;
  const std::atomic<bool>* cancel = nullptr;
  /// Added to metadata.json, e.g. the front end's Qt version and command line.
  nlohmann::json extraMetadata = nlohmann::json::object();
};

/// Everything one seed produced.
struct SeedResults {
  std::uint64_t seed = 0;
  std::map<std::string, std::filesystem::path> modelFiles;  ///< model id -> file
  /// set name -> score name -> per-image values (higher = more in-distribution)
  std::map<std::string, std::map<std::string, std::vector<double>>> scoreValues;
  /// model id -> set name -> mean bits/dim (over the images with a finite log p)
  std::map<std::string, std::map<std::string, double>> bitsPerDim;
  /// model id -> set name -> images whose log p is not finite (left out of that mean)
  std::map<std::string, std::map<std::string, std::size_t>> nonFiniteImages;
  /// OOD set -> score name -> metrics
  MetricsBySet metrics;
};

struct ExperimentResults {
  ExperimentSpec spec;
  std::vector<SeedResults> seeds;
  std::map<std::string, std::string> dataFingerprints;  ///< set name -> fingerprintImages
  std::map<std::string, std::int64_t> setSizes;         ///< set name -> images scored
  double seconds = 0;
};

/// Runs the experiment and writes its results folder. Throws ConfigError/FileError/Error with a
/// clear message, CancelledError when cancelled (models trained so far are kept and reused).
ExperimentResults runExperiment(const ExperimentSpec& spec, const ExperimentRunOptions& options);

/// The training config the runner hands to the trainer for `model` in run `seed`: "@id"
/// references resolved to files, "seed"/"dataSeed" set from the run seed, "outputDir" set.
nlohmann::json resolvedTrainingConfig(const ExperimentModel& model, std::uint64_t seed,
                                      const std::map<std::string, std::filesystem::path>& models,
                                      const std::filesystem::path& modelDir);

}  // namespace glowscope
