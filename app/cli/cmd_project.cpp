// `glowscope-cli project info|runs|train --project <folder> [--run NAME]`: the project the GUI
// writes, read headless. `train` reproduces (or resumes) a run exactly as the GUI started it.
#include <QCommandLineParser>
#include <cmath>
#include <csignal>
#include <cstdio>

#include "app/cli/cli_support.h"
#include "app/cli/command_registry.h"
#include "core/project/project_file.h"
#include "core/training/trainer.h"
#include "core/util/errors.h"

namespace glowscope::cli {
namespace {

TrainingControl* activeControl = nullptr;

void printInfo(const Project& project, const std::filesystem::path& folder) {
  std::printf("project:      %s\n", project.name.c_str());
  std::printf("file:         %s\n", projectFilePath(folder).string().c_str());
  std::printf("datasets:     %zu\n", project.datasets.size());
  for (const std::string& spec : project.datasets) std::printf("  %s\n", spec.c_str());
  std::printf("runs:         %zu\n", project.runs.size());
  std::printf("models:       %zu\n", project.models.size());
  for (const ProjectModel& model : project.models)
    std::printf("  %s  %s  (%s)\n", model.name.c_str(), model.file.string().c_str(),
                model.role.c_str());
  std::printf("experiments:  %zu\n", project.experiments.size());
}

void printRuns(const Project& project) {
  std::printf("%-24s %-10s %8s %10s  %s\n", "run", "status", "steps", "test bpd", "train set");
  for (const ProjectRun& run : project.runs) {
    const std::string trainSet = run.config.value("trainSet", "");
    std::printf("%-24s %-10s %8lld %10.4f  %s\n", run.name.c_str(), run.status.c_str(),
                static_cast<long long>(run.steps), run.testBitsPerDim, trainSet.c_str());
  }
}

int trainRun(Project project, const std::filesystem::path& folder, const std::string& runName,
             bool resume) {
  const ProjectRun* found = project.findRun(runName);
  if (!found) {
    printError(QString("project has no run named '%1'").arg(QString::fromStdString(runName)));
    return kExitUsage;
  }
  ProjectRun run = *found;
  TrainingConfig config = TrainingConfig::fromJson(runTrainingConfig(project, folder, runName));
  config.resume = resume;
  config.validate();
  Trainer trainer(config);
  TrainingControl control;
  activeControl = &control;
  std::signal(SIGINT, [](int) {
    if (activeControl) activeControl->requestCancel();
  });
  const TrainingResult result = trainer.run(
      [](const TrainingProgress& progress) {
        std::printf("step %lld/%lld  loss %.4f  train bpd %.4f  %.0f img/s%s\n",
                    static_cast<long long>(progress.step),
                    static_cast<long long>(progress.totalSteps), progress.loss,
                    progress.trainBitsPerDim, progress.imagesPerSecond,
                    progress.evaluated ? "  (evaluated)" : "");
        std::fflush(stdout);
      },
      &control);
  activeControl = nullptr;
  run.steps = result.steps;
  run.status = result.cancelled ? "cancelled" : "finished";
  if (std::isfinite(result.testBitsPerDim)) run.testBitsPerDim = result.testBitsPerDim;
  project.upsertRun(run);
  saveProject(project, folder);
  std::printf("%s after %lld steps; model: %s\n", run.status.c_str(),
              static_cast<long long>(result.steps), result.modelFile.string().c_str());
  return kExitOk;
}

int runProject(const QStringList& arguments) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      "Inspect a Glowscope project or run one of its training runs.\n"
      "  info   datasets, runs, models, experiments\n"
      "  runs   table of runs with status, steps, test bits/dim\n"
      "  train  train the run named by --run with its stored config (Ctrl-C stops with a "
      "resumable checkpoint; --resume continues it)");
  parser.addPositionalArgument("action", "info | runs | train");
  const QCommandLineOption projectOption("project", "Project folder or project file.", "path");
  const QCommandLineOption runOption("run", "Run name (train).", "name");
  const QCommandLineOption resumeOption("resume", "Continue from the run's latest checkpoint.");
  parser.addOptions({projectOption, runOption, resumeOption});
  int exitCode = kExitOk;
  if (!parseCommandLine(parser, arguments, exitCode)) return exitCode;
  const QStringList positional = parser.positionalArguments();
  if (positional.size() != 1 || !parser.isSet(projectOption)) {
    printError("usage: glowscope-cli project info|runs|train --project <folder> [--run NAME]");
    return kExitUsage;
  }
  const std::filesystem::path path = parser.value(projectOption).toStdString();
  const std::filesystem::path folder = projectFolderOf(path);
  try {
    const Project project = loadProject(path);
    const QString action = positional.front();
    if (action == "info")
      printInfo(project, folder);
    else if (action == "runs")
      printRuns(project);
    else if (action == "train")
      return trainRun(project, folder, parser.value(runOption).toStdString(),
                      parser.isSet(resumeOption));
    else {
      printError("unknown action " + action + " (info | runs | train)");
      return kExitUsage;
    }
  } catch (const Error& error) {
    printError(QString::fromStdString(error.what()));
    return kExitFailure;
  }
  return kExitOk;
}

const CommandRegistrar registrar("project",
                                 {"inspect a project or train one of its runs", runProject});

}  // namespace
}  // namespace glowscope::cli
