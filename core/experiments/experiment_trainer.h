#pragma once
// The ModelTrainer the experiment runner uses in the product: core/training's Trainer.
#include <atomic>
#include <functional>
#include <memory>
#include <string>

#include "core/experiments/experiment_runner.h"

namespace glowscope {

struct TrainingProgress;
class DataParallelGroup;

/// A ModelTrainer that runs core/training's Trainer on the given config. `onProgress` (may be
/// empty) receives the model's output folder and each progress report. The runner's cancel flag
/// is forwarded to the trainer, which stops within a step and leaves a resumable checkpoint; a
/// cancelled run throws CancelledError. The runner sets "resume" when an interrupted run of the
/// same config left checkpoints in the folder. With a group of several processes (rank 0 runs
/// the experiment; trainings one at a time), each training is first handed to the other
/// processes, which train it with rank 0 through serveTrainingJobs (docs/scaling-out.md).
ModelTrainer makeModelTrainer(
    std::function<void(const std::string& outputDir, const TrainingProgress&)> onProgress = {},
    std::shared_ptr<DataParallelGroup> group = nullptr);

/// Rank 0, after the experiment: tells the other processes that no training follows.
void finishTrainingJobs(DataParallelGroup& group);

/// Ranks other than 0: trains every job rank 0 hands out, in order, until it finishes. Throws
/// PeerLostError when rank 0 is gone.
void serveTrainingJobs(const std::shared_ptr<DataParallelGroup>& group,
                       const std::atomic<bool>* cancel);

}  // namespace glowscope
