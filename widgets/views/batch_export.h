#pragma once
// Every view of an experiment's results folder as publication files in one go: the metric tables
// (CSV, Markdown, LaTeX, exactly as the table view copies them), per score its histogram and ROC
// curves, score-vs-score scatter plots, the Spearman heat map; each figure in the chosen formats
// with its data as CSV beside, and an index.md with a caption per file. Used by File > Export All
// Views… and `glowscope-cli export`.
#include <QList>
#include <QString>
#include <QStringList>
#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>

#include "core/experiments/results_folder.h"
#include "widgets/views/plot_export.h"

namespace glowscope {

/// PNG, SVG, PDF.
QList<FigureFormat> allFigureFormats();

struct BatchExportOptions {
  /// Size in mm and PNG resolution of every figure.
  FigureOptions figure;
  QList<FigureFormat> formats = allFigureFormats();
  /// Each figure's data (plotDataCsv) as <figure>.csv beside it.
  bool dataCsv = true;
  /// The seed whose per-image scores are drawn; default: the folder's first seed. (The tables
  /// are over all seeds, as in the folder.)
  std::optional<std::uint64_t> seed;
  /// Before each step (a table set, a figure in every format, the index): steps done, steps in
  /// all, what comes next. Called with (steps, steps, ...) at the end.
  std::function<void(int done, int total, const QString& what)> progress;
  /// Write into a folder that already holds files (replacing those with the same names). Off:
  /// a folder that is not empty is refused before anything is written.
  bool overwrite = false;
  /// Checked before each step; the files written so far stay.
  const std::atomic<bool>* cancel = nullptr;
};

struct BatchExportResult {
  QStringList files;  ///< absolute paths, in the order written; index.md last
  bool cancelled = false;
  QString error;  ///< what failed (e.g. an unwritable folder); empty when nothing did
  bool ok() const { return !cancelled && error.isEmpty(); }
};

/// Writes every view of `results` for one seed into `outDir` (created when missing; refused
/// when it holds files, unless options.overwrite). Never
/// throws: failures and cancellation are in the result. Runs on the GUI thread of a
/// QApplication (the figures are QCustomPlot widgets, laid out but never shown); the plot style
/// is the shared one (PlotStyle::fromDefaultSettings), like the views on screen.
BatchExportResult exportAllViews(const ResultsFolder& results, const QString& outDir,
                                 const BatchExportOptions& options = {});

/// A name usable in file names: every run of characters other than [A-Za-z0-9_-] becomes one
/// '_', none at either end ("Raw (conv)" -> "Raw_conv"); "figure" when nothing is left.
QString fileSafeStem(const QString& name);

/// Sets options' formats and dataCsv from a list such as "png,svg,pdf,csv" (case-insensitive,
/// at least one entry). Throws ConfigError naming an unknown entry.
void setExportFormats(const QString& list, BatchExportOptions& options);

/// "png", "svg" or "pdf".
QString figureFormatSuffix(FigureFormat format);

}  // namespace glowscope
