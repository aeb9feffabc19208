#pragma once
// The results folder of an experiment:
//   auroc.{csv,md,tex} aupr-in.* aupr-out.* fpr95.*   tables: rows = OOD sets, columns = scores,
//                                                     mean ± sd over seeds, best per row in bold
//   bits-per-dim.{csv,md}                             mean test bits/dim of every model on every
//   set scores/<set>-seed<s>.csv                          per-image values of every score
//   summary.json                                      every metric per seed, intervals, aggregates
//   metadata.json                                     versions, spec, seeds, data fingerprints
// Every file is written atomically.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "core/experiments/experiment_runner.h"
#include "core/metrics/results_table.h"

namespace glowscope {

/// Which metric of ScoreMetrics a table shows.
enum class TableMetric { Auroc, AuprIn, AuprOut, FprAt95 };

/// One metric over (OOD set × score), mean ± sd across seeds, the convention in its header.
ResultsTable metricTable(const ExperimentResults& results, TableMetric metric);
/// Mean bits/dim (over seeds) of every model (rows) on every set (columns).
ResultsTable bitsPerDimTable(const ExperimentResults& results);

/// A name usable as a file or folder name: every character other than letters, digits, '-' and
/// '_' becomes '_' (set names like "mnist:test", model folders like "conv-seed0").
std::string fileSafeName(const std::string& text);

void writeExperimentResults(const ExperimentResults& results, const std::filesystem::path& folder,
                            const nlohmann::json& extraMetadata = nlohmann::json::object());

}  // namespace glowscope
