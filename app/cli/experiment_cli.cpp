#include "app/cli/experiment_cli.h"

#include <spdlog/fmt/fmt.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <map>
#include <mutex>
#include <string>

#include "app/cli/cli_support.h"
#include "app/cli/data_parallel_cli.h"
#include "core/experiments/experiment_runner.h"
#include "core/experiments/experiment_trainer.h"
#include "core/experiments/results_writer.h"
#include "core/runtime/device.h"
#include "core/runtime/runtime.h"
#include "core/training/distributed.h"
#include "core/training/progress.h"
#include "core/util/errors.h"
#include "core/util/log.h"

namespace glowscope::cli {
namespace {

std::atomic<bool> gCancelRequested{false};

void onInterrupt(int) { gCancelRequested.store(true); }

const QCommandLineOption kThreadsOption("threads", "Torch threads (0 = all cores).", "n", "0");
const QCommandLineOption kParallelOption(
    "parallel-trainings",
    "Models trained at the same time, each on threads/n threads (0 = 2 on a CPU with 2 or more "
    "cores, else 1; 1 = one after the other).",
    "n", "0");

// Progress goes to stderr as plain lines, at most one per 10 s per model (a terminal and a log
// file read the same), plus every evaluation. Trainings may run side by side: one line per call.
void printTrainingProgress(const std::string& outputDir, const TrainingProgress& progress) {
  static std::mutex mutex;
  static std::map<std::string, std::chrono::steady_clock::time_point> lastPrint;
  const auto now = std::chrono::steady_clock::now();
  {
    const std::lock_guard lock(mutex);
    auto& last = lastPrint[outputDir];
    if (!progress.evaluated && !progress.finished && now - last < std::chrono::seconds(10)) return;
    last = now;
  }
  const std::string model = std::filesystem::path(outputDir).filename().string();
  std::string line = fmt::format("[{}] step {}/{}", model, progress.step, progress.totalSteps);
  // An evaluation report carries no step losses: print only what it measured.
  if (std::isfinite(progress.loss))
    line += fmt::format("  loss {:.1f}  train {:.3f} bpd  {:.0f} img/s", progress.loss,
                        progress.trainBitsPerDim, progress.imagesPerSecond);
  if (std::isfinite(progress.etaSeconds) && !progress.finished)
    line += fmt::format("  ETA {:.0f} s", progress.etaSeconds);
  if (progress.evaluated && std::isfinite(progress.testBitsPerDim))
    line += fmt::format("  test {:.3f} bpd", progress.testBitsPerDim);
  if (progress.evaluated && progress.testNonFiniteCount > 0)
    line += fmt::format(" ({} non-finite left out)", progress.testNonFiniteCount);
  if (progress.skippedSteps > 0) line += fmt::format("  skipped {}", progress.skippedSteps);
  std::fputs((line + "\n").c_str(), stderr);
}

/// --parallel-trainings and --threads as run options: auto = two lanes on a multi-core CPU.
void chooseParallelism(const QCommandLineParser& parser, ExperimentRunOptions& options) {
  const int hardware = runtimeInfo().hardwareThreads;
  const int threads = std::max(0, parser.value(kThreadsOption).toInt());
  int parallel = std::max(0, parser.value(kParallelOption).toInt());
  if (parallel == 0) parallel = preferredDeviceName() == "cpu" && hardware >= 2 ? 2 : 1;
  options.parallelTrainings = parallel;
  const int budget = threads > 0 ? threads : hardware;
  options.threadsPerTraining = parallel > 1 || threads > 0 ? std::max(1, budget / parallel) : 0;
  options.extraMetadata["parallelTrainings"] = parallel;
  options.extraMetadata["threadsPerTraining"] = options.threadsPerTraining;
  if (parallel > 1)
    logger()->info("training up to {} models at once, {} thread(s) each", parallel,
                   options.threadsPerTraining);
}

}  // namespace

QList<QCommandLineOption> experimentRunOptions() {
  return {kThreadsOption, kParallelOption, deviceOption(), processesOption()};
}

int runExperimentCommand(const ExperimentSpec& spec, const std::filesystem::path& outputDir,
                         const QCommandLineParser& parser, const QStringList& arguments) {
  const QString commandLine = arguments.join(' ');
  const std::string device =
      parser.isSet("device") ? parser.value("device").toStdString() : std::string("cpu");
  requireDeviceAvailable(device);
  const int processes = parser.isSet("nproc-per-node") ? parser.value("nproc-per-node").toInt() : 1;
  if (processes < 1) throw ConfigError("nproc-per-node", "must be 1 or more");
  if (processes > 1 && !launchedAsRank())
    return runLocalGroup(processes, parser.value(kThreadsOption).toInt(), arguments);
  configureThreads(parser.value(kThreadsOption).toInt());
  const std::shared_ptr<DataParallelGroup> group = joinGroupFromEnvironment(device);
  if (group && !group->isMain()) {  // trains what rank 0 hands out, nothing else
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    serveTrainingJobs(group, &gCancelRequested);
    return kExitOk;
  }
  logger()->info("{}", describeRuntime());
  std::signal(SIGINT, onInterrupt);
  std::signal(SIGTERM, onInterrupt);
  ExperimentRunOptions options;
  options.outputDir = outputDir;
  options.trainer = makeModelTrainer(printTrainingProgress, group);
  options.device = device;
  options.cancel = &gCancelRequested;
  options.extraMetadata = {{"qt", qVersion()}, {"commandLine", commandLine.toStdString()}};
  options.progress = [](const std::string& stage, double) { logger()->info("{}", stage); };
  chooseParallelism(parser, options);
  if (group) {  // every process takes part in each training: one at a time
    options.parallelTrainings = 1;
    options.threadsPerTraining = std::max(0, parser.value(kThreadsOption).toInt());
    options.extraMetadata["dataParallelProcesses"] = group->worldSize();
  }
  try {
    const ExperimentResults results = runExperiment(spec, options);
    if (group) finishTrainingJobs(*group);
    const ResultsSummary summary = resultsSummary(results);
    std::printf("\n%s\n", metricTable(summary, TableMetric::Auroc).toMarkdown().c_str());
    std::printf("%s\n", bitsPerDimTable(summary).toMarkdown().c_str());
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
