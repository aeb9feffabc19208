#include "app/cli/experiment_cli.h"

#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>

#include "app/cli/cli_support.h"
#include "core/experiments/experiment_runner.h"
#include "core/experiments/experiment_trainer.h"
#include "core/experiments/results_writer.h"
#include "core/training/progress.h"
#include "core/util/errors.h"
#include "core/util/log.h"
#include "core/util/runtime.h"

namespace glowscope::cli {
namespace {

std::atomic<bool> gCancelRequested{false};

void onInterrupt(int) { gCancelRequested.store(true); }

// Progress goes to stderr as plain lines, at most one per 10 s per model (a terminal and a log
// file read the same), plus every evaluation.
void printTrainingProgress(const std::string& outputDir, const TrainingProgress& progress) {
  static auto lastPrint = std::chrono::steady_clock::time_point{};
  const auto now = std::chrono::steady_clock::now();
  if (!progress.evaluated && !progress.finished && now - lastPrint < std::chrono::seconds(10))
    return;
  lastPrint = now;
  const std::string model = std::filesystem::path(outputDir).filename().string();
  std::fprintf(stderr, "[%s] step %lld/%lld", model.c_str(), static_cast<long long>(progress.step),
               static_cast<long long>(progress.totalSteps));
  // An evaluation report carries no step losses: print only what it measured.
  if (std::isfinite(progress.loss))
    std::fprintf(stderr, "  loss %.1f  train %.3f bpd  %.0f img/s", progress.loss,
                 progress.trainBitsPerDim, progress.imagesPerSecond);
  if (std::isfinite(progress.etaSeconds) && !progress.finished)
    std::fprintf(stderr, "  ETA %.0f s", progress.etaSeconds);
  if (progress.evaluated && std::isfinite(progress.testBitsPerDim))
    std::fprintf(stderr, "  test %.3f bpd", progress.testBitsPerDim);
  if (progress.skippedSteps > 0)
    std::fprintf(stderr, "  skipped %lld", static_cast<long long>(progress.skippedSteps));
  std::fprintf(stderr, "\n");
}

}  // namespace

int runExperimentCommand(const ExperimentSpec& spec, const std::filesystem::path& outputDir,
                         int threads, const QString& commandLine) {
  configureThreads(threads);
  logger()->info("{}", describeRuntime());
  std::signal(SIGINT, onInterrupt);
  std::signal(SIGTERM, onInterrupt);
  ExperimentRunOptions options;
  options.outputDir = outputDir;
  options.trainer = makeModelTrainer(printTrainingProgress);
  options.cancel = &gCancelRequested;
  options.extraMetadata = {{"qt", qVersion()}, {"commandLine", commandLine.toStdString()}};
  options.progress = [](const std::string& stage, double) { logger()->info("{}", stage); };
  try {
    const ExperimentResults results = runExperiment(spec, options);
    std::printf("\n%s\n", metricTable(results, TableMetric::Auroc).toMarkdown().c_str());
    std::printf("%s\n", bitsPerDimTable(results).toMarkdown().c_str());
    std::printf(
        "Finished in %.0f s. Results (tables as CSV/Markdown/LaTeX, per-image scores,\n"
        "summary.json, metadata.json): %s\n",
        results.seconds, std::filesystem::absolute(outputDir).c_str());
    return kExitOk;
  } catch (const CancelledError&) {
    printError("cancelled; trained models and checkpoints are kept in " +
               QString::fromStdString(outputDir.string()) + " and a re-run continues from them");
    return kExitFailure;
  }
}

}  // namespace glowscope::cli
