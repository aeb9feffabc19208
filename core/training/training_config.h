#pragma once
// The one description of a training run. The CLI (`glowscope-cli train --config run.json`) and
// the GUI wizard both write/read this JSON; the schema is documented in docs/training-config.md.
#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/flows/model_config.h"
#include "core/models/pixelcnn_config.h"

namespace glowscope {

/// Which model the losses train (Diff†: paper Sec. 5.4, Tab. 4).
enum class TrainedModel {
  InDistribution,  ///< the usual case; the general model (if any) is frozen
  General,         ///< Diff†: train the general model with in-distribution images as outliers
};

struct LossConfig {
  bool likelihood = true;  ///< maximum likelihood on the training set
  double likelihoodWeight = 1;
  bool outlier = false;              ///< Eq. 2 (Sec. 3.1) on batches of the outlier set
  double outlierWeight = 6000;       ///< λ
  double outlierTemperature = 1000;  ///< T in nats
  bool margin = false;               ///< margin baseline (Sec. 5.3) on outlier batches
  double marginNats = 0;             ///< 0 = D (1 nat per dimension, as the reference)
  bool supervised = false;           ///< Sec. 3.2 class-conditional heads (labels, numClasses > 0)
  TrainedModel trainedModel = TrainedModel::InDistribution;
};

struct OptimizerConfig {
  std::string type = "adamax";  ///< "adamax" | "adam"
  double learningRate = 5e-4;
  double weightDecay = 5e-5;  ///< coupled L2 on every parameter
  double beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
  int64_t warmupSteps = -1;     ///< linear lr ramp; -1 = 100 when fine-tuning, else 0
  double gradientClipNorm = 0;  ///< max total L2 norm; 0 = off
  /// After the warm-up: "constant" (the reference) or "cosine" (half a cosine from the lr down to
  /// finalLearningRateFactor * lr at the last step).
  std::string schedule = "constant";
  double finalLearningRateFactor = 0.0;
  /// Polyak averaging: > 0 keeps an exponential moving average of the weights with this decay
  /// (ramped as min(decay, (1 + n) / (10 + n)) after n steps); evaluation, model.glow and
  /// fine-tuning from a checkpoint then use the average. 0 = off (the reference).
  double averageDecay = 0.0;
};

/// Augmentation of one image stream (docs/data.md, augmentImage).
struct AugmentationConfig {
  int maxTranslatePx = 0;  ///< integer shifts in [-n, n] on each axis
  bool horizontalFlip = false;
  bool operator==(const AugmentationConfig&) const = default;
};

struct GuardConfig {
  int64_t maxConsecutiveSkips = 5;   ///< then roll back to the last good state and lower the lr
  double learningRateBackoff = 0.5;  ///< lr factor applied at each rollback
  int64_t maxRollbacks = 5;          ///< then stop with an error instead of looping
};

struct TrainingConfig {
  // Model: built from `model` (a ModelConfig JSON, or a PixelCnnConfig JSON with "type":
  // "pixelcnn"; either optionally with "preset"), or taken from the checkpoint in `initFrom`
  // (fine-tuning), whose architecture then wins.
  nlohmann::json model = nlohmann::json::object();
  std::filesystem::path initFrom;  ///< model or training checkpoint to fine-tune from
  int64_t freezeScales = 0;        ///< freeze the first n scales (fine-tuning; flows only)
  std::filesystem::path
      generalModel;  ///< general model: frozen (outlier/supervised), or trained (Diff†)
  std::filesystem::path inDistributionModel;  ///< Diff† only: the frozen in-distribution model

  // Data, by registry name (core/data/dataset_registry.h).
  std::string trainSet;              ///< e.g. "fashion-mnist:train"
  std::string testSet;               ///< periodic test bpd; empty = none
  std::vector<std::string> oodSets;  ///< periodic AUROC test set vs each of these
  std::string outlierSet;            ///< x_g batches for the outlier/margin losses
  int64_t trainLimit = 0;            ///< use at most this many training images (0 = all)
  int64_t evalLimit = 1000;          ///< images per evaluated set
  int maxTranslatePx = 0;            ///< augmentation: integer shifts
  bool horizontalFlip = false;
  /// Augmentation of the outlier batches (x_g of the outlier/margin losses): the general set's
  /// own, e.g. with flips where the in-distribution set has none. Absent = the settings above.
  std::optional<AugmentationConfig> outlierAugmentation;

