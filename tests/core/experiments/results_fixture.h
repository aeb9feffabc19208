#pragma once
// A small experiment's results as the runner returns them, written by the results writer: the
// folder the reader tests, the results browser tests and the export tests open. Two seeds, OOD
// sets "b:test" and "a:test" (spec order, not alphabetical), two scores, non-finite values.
#include <filesystem>
#include <limits>

#include "core/experiments/experiment_runner.h"
#include "core/experiments/results_writer.h"

namespace glowscope::testing {

inline OodMetrics tinyMetrics(double auroc, double auprIn, double auprOut, double fpr) {
  OodMetrics metrics;
  metrics.auroc = auroc;
  metrics.auprIn = auprIn;
  metrics.auprOut = auprOut;
  metrics.fprAtTpr = fpr;
  return metrics;
}

inline ExperimentResults tinyExperimentResults() {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  ExperimentResults results;
  ExperimentSpec& spec = results.spec;
  spec.name = "tiny";
  spec.inDistribution = "in:test";
  spec.oodSets = {"b:test", "a:test"};
  spec.seeds = {0, 1};
  spec.models = {{"m", "Model m", "m.glow", {}, false}, {"g", "General", "g.glow", {}, true}};
  spec.scores = {{"Raw, x", ScoreKind::Raw, "m", "", 0}, {"Diff", ScoreKind::Ratio, "m", "g", 0}};
  for (const std::uint64_t seed : spec.seeds) {
    SeedResults& s = results.seeds.emplace_back();
    s.seed = seed;
    s.scoreValues["in:test"] = {{"Raw, x", {5, 6, 7}}, {"Diff", {1, 2, nan}}};
    s.scoreValues["a:test"] = {{"Raw, x", {1, 2}}, {"Diff", {-inf, 3}}};
    s.scoreValues["b:test"] = {{"Raw, x", {3}}, {"Diff", {4}}};
    s.metrics["a:test"]["Raw, x"].metrics = tinyMetrics(seed == 0 ? 0.6 : 0.8, 0.5, 0.4, 0.9);
    s.metrics["a:test"]["Diff"].metrics = tinyMetrics(seed == 0 ? 0.9 : 0.7, 0.8, 0.7, 0.3);
    s.metrics["b:test"]["Raw, x"].metrics = tinyMetrics(0.8, 0.5, 0.4, 0.2);
    s.metrics["b:test"]["Diff"].metrics = tinyMetrics(0.7, 0.8, 0.7, 0.6);
    s.bitsPerDim["m"] = {{"in:test", seed == 0 ? 3.0 : 3.2}, {"a:test", nan}};
    s.bitsPerDim["g"] = {{"in:test", 4.0}};
  }
  results.seeds[0].metrics["a:test"]["Raw, x"].aurocInterval =
      BootstrapInterval{0.6, 0.5, 0.7, 0.95, 1000};
  return results;
}

inline void writeTinyResultsFolder(const std::filesystem::path& folder) {
  writeExperimentResults(tinyExperimentResults(), folder);
}

}  // namespace glowscope::testing
