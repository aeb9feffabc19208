#pragma once
// The image sets one training run uses, loaded by registry name and conformed to the model.
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "core/data/image_set.h"
#include "core/models/image_shape.h"
#include "core/training/training_config.h"

namespace glowscope {

struct TrainingData {
  std::shared_ptr<const ImageSet> train;    ///< required
  std::shared_ptr<const ImageSet> test;     ///< optional: periodic test bpd
  std::shared_ptr<const ImageSet> outlier;  ///< optional: x_g for the outlier/margin losses
  std::vector<std::pair<std::string, std::shared_ptr<const ImageSet>>> oodSets;

  /// Names, counts and shapes, stored in checkpoints and the run's metadata.
  nlohmann::json describe() const;
};

/// Validates the config, then loads its sets with loadDataset(); a failure is a ConfigError naming
/// the field
/// ("trainSet", "oodSets[1]", ...) with the loader's reason.
TrainingData loadTrainingData(const TrainingConfig& config);

/// Resizes (bilinear) and converts channels so every set matches the model's C×H×W; sets that
/// already match are shared, not copied.
TrainingData conformToModel(const TrainingData& data, const ImageShape& shape);

}  // namespace glowscope
