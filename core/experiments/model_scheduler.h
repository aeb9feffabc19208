#pragma once
// Obtains the models of one seed of an experiment, training several at once when asked. On a
// 2-core CPU two trainings on one thread each get ~20% more images through than one training on
// two threads (small convolutions do not split well across threads; docs/experiments.md), so the
// main job trains its models in two lanes.
#include <atomic>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/experiments/experiment_spec.h"

namespace glowscope {

/// Obtains one model (trains it, or reuses an earlier training) given the files of the models
/// obtained so far; must honour `cancel` and may throw.
using ModelObtainer = std::function<std::filesystem::path(
    const ExperimentModel& model, const std::map<std::string, std::filesystem::path>& known,
    const std::atomic<bool>* cancel)>;

/// Obtains every model of `models` into `files` (id -> file; entries already there count as
/// obtained). Runs at most `parallel` obtainers at once, each on its own thread; a model starts
/// as soon as the models it refers to are there, earlier models of the list first (so list long
/// trainings early). parallel <= 1 obtains them one after the other on the calling thread.
/// The first failure stops the others (their cancel flag is raised) and is rethrown once every
/// thread has finished; `cancel` (may be null) does the same and ends in CancelledError.
void obtainModels(const std::vector<const ExperimentModel*>& models, int parallel,
                  const ModelObtainer& obtain, std::map<std::string, std::filesystem::path>& files,
                  const std::atomic<bool>* cancel);

}  // namespace glowscope
