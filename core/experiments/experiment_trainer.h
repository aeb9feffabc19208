#pragma once
// The ModelTrainer the experiment runner uses in the product: core/training's Trainer.
#include <functional>
#include <string>

#include "core/experiments/experiment_runner.h"

namespace glowscope {

struct TrainingProgress;

/// A ModelTrainer that runs core/training's Trainer on the given config. `onProgress` (may be
/// empty) receives the model's output folder and each progress report. The runner's cancel flag
/// is forwarded to the trainer, which stops within a step and leaves a resumable checkpoint; a
/// cancelled run throws CancelledError. The runner sets "resume" when an interrupted run of the
/// same config left checkpoints in the folder.
ModelTrainer makeModelTrainer(
    std::function<void(const std::string& outputDir, const TrainingProgress&)> onProgress = {});

}  // namespace glowscope
