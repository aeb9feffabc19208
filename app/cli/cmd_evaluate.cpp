// `glowscope-cli evaluate --experiment x.json`: train or reuse the models of an experiment, score
// the sets, write the results folder.
#include <QCommandLineParser>
#include <filesystem>

#include "app/cli/cli_support.h"
#include "app/cli/command_registry.h"
#include "app/cli/data_parallel_cli.h"
#include "app/cli/experiment_cli.h"
#include "app/cli/experiment_figures.h"
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
  const QCommandLineOption figuresOption(
      "figures", "Also write every view as figures into this folder (as `export` does).", "dir");
  parser.addOptions({experimentOption, outputOption, figuresOption});
  parser.addOptions(experimentRunOptions());
  int exitCode = kExitOk;
  if (!parseCommandLine(parser, arguments, exitCode)) return exitCode;
  if (!parser.isSet(experimentOption)) {
    printError("--experiment is required");
    return kExitUsage;
  }
  const ExperimentSpec spec =
      ExperimentSpec::fromFile(parser.value(experimentOption).toStdString());
  const std::filesystem::path output = parser.value(outputOption).toStdString();
  const int runExitCode = runExperimentCommand(spec, output, parser, arguments);
  if (runExitCode != kExitOk || !parser.isSet(figuresOption) || secondaryRank())
    return runExitCode;
  return exportExperimentFigures(output, parser.value(figuresOption).toStdString());
}

const CommandRegistrar registrar("evaluate", {"run an experiment spec and write its results",
                                              runEvaluate, makeFigureApplication});

}  // namespace
}  // namespace glowscope::cli
