// `glowscope-cli train --config run.json [--set key=value]... [flags]`: trains a flow as the JSON
// (docs/training-config.md) says. Every config problem is reported, naming the field, before
// the first step; Ctrl-C stops after the current step and leaves a resumable checkpoint.
#include <unistd.h>
#include <QCommandLineParser>
#include <atomic>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <thread>

#include "app/cli/cli_support.h"
#include "app/cli/command_registry.h"
#include "app/cli/data_parallel_cli.h"
#include "core/project/project_file.h"
#include "core/training/distributed.h"
#include "core/training/trainer.h"
#include "core/util/atomic_file.h"
#include "core/util/errors.h"
#include "core/util/log.h"

namespace glowscope::cli {
namespace {

std::atomic<bool> interruptRequested{false};
extern "C" void onInterrupt(int) { interruptRequested.store(true); }

/// Named flags and the config field each one sets (they are applied as --set overrides).
struct FlagField {
  const char* flag;
  const char* field;
  const char* help;
};
constexpr FlagField kFlagFields[] = {
    {"train-set", "trainSet", "training set by registry name"},
    {"test-set", "testSet", "test set for periodic bpd"},
    {"outlier-set", "outlierSet", "outlier set for the outlier/margin losses"},
    {"general-model", "generalModel", "general model file (frozen)"},
    {"init-from", "initFrom", "model or checkpoint to fine-tune"},
    {"freeze-scales", "freezeScales", "freeze the first n scales"},
    {"steps", "steps", "optimiser steps"},
    {"epochs", "epochs", "epochs (when steps is 0)"},
    {"batch", "batchSize", "batch size"},
    {"seed", "seed", "torch/noise seed"},
    {"data-seed", "dataSeed", "data order seed"},
    {"threads", "threads", "torch threads (0 = all cores; split between processes)"},
    {"device", "device", "cpu, cuda or cuda:N (a GPU needs a CUDA LibTorch)"},
    {"output", "outputDir", "output folder"},
    {"lr", "optimizer.learningRate", "learning rate"},
};

std::string formatDuration(double seconds) {
  if (!std::isfinite(seconds)) return "?";
  const long total = std::lround(seconds);
  char text[32];
  if (total >= 3600)
    std::snprintf(text, sizeof text, "%ldh%02ldm", total / 3600, (total / 60) % 60);
  else
    std::snprintf(text, sizeof text, "%ldm%02lds", total / 60, total % 60);
  return text;
}

std::string progressLine(const TrainingProgress& p) {
  char text[256];
  std::snprintf(text, sizeof text, "step %lld/%lld loss %.4g bpd %.3f lr %.2e %.1f img/s ETA %s",
                static_cast<long long>(p.step), static_cast<long long>(p.totalSteps), p.loss,
                p.trainBitsPerDim, p.learningRate, p.imagesPerSecond,
                formatDuration(p.etaSeconds).c_str());
  std::string line = text;
  if (std::isfinite(p.outlierLoss)) line += " outlier " + std::to_string(p.outlierLoss);
  if (std::isfinite(p.marginLoss)) line += " margin " + std::to_string(p.marginLoss);
  if (std::isfinite(p.supervisedLoss)) line += " wrong-class " + std::to_string(p.supervisedLoss);
  if (p.skippedSteps + p.droppedSamples + p.rollbacks > 0)
    line += " | skipped " + std::to_string(p.skippedSteps) + " dropped " +
            std::to_string(p.droppedSamples) + " rollbacks " + std::to_string(p.rollbacks);
  return line;
}

/// A bar redrawn in place on a terminal, plain lines otherwise (logs, CI).
class ProgressPrinter {
 public:
  ProgressPrinter() : terminal_(isatty(fileno(stderr)) != 0) {}
  void operator()(const TrainingProgress& p) {
    if (p.failed) return;  // the command reports the error itself
    for (const NanEvent& event : p.newEvents)
      printLine("step " + std::to_string(event.step) + ": " + nanEventKindName(event.kind) + ": " +
                event.detail);
    if (p.evaluated) {
      std::string line =
          "eval step " + std::to_string(p.step) + ": test bpd " + std::to_string(p.testBitsPerDim);
      if (p.testNonFiniteCount > 0)
        line += " (" + std::to_string(p.testNonFiniteCount) + " non-finite left out)";
      if (std::isfinite(p.testBitsPerDimTrainedWeights))
        line += " (weight average; current weights " +
                std::to_string(p.testBitsPerDimTrainedWeights) + ")";
      for (const auto& [name, value] : p.aurocByOodSet)
        line += ", AUROC vs " + name + " " + std::to_string(value);
      for (const auto& [name, value] : p.ratioAurocByOodSet)
        line += ", ratio AUROC vs " + name + " " + std::to_string(value);
      printLine(line);
    }
    if (!p.message.empty()) printLine(p.message);
    if (p.started) return;  // no step trained yet: nothing to show in a progress line
    if (terminal_ && !p.finished && !p.cancelled) {
      const int width = 24;
      const int filled = p.totalSteps > 0 ? static_cast<int>(width * p.step / p.totalSteps) : 0;
      std::fprintf(stderr, "\r[%s%s] %s\033[K", std::string(filled, '#').c_str(),
                   std::string(width - filled, '.').c_str(), progressLine(p).c_str());
      std::fflush(stderr);
      barShown_ = true;
    } else if (!terminal_ && !p.finished && !p.cancelled) {
      std::fprintf(stderr, "%s\n", progressLine(p).c_str());
    }
  }