  // Schedule.
  int64_t steps = 0;  ///< optimiser steps; 0 = use epochs
  int64_t epochs = 0;
  int64_t batchSize = 64;
  int64_t outlierBatchSize = 64;
  int64_t actNormInitImages = 704;  ///< data-dependent ActNorm init (flows; never when fine-tuning)

  LossConfig losses;
  OptimizerConfig optimizer;
  GuardConfig guard;

  uint64_t seed = 0;      ///< torch generator, dequantisation noise
  uint64_t dataSeed = 0;  ///< data order and augmentation
  int threads = 0;        ///< 0 = all cores (glowscope::configureThreads); split between processes
  /// Data-parallel processes this machine runs when `glowscope-cli train` or the GUI starts the
  /// run (docs/scaling-out.md); batchSize stays the global batch. Under torchrun the
  /// environment decides instead.
  int processes = 1;
  std::string device = "cpu";  ///< "cpu", "cuda" or "cuda:N"

  // Output.
  std::filesystem::path outputDir;  ///< checkpoints and the run's config are written here
  int64_t checkpointEverySteps = 500;
  int64_t keepLastCheckpoints = 3;
  int64_t evalEverySteps = 0;  ///< 0 = only at the end
  int64_t logEverySteps = 10;
  bool resume = false;  ///< continue from outputDir's latest checkpoint

  nlohmann::json toJson() const;
  /// Unknown fields and wrong types throw ConfigError naming the field ("optimizer.lr").
  static TrainingConfig fromJson(const nlohmann::json& json);
  static TrainingConfig fromFile(const std::filesystem::path& path);

  /// Semantic checks that need no training: combinations of losses, required files present,
  /// positive sizes. Throws ConfigError naming the field.
  void validate() const;
  /// Options only flows have (scales to freeze, class heads for the supervised loss): throws
  /// ConfigError naming the field when one is set for a model of another family, e.g.
  /// "a PixelCNN++ model".
  void requireNoFlowOnlyOptions(const std::string& modelDescription) const;
  /// Fine-tuning from a checkpoint.
  bool fineTuning() const { return !initFrom.empty(); }
  /// maxTranslatePx and horizontalFlip as one struct: the training images' augmentation.
  AugmentationConfig trainAugmentation() const { return {maxTranslatePx, horizontalFlip}; }
  /// outlierAugmentation when set, else trainAugmentation().
  AugmentationConfig effectiveOutlierAugmentation() const {
    return outlierAugmentation.value_or(trainAugmentation());
  }
  int64_t effectiveWarmupSteps() const;
  /// The scheduled learning rate of optimiser step `step` (0-based) of `totalSteps`: the warm-up
  /// ramp, then optimizer.schedule. Rollback back-offs multiply this.
  double scheduledLearningRate(int64_t step, int64_t totalSteps) const;
};

/// The architecture a config's "model" object names: the "preset" (modelPreset, with the "type",
/// "channels", "height", "width" given) overlaid with every other field. Errors name
/// "model.<field>".
ModelConfig modelConfigFromJson(const nlohmann::json& model);

/// Whether a config's "model" object names the PixelCNN++ family ("type": "pixelcnn").
bool isPixelCnnModelJson(const nlohmann::json& model);

/// The PixelCNN++ architecture a config's "model" object names: the "preset" (pixelCnnPreset,
/// with the "channels", "height", "width" given) overlaid with every other field. Errors name
/// "model.<field>".
PixelCnnConfig pixelCnnConfigFromJson(const nlohmann::json& model);

/// Applies "a.b.c=value" to a config JSON before parsing; value is parsed as JSON when it can be
/// (numbers, true/false, arrays), else taken as a string. Throws ConfigError for a bad key.
void applyConfigOverride(nlohmann::json& config, const std::string& assignment);

}  // namespace glowscope
