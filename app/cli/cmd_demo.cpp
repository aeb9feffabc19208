// `glowscope-cli demo`: the main job, the default experiment on the embedded real data
// (resources/experiments/default.json, compiled in).
#include <QCommandLineParser>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "app/cli/cli_support.h"
#include "app/cli/command_registry.h"
#include "app/cli/data_parallel_cli.h"
#include "app/cli/experiment_cli.h"
#include "app/cli/experiment_figures.h"
#include "core/experiments/default_experiment.h"
#include "core/experiments/experiment_spec.h"

namespace glowscope::cli {
namespace {

int runDemo(const QStringList& arguments) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      "Run the default experiment (the README's main job): Fashion-MNIST in-distribution vs "
      "MNIST and held-out photo crops, with conv, dense, general, fine-tuned and outlier-loss "
      "Glows.");
  const QCommandLineOption outputOption(
      "output", "Results folder (its figures go to <dir>/figures).", "dir", "results/default");
  const QCommandLineOption printOption("print-spec", "Print the experiment spec and exit.");
  parser.addOptions({outputOption, printOption});
  parser.addOptions(experimentRunOptions());
  int exitCode = kExitOk;
  if (!parseCommandLine(parser, arguments, exitCode)) return exitCode;
  const ExperimentSpec spec =
      ExperimentSpec::fromJson(nlohmann::json::parse(kDefaultExperimentJson));
  if (parser.isSet(printOption)) {
    std::printf("%s\n", spec.toJson().dump(2).c_str());
    return kExitOk;
  }
  const std::filesystem::path output = parser.value(outputOption).toStdString();
  const int runExitCode = runExperimentCommand(spec, output, parser, arguments);
  if (runExitCode != kExitOk || secondaryRank()) return runExitCode;
  return exportExperimentFigures(output, output / "figures");
}

const CommandRegistrar registrar("demo", {"run the default experiment (the main job)", runDemo,
                                          makeFigureApplication});

}  // namespace
}  // namespace glowscope::cli
