#pragma once
// Set-up shared by the training benches (glow_step, step_profile): random 1x32x32 images, a
// saved general model for the outlier loss and the training config of a timed run.
#include <ATen/ATen.h>

#include <filesystem>
#include <memory>
#include <random>
#include <string>

#include "core/flows/flow_model.h"
#include "core/flows/preprocess.h"
#include "core/training/training_config.h"
#include "core/training/training_data.h"

namespace glowscope::bench {

inline std::shared_ptr<ImageSet> randomImages(int64_t count, uint64_t seed) {
  auto set = std::make_shared<ImageSet>(ImageSet{"random", count, 1, 32, 32, {}, {}, 0});
  set->pixels.resize(static_cast<size_t>(count * 1024));
  std::mt19937_64 rng(seed);
  for (auto& pixel : set->pixels) pixel = static_cast<uint8_t>(rng() % 256);
  return set;
}

inline ModelConfig benchModelConfig(const std::string& preset, FlowType type) {
  ModelConfig config = modelPreset(preset, type, 1);
  config.seed = 7;
  return config;
}

/// A data-initialised model saved as the general model the outlier loss compares against.
inline std::filesystem::path saveGeneralModel(const ModelConfig& config,
                                              const std::filesystem::path& dir) {
  FlowModel model = createFlowModel(config);
  const auto images = randomImages(128, 9);
  at::Tensor batch = at::from_blob(images->pixels.data(), {128, 1, 32, 32}, at::kByte).clone();
  initializeActNorms(*model, preprocessImages(batch, PreprocessMode::PaperEvaluation));
  const auto path = dir / "general.glow";
  saveFlowModel(*model, path);
  return path;
}

/// What a timed training run trains.
struct BenchRun {
  std::string preset = "small";
  FlowType type = FlowType::Conv;
  int threads = 1;
  int64_t batch = 64;
  int64_t steps = 8;
  /// "train" (likelihood), "outlier" (+ outlier loss against a frozen general model) or
  /// "margin" (+ margin loss on an outlier batch, no frozen model).
  std::string loss = "train";
  int freezeScales = 0;
  double averageDecay = 0;  ///< optimizer.averageDecay (the default experiment uses 0.99)
};

/// The run on random images, default optimizer (Adamax, weight decay 5e-5).
inline TrainingConfig benchTrainingConfig(const BenchRun& run, const std::filesystem::path& dir) {
  TrainingConfig config;
  config.model = {{"preset", run.preset}, {"type", flowTypeName(run.type)}, {"channels", 1}};
  config.trainSet = "random";
  config.steps = run.steps;
  config.batchSize = run.batch;
  config.outlierBatchSize = run.batch;
  config.actNormInitImages = 128;
  config.threads = run.threads;
  config.freezeScales = run.freezeScales;
  config.optimizer.averageDecay = run.averageDecay;
  config.outputDir = dir / "run";
  if (run.loss == "outlier") {
    config.losses.outlier = true;
    config.generalModel = saveGeneralModel(benchModelConfig(run.preset, run.type), dir);
  }
  if (run.loss == "margin") config.losses.margin = true;
  if (run.loss != "train") config.outlierSet = "random";
  return config;
}

inline TrainingData benchTrainingData() {
  TrainingData data;
  data.train = randomImages(1024, 1);
  data.outlier = randomImages(1024, 2);
  return data;
}

}  // namespace glowscope::bench
