#include "app/cli/experiment_figures.h"

#include <QApplication>
#include <QDir>
#include <cstdio>

#include "app/cli/cli_support.h"
#include "core/experiments/results_folder.h"
#include "widgets/views/batch_export.h"

namespace glowscope::cli {

std::unique_ptr<QCoreApplication> makeFigureApplication(int& argc, char** argv) {
  // Without this, a set but unreachable DISPLAY would abort the command.
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  return std::make_unique<QApplication>(argc, argv);
}

namespace {

bool holdsFiles(const QString& folder) {
  return !QDir(folder).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty();
}

// The wanted folder when it is empty or missing, else the first wanted-N that is.
QString freshFiguresFolder(const QString& wanted) {
  QString folder = wanted;
  for (int n = 2; holdsFiles(folder); ++n) folder = wanted + '-' + QString::number(n);
  return folder;
}

}  // namespace

int exportExperimentFigures(const std::filesystem::path& resultsDir,
                            const std::filesystem::path& figuresDir) {
  const QString wanted = QDir(QString::fromStdString(figuresDir.string())).absolutePath();
  // A finished run never replaces figures written (and perhaps edited) before: a rerun into the
  // same results folder writes figures-2, figures-3, ...
  const QString outDir = freshFiguresFolder(wanted);
  if (outDir != wanted)
    std::printf("%s already holds files: the figures go to %s\n", qPrintable(wanted),
                qPrintable(outDir));
  try {
    const ResultsFolder results = loadResultsFolder(resultsDir);
    const BatchExportResult written = exportAllViews(results, outDir);
    if (!written.ok()) {
      printError("figures: " + (written.error.isEmpty() ? QString("cancelled") : written.error));
      return kExitFailure;
    }
    std::printf(
        "Figures (histograms, ROC curves, scatter plots, correlations as PNG/SVG/PDF with\n"
        "their data as CSV; %lld files, captions in index.md): %s\n",
        static_cast<long long>(written.files.size()), qPrintable(outDir));
    return kExitOk;
  } catch (const std::exception& error) {
    printError(QString("figures: ") + error.what());
    return kExitFailure;
  }
}

}  // namespace glowscope::cli
