#pragma once
// Writes the results folder of an experiment (its layout and the reader: results_folder.h).
// Every file is written atomically.
#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/experiments/experiment_runner.h"
#include "core/experiments/results_folder.h"

namespace glowscope {

/// The runner's results as the tables see them (the same as loadResultsFolder reads back).
ResultsSummary resultsSummary(const ExperimentResults& results);

void writeExperimentResults(const ExperimentResults& results, const std::filesystem::path& folder,
                            const nlohmann::json& extraMetadata = nlohmann::json::object());

}  // namespace glowscope
