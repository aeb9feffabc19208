#pragma once
#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QString>
#include <filesystem>

namespace glowscope {
struct ExperimentSpec;
}

namespace glowscope::cli {

/// The options of `demo` and `evaluate` that say how to run: --threads, --parallel-trainings,
/// --device, --nproc-per-node.
QList<QCommandLineOption> experimentRunOptions();

/// Runs an experiment with the real trainer (the options above read from `parser`), printing
/// progress lines to stderr, then the AUROC and bits/dim tables to stdout and where the results
/// went. Ctrl-C stops cleanly (models trained so far and checkpoints are kept; a re-run
/// continues). With --nproc-per-node N (or under torchrun) the trainings are data-parallel:
/// rank 0 runs the experiment, the other processes only train with it. `arguments` are the
/// command's own. Returns the exit code.
int runExperimentCommand(const ExperimentSpec& spec, const std::filesystem::path& outputDir,
                         const QCommandLineParser& parser, const QStringList& arguments);

}  // namespace glowscope::cli
