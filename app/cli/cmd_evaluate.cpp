// `glowscope-cli evaluate --experiment x.json`: train or reuse the models of an experiment, score
// the sets, write the results folder.
#include <QCommandLineParser>

#include "app/cli/cli_support.h"
#include "app/cli/command_registry.h"
#include "app/cli/experiment_cli.h"
#include "core/experiments/experiment_spec.h"

namespace glowscope::cli {
namespace {

int runEvaluate(const QStringList& arguments) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      "Run an experiment (docs/experiments.md): train or reuse its models, score the sets, and "
      "write AUROC/AUPR/FPR tables, per-image scores and metadata into the output folder.");
  const QCommandLineOption experimentOption("experiment", "Experiment spec (JSON).", "file");
  const QCommandLineOption outputOption("output", "Results folder.", "dir", "results/experiment");
  const QCommandLineOption threadsOption("threads", "Torch threads (0 = all cores).", "n", "0");
  parser.addOptions({experimentOption, outputOption, threadsOption});
  int exitCode = kExitOk;
  if (!parseCommandLine(parser, arguments, exitCode)) return exitCode;
  if (!parser.isSet(experimentOption)) {
    printError("--experiment is required");
    return kExitUsage;
  }
  const ExperimentSpec spec =
      ExperimentSpec::fromFile(parser.value(experimentOption).toStdString());
  return runExperimentCommand(spec, parser.value(outputOption).toStdString(),
                              parser.value(threadsOption).toInt(), arguments.join(' '));
}

const CommandRegistrar registrar("evaluate",
                                 {"run an experiment spec and write its results", runEvaluate});

}  // namespace
}  // namespace glowscope::cli
