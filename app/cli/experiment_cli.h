#pragma once
#include <QString>
#include <filesystem>

namespace glowscope {
struct ExperimentSpec;
}

namespace glowscope::cli {

/// Runs an experiment with the real trainer, printing progress lines to stderr, then the AUROC
/// and bits/dim tables to stdout and where the results went. Ctrl-C stops cleanly (models
/// trained so far and checkpoints are kept; a re-run continues). Returns the exit code.
int runExperimentCommand(const ExperimentSpec& spec, const std::filesystem::path& outputDir,
                         int threads, const QString& commandLine);

}  // namespace glowscope::cli
