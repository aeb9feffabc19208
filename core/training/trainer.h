#pragma once
// The training loop (docs/training-config.md): Adamax (or Adam), data-dependent ActNorm init,
// the selectable losses, the NaN/Inf guard with rollback, atomic resumable checkpoints,
// progress reports, cancel and pause. It trains a model of either family (flows, PixelCNN++:
// docs/pixelcnn.md) behind the likelihood-model interface. Torch types stay behind a pimpl; the
// models are shared_ptrs to forward-declared classes.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <vector>

#include "core/training/progress.h"
#include "core/training/training_config.h"
#include "core/training/training_data.h"

namespace at {
class Tensor;
}

namespace glowscope {

class FlowModelImpl;
class LikelihoodModelImpl;
class DataParallelGroup;

struct TrainingResult {
  int64_t steps = 0;
  bool cancelled = false;
  double lastTrainBitsPerDim = kNotComputed;
  double testBitsPerDim = kNotComputed;  ///< of the final evaluation, if a test set is set
  int64_t testNonFiniteCount = 0;        ///< test images left out of testBitsPerDim
  std::filesystem::path lastCheckpoint;  ///< resumable state
  std::filesystem::path modelFile;  ///< <outputDir>/model.glow (the family's model file format)
  int64_t skippedSteps = 0, droppedSamples = 0, rollbacks = 0;
};

class Trainer {
 public:
  /// Builds or loads the models (from scratch with ActNorm init on the first
  /// actNormInitImages training images, or from initFrom without re-init; frozen model from
  /// generalModel), the optimizer and the data streams, or resumes from outputDir's latest
  /// checkpoint when config.resume. Every configuration problem (ConfigError naming the field,
  /// FileError for unreadable or incompatible checkpoints) is thrown here, before any step.
  Trainer(TrainingConfig config, TrainingData data);
  /// Same, loading the sets the config names (loadTrainingData).
  explicit Trainer(TrainingConfig config);
  /// Data-parallel: one of the group's processes (docs/scaling-out.md). Every process must
  /// construct its Trainer with the same config; batchSize is the global batch. A null group is
  /// a one-process run.
  Trainer(TrainingConfig config, TrainingData data, std::shared_ptr<DataParallelGroup> group);
  Trainer(TrainingConfig config, std::shared_ptr<DataParallelGroup> group);
  ~Trainer();
  Trainer(const Trainer&) = delete;
  Trainer& operator=(const Trainer&) = delete;

  /// Trains until totalSteps(), cancellation (checked between steps; a checkpoint is written) or
  /// an unrecoverable divergence (glowscope::Error after guard.maxRollbacks rollbacks). The
  /// first report is `started` (at the step it starts from), the last `finished`, `cancelled`
  /// or, before an exception leaves, `failed`; every report is also appended to
  /// <outputDir>/metrics.jsonl (core/training/run_metrics.h).
  TrainingResult run(const TrainingProgressCallback& onProgress = {},
                     TrainingControl* control = nullptr);

  /// One optimiser step (possibly skipped by the guard); the returned progress holds its losses
  /// and the events it caused. Used by run(), tests and the throughput bench.
  TrainingProgress trainStep();
  /// Test bpd and AUROCs on the configured sets with paper-style evaluation (+1/512); touches
  /// no random state, so it does not change the course of training.
  TrainingProgress evaluate();

  /// Writes <outputDir>/checkpoints/step-<n>.ckpt atomically and prunes to keepLastCheckpoints.
  std::filesystem::path writeCheckpoint();
  /// Writes the full resumable state to `path` atomically.
  void saveCheckpoint(const std::filesystem::path& path) const;

  /// The trained model, of either family.
  LikelihoodModelImpl& likelihoodModel();
  std::shared_ptr<LikelihoodModelImpl> likelihoodModelPointer();
  /// The trained flow; ConfigError("model") when the trained model is of another family.
  FlowModelImpl& trainedModel();
  std::shared_ptr<FlowModelImpl> trainedModelPointer();
  const TrainingConfig& config() const;
  int64_t step() const;
  int64_t totalSteps() const;
  double learningRate() const;  ///< the lr the next step will use (warm-up and back-offs applied)
  const std::vector<NanEvent>& events() const;  ///< every guard event so far

  /// Test hook: sees (and may modify) each preprocessed inlier batch before the forward pass.
  void setInlierBatchHook(std::function<void(at::Tensor&)> hook);

  struct Impl;

 private:
  TrainingResult runSteps(const TrainingProgressCallback& report, TrainingControl* control);

  std::unique_ptr<Impl> impl_;
};

}  // namespace glowscope
