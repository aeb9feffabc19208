#pragma once
// Figures of a results folder written right after an experiment (`demo`, `evaluate --figures`):
// the same files as `glowscope-cli export`. Builds without the GUI libraries have no views to
// render and say so instead.
#include <QCoreApplication>
#include <filesystem>
#include <memory>

namespace glowscope::cli {

/// A QApplication on the offscreen platform unless QT_QPA_PLATFORM says otherwise (the views are
/// widgets; rendering needs no display), or a QCoreApplication in builds without the views.
std::unique_ptr<QCoreApplication> makeFigureApplication(int& argc, char** argv);

/// Writes every view of `resultsDir` (tables, histograms, ROC curves, scatter plots, the
/// correlation heat map; PNG, SVG and PDF with their data as CSV, and index.md) into
/// `figuresDir`, or when that already holds files into the first `figuresDir-N` that does not
/// (never over earlier figures), and prints where they went. Returns the exit code; needs makeFigureApplication's
/// application.
int exportExperimentFigures(const std::filesystem::path& resultsDir,
                            const std::filesystem::path& figuresDir);

}  // namespace glowscope::cli