 private:
  void printLine(const std::string& line) {
    if (barShown_) std::fputs("\r\033[K", stderr);
    std::fprintf(stderr, "%s\n", line.c_str());
    barShown_ = false;
  }
  bool terminal_;
  bool barShown_ = false;
};

/// The config JSON from --config plus every override, parsed and validated (throws ConfigError).
TrainingConfig buildConfig(const QCommandLineParser& parser, const QCommandLineOption& configOption,
                           const QCommandLineOption& setOption,
                           const QCommandLineOption& resumeOption) {
  nlohmann::json json = nlohmann::json::object();
  if (parser.isSet("project")) {  // a run the GUI recorded in a project (core/project)
    const std::filesystem::path project = parser.value("project").toStdString();
    json = runTrainingConfig(loadProject(project), projectFolderOf(project),
                             parser.value("run").toStdString());
  } else if (parser.isSet(configOption)) {
    const std::string path = parser.value(configOption).toStdString();
    try {
      json = nlohmann::json::parse(readWholeFile(path));
    } catch (const nlohmann::json::parse_error& error) {
      throw FileError(path, std::string("not valid JSON: ") + error.what());
    }
  }
  for (const FlagField& flag : kFlagFields)
    if (parser.isSet(flag.flag))
      applyConfigOverride(json,
                          std::string(flag.field) + "=" + parser.value(flag.flag).toStdString());
  for (const QString& assignment : parser.values(setOption))
    applyConfigOverride(json, assignment.toStdString());
  if (parser.isSet(resumeOption)) json["resume"] = true;
  TrainingConfig config = TrainingConfig::fromJson(json);
  config.validate();
  return config;
}

int runTrain(const QStringList& arguments) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      "Train a flow model (maximum likelihood, outlier, margin, supervised or Diff† losses).\n"
      "The JSON schema is in docs/training-config.md; flags override its fields.");
  const QCommandLineOption configOption("config", "Training config JSON.", "file");
  const QCommandLineOption setOption("set", "Override a field, e.g. optimizer.learningRate=1e-4.",
                                     "key=value");
  const QCommandLineOption resumeOption("resume", "Continue from the output folder's checkpoint.");
  const QCommandLineOption checkOption("check", "Validate the config and data, then stop.");
  parser.addOptions({configOption, setOption, resumeOption, checkOption, processesOption()});
  parser.addOptions({{"project", "Train a run recorded in this project (with --run).", "folder"},
                     {"run", "The project's run to train.", "name"}});
  for (const FlagField& flag : kFlagFields)
    parser.addOption(
        QCommandLineOption(flag.flag, QString(flag.help) + " (" + flag.field + ")", "value"));
  int exitCode = kExitOk;
  if (!parseCommandLine(parser, arguments, exitCode)) return exitCode;
  if (!parser.isSet(configOption) && !parser.isSet("train-set") && !parser.isSet("project")) {
    printError("give --config run.json (or at least --train-set and --output)");
    return kExitUsage;
  }
  std::unique_ptr<Trainer> trainer;
  std::shared_ptr<DataParallelGroup> group;
  try {
    const TrainingConfig config = buildConfig(parser, configOption, setOption, resumeOption);
    const int processes = parser.isSet("nproc-per-node")
                              ? parser.value("nproc-per-node").toInt()
                              : config.processes;
    if (processes < 1) throw ConfigError("nproc-per-node", "must be 1 or more");
    if (processes > 1 && !launchedAsRank() && !parser.isSet(checkOption))
      return runLocalGroup(processes, config.threads, arguments);
    group = joinGroupFromEnvironment(config.device);
    trainer = std::make_unique<Trainer>(config, group);
  } catch (const ConfigError& error) {
    printError(QString::fromStdString(error.what()));
    return kExitUsage;
  }
  const bool main = !group || group->isMain();
  if (parser.isSet(checkOption)) {
    std::printf("config OK: %lld steps, output %s\n", static_cast<long long>(trainer->totalSteps()),
                trainer->config().outputDir.string().c_str());
    return kExitOk;
  }
  TrainingControl control;
  interruptRequested.store(false);
  std::signal(SIGINT, onInterrupt);
  std::signal(SIGTERM, onInterrupt);
  std::atomic<bool> done{false};
  std::thread watcher([&] {  // a signal handler may only set a flag; this thread relays it
    while (!done.load()) {
      if (interruptRequested.load()) control.requestCancel();
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  });
  ProgressPrinter printer;
  TrainingResult result;
  try {
    result = trainer->run(
        [&](const TrainingProgress& progress) {
          if (main) printer(progress);  // rank 0 speaks for the group
        },
        &control);
  } catch (...) {
    done.store(true);
    watcher.join();
    throw;
  }
  done.store(true);
  watcher.join();
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  if (main)
    std::printf("%s after %lld steps; checkpoint %s%s%s\n", result.cancelled ? "stopped" : "done",
              static_cast<long long>(result.steps), result.lastCheckpoint.string().c_str(),
              result.modelFile.empty() ? "" : "; model ", result.modelFile.string().c_str());
  return result.cancelled ? kExitFailure : kExitOk;
}

const CommandRegistrar registrar("train", {"train a flow model from a JSON config", runTrain});

}  // namespace
}  // namespace glowscope::cli
