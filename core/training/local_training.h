#pragma once
// A training run as several processes of this machine, started from a program that is itself
// rank 0 (the GUI): the other ranks are `glowscope-cli train` processes (docs/scaling-out.md).
#include <filesystem>

#include "core/training/progress.h"
#include "core/training/trainer.h"
#include "core/training/training_config.h"

namespace glowscope {

/// Trains `config` as config.processes processes: this process is rank 0 (progress, cancel and
/// the result as Trainer::run gives them, images/s counting every process), the others run
/// `cliProgram train --config <outputDir>/processes-config.json` with torchrun's variables on
/// 127.0.0.1. config.threads is split between the processes. A failed or lost process stops
/// the run with PeerLostError (or the worker's own error in the log).
TrainingResult trainWithLocalProcesses(TrainingConfig config,
                                       const std::filesystem::path& cliProgram,
                                       const TrainingProgressCallback& onProgress,
                                       TrainingControl* control);

}  // namespace glowscope
