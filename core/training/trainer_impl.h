#pragma once
// Private to core/training: the state behind Trainer, shared by trainer.cpp (set-up, run loop,
// checkpoints) and trainer_steps.cpp (one step, the NaN guard, evaluation).
#include <ATen/ATen.h>
#include <torch/optim/optimizer.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/data/tensor_batches.h"
#include "core/flows/actnorm.h"
#include "core/models/likelihood_model.h"
#include "core/training/checkpoint.h"
#include "core/training/distributed.h"
#include "core/training/trainer.h"
#include "core/training/weight_average.h"

namespace glowscope {

// trainer_models.cpp: model files and bytes of either family.
/// The model a checkpoint stores as model-file bytes; `origin` names it in a FileError.
LikelihoodModel modelFromBytes(const std::string& bytes, const std::filesystem::path& scratchDir,
                               const std::string& origin);
std::string modelToBytes(LikelihoodModelImpl& model, const std::filesystem::path& scratchDir);

/// Weights and optimizer state kept in memory to roll back to after a divergence.
struct GoodState {
  std::vector<at::Tensor> tensors;  ///< clones of the trained model's parameters and buffers
  std::string optimizerBytes;
  std::vector<at::Tensor> averageTensors;  ///< the weight average (clones), when averaging
  int64_t averageUpdates = 0;
  int64_t step = -1;
};

struct Trainer::Impl {
  TrainingConfig config;
  TrainingData data;
  nlohmann::json modelConfig;  ///< the trained model's configJson(): a resume must match it
  ImageShape imageShape;       ///< the trained model's C x H x W
  LikelihoodModel model;       ///< trained, of either family (docs/pixelcnn.md)
  LikelihoodModel frozen;      ///< general (or, for Diff†, in-distribution) model; may be null
  /// Dropout masks of a model that has dropout (PixelCNN++), re-seeded every step from (seed,
  /// rank, step) so that a resumed or data-parallel run needs no extra state; null otherwise.
  std::optional<at::Generator> dropout;
  std::vector<at::Tensor> trainable;
  std::unique_ptr<torch::optim::Optimizer> optimizer;
  WeightAverage average;  ///< optimizer.averageDecay; evaluation and model.glow use it
  std::unique_ptr<BatchLoader> trainLoader, outlierLoader;
  DataPosition position;
  at::Generator noise;
  int64_t step = 0, totalSteps = 0;
  double learningRateFactor = 1;
  int64_t skippedSteps = 0, droppedSamples = 0, rollbacks = 0, consecutiveSkips = 0;
  std::vector<NanEvent> events, pendingEvents;
  GoodState goodState;
  double bestMetric = 0;
  bool hasBestMetric = false;
  double trainBpdSum = 0;  ///< since the last checkpoint, for "best" without a test set
  int64_t trainBpdCount = 0;
  double imagesPerSecond = 0, secondsPerStep = 0;
  double lastTestBitsPerDim = 0;
  int64_t lastTestStep = -1;
  std::function<void(at::Tensor&)> inlierHook;
  std::shared_ptr<DataParallelGroup> group;  ///< null for a one-process run

  // trainer_models.cpp
  void buildModels();
  void applyFreezing();
  void setUpDropout();
  void seedDropout();
  // trainer.cpp
  void buildOptimizer();
  void buildLoaders();
  void initializeFromScratch();
  void resumeFrom(const TrainingCheckpoint& checkpoint);
  TrainingCheckpoint makeCheckpoint() const;
  Batch nextInlierBatch();
  Batch nextOutlierBatch();
  double currentLearningRate() const;

  // trainer_parallel.cpp: data-parallel training (docs/scaling-out.md); each is the plain
  // one-process behaviour when `group` is null.
  void placeOnLocalDevice();
  void requireShardable() const;
  std::optional<TrainingCheckpoint> loadResumeCheckpoint(std::filesystem::path& path) const;
  void synchronizeStart();
  at::Tensor shard(const at::Tensor& globalBatch) const;
  ActNormStatisticsReducer actNormReducer() const;
  void agreeOnStep(std::string& skipReason, bool& modelBroken, TrainingProgress& progress);
  void averageGradients();
  bool cancelAgreed(TrainingControl* control);
  bool writesFiles() const { return !group || group->isMain(); }

  // trainer_steps.cpp
  TrainingProgress trainStep();
  TrainingProgress evaluate();
  void recordEvent(NanEvent::Kind kind, const std::string& detail);
  void takeGoodState();
  void rollBack(const std::string& reason);
  TrainingProgress progressSnapshot() const;
};

}  // namespace glowscope
