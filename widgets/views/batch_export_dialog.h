#pragma once
// File > Export All Views…: asks for the folder, formats, seed and figure size (the shared
// FigureOptionsDialog settings), writes every view with a progress dialog and says where the
// files went.
#include <QDialog>

#include "widgets/views/batch_export.h"

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace glowscope {

class BatchExportDialog : public QDialog {
  Q_OBJECT
 public:
  /// Starts with the last folder used for these results (else <results>/figures) and the
  /// figure size of the plots' "Export figure…" (QSettings "PlotExport/...").
  explicit BatchExportDialog(const ResultsFolder& results, QWidget* parent = nullptr);

  QString outDir() const;
  void setOutDir(const QString& folder);
  /// Formats, dataCsv, seed and figure size as chosen (no progress or cancel).
  BatchExportOptions options() const;
  void setFigureOptions(const FigureOptions& figure);
  /// Stores the folder and figure size for next time.
  void saveSettings() const;

  QCheckBox* formatBox(FigureFormat format) const;
  QCheckBox* csvBox() const { return csv_; }
  QComboBox* seedBox() const { return seed_; }

 private:
  void chooseFolder();
  void chooseFigureSize();
  void updateState();

  std::vector<std::uint64_t> seeds_;
  FigureOptions figure_;
  QLineEdit* folder_;
  QCheckBox* png_;
  QCheckBox* svg_;
  QCheckBox* pdf_;
  QCheckBox* csv_;
  QComboBox* seed_;
  QLabel* size_;
  QDialogButtonBox* buttons_;
};

/// Runs exportAllViews on the GUI thread behind a window-modal progress dialog whose Cancel
/// stops it after the current figure: the figures are QCustomPlot widgets, which may only live
/// on the GUI thread; the dialog keeps the window painted between figures.
BatchExportResult exportAllViewsWithProgress(QWidget* parent, const ResultsFolder& results,
                                             const QString& outDir, BatchExportOptions options);

/// The whole menu action: the dialog, the export with progress, then a message saying where the
/// files went (with a button opening the folder), what failed, or that it was cancelled.
void exportAllViewsInteractively(QWidget* parent, const ResultsFolder& results);

}  // namespace glowscope
