// `glowscope-cli export`: every view of a results folder (tables, histograms, ROC curves, scatter
// plots, correlation heat map) as publication files, without a display (widgets/views/
// batch_export.h, the same files as the GUI's File > Export All Views…).
#include <QCommandLineParser>
#include <QDir>
#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdio>

#include "app/cli/cli_support.h"
#include "app/cli/command_registry.h"
#include "app/cli/experiment_figures.h"
#include "core/experiments/results_folder.h"
#include "core/util/errors.h"
#include "widgets/views/batch_export.h"

namespace glowscope::cli {
namespace {

std::atomic<bool> cancelRequested{false};
void requestCancel(int) { cancelRequested = true; }

double positiveNumber(const QCommandLineParser& parser, const QString& name) {
  bool ok = false;
  const double value = parser.value(name).toDouble(&ok);
  if (!ok || !(value > 0)) throw ConfigError(name.toStdString(), "must be a number > 0");
  return value;
}

LegendPlacement legendPlacement(const QString& name) {
  const QString lower = name.toLower();
  if (lower == "auto") return LegendPlacement::Auto;
  if (lower == "inside") return LegendPlacement::Inside;
  if (lower == "below") return LegendPlacement::Below;
  if (lower == "right") return LegendPlacement::Right;
  if (lower == "off") return LegendPlacement::Off;
  throw ConfigError("legend", "'" + name.toStdString() + "' (use auto, inside, below, right, off)");
}

// Everything but the folder's contents; ConfigError for bad values (exit code 2).
BatchExportOptions readOptions(const QCommandLineParser& parser) {
  BatchExportOptions options;
  setExportFormats(parser.value("formats"), options);
  options.figure.widthMm = positiveNumber(parser, "width-mm");
  options.figure.heightMm = positiveNumber(parser, "height-mm");
  options.figure.dpi = static_cast<int>(positiveNumber(parser, "dpi"));
  if (options.figure.dpi < 1) throw ConfigError("dpi", "must be an integer >= 1");
  options.figure.fontPt = positiveNumber(parser, "font-pt");
  if (options.figure.fontPt < 4 || options.figure.fontPt > 24)
    throw ConfigError("font-pt", "must lie in [4, 24]");
  options.figure.legend = legendPlacement(parser.value("legend"));
  options.figure.title = !parser.isSet("no-title");
  options.overwrite = parser.isSet("force");
  if (parser.isSet("seed")) {
    bool ok = false;
    options.seed = parser.value("seed").toULongLong(&ok);
    if (!ok) throw ConfigError("seed", "must be a non-negative integer");
  }
  options.cancel = &cancelRequested;
  options.progress = [](int done, int total, const QString& what) {
    if (done < total) std::fprintf(stderr, "  [%2d/%d] %s\n", done + 1, total, qPrintable(what));
  };
  return options;
}

void addOptions(QCommandLineParser& parser) {
  parser.setApplicationDescription(
      "Write every view of an experiment's results folder into a folder: the metric tables "
      "(CSV, Markdown, LaTeX), per score its histogram and ROC curves, score-vs-score scatter "
      "plots and the Spearman heat map, each figure with its data as CSV, and index.md.");
  parser.addOption({"results", "The results folder (summary.json inside).", "folder"});
  parser.addOption({"out", "Folder for the files (created if missing).", "dir"});
  parser.addOption({"formats", "Figure formats and data CSVs.", "list", "png,svg,pdf,csv"});
  parser.addOption({"width-mm", "Figure width in mm.", "mm", "120"});
  parser.addOption({"height-mm", "Figure height in mm.", "mm", "80"});
  parser.addOption({"dpi", "PNG resolution.", "dpi", "300"});
  parser.addOption({"font-pt", "Font size of axis labels and title in pt (ticks and legend one "
                               "pt smaller); 7-9 suit a paper.", "pt", "8"});
  parser.addOption({"legend", "Legend: auto (inside where it covers no data, else below), "
                              "inside, below, right or off.", "where", "auto"});
  parser.addOption({"no-title", "Leave the plots' title lines out."});
  parser.addOption({"force", "Write into a folder that already holds files (same names are "
                             "replaced); without it such a folder is refused."});
  parser.addOption({"seed", "Seed whose per-image scores are drawn (default: the first).", "n"});
}

int runExport(const QStringList& arguments) {
  QCommandLineParser parser;
  addOptions(parser);
  int exitCode = kExitOk;
  if (!parseCommandLine(parser, arguments, exitCode)) return exitCode;
  BatchExportOptions options;
  try {
    for (const char* required : {"results", "out"})
      if (parser.value(required).isEmpty())
        throw ConfigError(required, "is required (--" + std::string(required) + ")");
    options = readOptions(parser);
  } catch (const ConfigError& error) {
    printError(QString::fromUtf8(error.what()));
    return kExitUsage;
  }
  const ResultsFolder results =
      loadResultsFolder(parser.value("results").toStdString());  // FileError: 1
  if (options.seed &&
      std::find(results.seeds.begin(), results.seeds.end(), *options.seed) == results.seeds.end()) {
    printError(QString("--seed %1: not a seed of %2")
                   .arg(*options.seed)
                   .arg(QString::fromStdString(results.path.string())));
    return kExitUsage;
  }
  std::signal(SIGINT, requestCancel);
  const QString outDir = QDir(parser.value("out")).absolutePath();
  const BatchExportResult result = exportAllViews(results, outDir, options);
  for (const QString& file : result.files) std::printf("%s\n", qPrintable(file));
  if (!result.error.isEmpty()) {
    printError(result.error);
    return kExitFailure;
  }
  if (result.cancelled) {
    printError(QString("cancelled; %1 files written to %2").arg(result.files.size()).arg(outDir));
    return kExitFailure;
  }
  std::fprintf(stderr, "%lld files written to %s (index: %s)\n",
               static_cast<long long>(result.files.size()), qPrintable(outDir),
               qPrintable(QDir(outDir).filePath("index.md")));
  return kExitOk;
}

const CommandRegistrar registrar("export", {"write every view of a results folder as figures "
                                            "and tables",
                                            runExport, makeFigureApplication});

}  // namespace
}  // namespace glowscope::cli
