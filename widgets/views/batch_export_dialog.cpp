#include "widgets/views/batch_export_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QUrl>

#include "widgets/views/figure_options_dialog.h"

namespace glowscope {
namespace {

constexpr auto kFolderKey = "BatchExport/lastFolder";
constexpr auto kFormatsKey = "BatchExport/formats";

QString defaultFolder(const ResultsFolder& results) {
  // The last folder, when it was chosen for these very results; else beside them.
  QSettings settings;
  const QString last = settings.value(kFolderKey).toString();
  const QString resultsPath = QString::fromStdString(results.path.string());
  if (!last.isEmpty() && settings.value("BatchExport/lastResults").toString() == resultsPath)
    return last;
  return QDir(resultsPath).filePath(QStringLiteral("figures"));
}

}  // namespace

BatchExportDialog::BatchExportDialog(const ResultsFolder& results, QWidget* parent)
    : QDialog(parent),
      seeds_(results.seeds),
      folder_(new QLineEdit(defaultFolder(results))),
      png_(new QCheckBox(QStringLiteral("PNG"))),
      svg_(new QCheckBox(QStringLiteral("SVG"))),
      pdf_(new QCheckBox(QStringLiteral("PDF"))),
      csv_(new QCheckBox(tr("CSV of each figure's data"))),
      seed_(new QComboBox),
      size_(new QLabel),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel)) {
  setWindowTitle(tr("Export all views"));
  setMinimumWidth(560);
  setProperty("resultsPath", QString::fromStdString(results.path.string()));
  auto* browse = new QPushButton(tr("Browse…"));
  auto* folderRow = new QHBoxLayout;
  folderRow->addWidget(folder_, 1);
  folderRow->addWidget(browse);
  auto* formatRow = new QHBoxLayout;
  for (QCheckBox* box : {png_, svg_, pdf_, csv_}) formatRow->addWidget(box);
  formatRow->addStretch();
  const QStringList formats =
      QSettings().value(kFormatsKey, "png,svg,pdf,csv").toString().split(',');
  png_->setChecked(formats.contains("png"));
  svg_->setChecked(formats.contains("svg"));
  pdf_->setChecked(formats.contains("pdf"));
  csv_->setChecked(formats.contains("csv"));
  for (std::uint64_t seed : seeds_) seed_->addItem(QString::number(seed));
  auto* sizeButton = new QPushButton(tr("Figure size…"));
  auto* sizeRow = new QHBoxLayout;
  sizeRow->addWidget(size_, 1);
  sizeRow->addWidget(sizeButton);
  auto* form = new QFormLayout(this);
  auto* intro = new QLabel(tr("Tables (CSV, Markdown, LaTeX), histograms, ROC curves, scatter "
                              "plots and the correlation heat map of %1, with an index.md.")
                               .arg(QString::fromStdString(results.name)));
  intro->setWordWrap(true);
  form->addRow(intro);
  form->addRow(tr("Folder:"), folderRow);
  form->addRow(tr("Formats:"), formatRow);
  form->addRow(tr("Seed:"), seed_);
  form->addRow(tr("Figures:"), sizeRow);
  form->addRow(buttons_);
  connect(browse, &QPushButton::clicked, this, &BatchExportDialog::chooseFolder);
  connect(sizeButton, &QPushButton::clicked, this, &BatchExportDialog::chooseFigureSize);
  connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(folder_, &QLineEdit::textChanged, this, &BatchExportDialog::updateState);
  for (QCheckBox* box : {png_, svg_, pdf_, csv_})
    connect(box, &QCheckBox::toggled, this, &BatchExportDialog::updateState);
  QSettings settings;
  setFigureOptions(loadFigureOptions(settings));
}

QString BatchExportDialog::outDir() const { return folder_->text().trimmed(); }

void BatchExportDialog::setOutDir(const QString& folder) { folder_->setText(folder); }

QCheckBox* BatchExportDialog::formatBox(FigureFormat format) const {
  return format == FigureFormat::Png ? png_ : format == FigureFormat::Svg ? svg_ : pdf_;
}

BatchExportOptions BatchExportDialog::options() const {
  BatchExportOptions options;
  options.figure = figure_;
  options.formats.clear();
  for (FigureFormat format : {FigureFormat::Png, FigureFormat::Svg, FigureFormat::Pdf})
    if (formatBox(format)->isChecked()) options.formats << format;
  options.dataCsv = csv_->isChecked();
  if (seed_->currentIndex() >= 0)
    options.seed = seeds_.at(static_cast<std::size_t>(seed_->currentIndex()));
  return options;
}

void BatchExportDialog::setFigureOptions(const FigureOptions& figure) {
  figure_ = figure;
  size_->setText(tr("%L1 × %L2 mm, PNG at %L3 dpi (%L4 × %L5 px)")
                     .arg(figure.widthMm)
                     .arg(figure.heightMm)
                     .arg(figure.dpi)
                     .arg(figure.pixelWidth())
                     .arg(figure.pixelHeight()));
  updateState();
}

void BatchExportDialog::saveSettings() const {
  QSettings settings;
  settings.setValue(kFolderKey, outDir());
  settings.setValue("BatchExport/lastResults", property("resultsPath"));
  QStringList formats;
  for (QCheckBox* box : {png_, svg_, pdf_, csv_})
    if (box->isChecked()) formats << (box == csv_ ? QStringLiteral("csv") : box->text().toLower());
  settings.setValue(kFormatsKey, formats.join(','));
  saveFigureOptions(settings, figure_);
}

void BatchExportDialog::chooseFolder() {
  const QString folder =
      QFileDialog::getExistingDirectory(this, tr("Export all views to"), outDir());
  if (!folder.isEmpty()) setOutDir(folder);
}

void BatchExportDialog::chooseFigureSize() {
  FigureOptionsDialog dialog(figure_, this);
  if (dialog.exec() == QDialog::Accepted) setFigureOptions(dialog.options());
}

void BatchExportDialog::updateState() {
  const bool anyFormat =
      png_->isChecked() || svg_->isChecked() || pdf_->isChecked() || csv_->isChecked();
  buttons_->button(QDialogButtonBox::Ok)->setEnabled(anyFormat && !outDir().isEmpty());
}

BatchExportResult exportAllViewsWithProgress(QWidget* parent, const ResultsFolder& results,
                                             const QString& outDir, BatchExportOptions options) {
  QProgressDialog progress(QObject::tr("Exporting…"), QObject::tr("Cancel"), 0, 1, parent);
  progress.setWindowTitle(QObject::tr("Export all views"));
  progress.setWindowModality(Qt::WindowModal);
  progress.setMinimumDuration(0);
  std::atomic<bool> cancel{false};
  options.cancel = &cancel;
  options.progress = [&progress, &cancel](int done, int total, const QString& what) {
    progress.setMaximum(total);
    progress.setLabelText(what);
    progress.setValue(done);  // a modal progress dialog processes events here: Cancel works
    if (progress.wasCanceled()) cancel = true;
  };
  return exportAllViews(results, outDir, options);
}

void exportAllViewsInteractively(QWidget* parent, const ResultsFolder& results) {
  BatchExportDialog dialog(results, parent);
  if (dialog.exec() != QDialog::Accepted) return;
  dialog.saveSettings();
  const QString folder = dialog.outDir();
  const QString title = QObject::tr("Export all views");
  BatchExportOptions options = dialog.options();
  // Figures written before (perhaps by `demo`, perhaps edited) are replaced only when asked.
  const int present = static_cast<int>(
      QDir(folder).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).size());
  if (present > 0) {
    if (QMessageBox::question(
            parent, title,
            QObject::tr("%1 already holds %Ln file(s); files with the same names as the "
                        "export's will be replaced. Write there anyway?",
                        "", present)
                .arg(QDir::toNativeSeparators(folder)),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No) != QMessageBox::Yes)
      return;
    options.overwrite = true;
  }
  const BatchExportResult result = exportAllViewsWithProgress(parent, results, folder, options);
  if (!result.error.isEmpty()) {
    QMessageBox::warning(parent, title,
                         QObject::tr("Export failed after %Ln file(s): %1", "",
                                     static_cast<int>(result.files.size()))
                             .arg(result.error));
    return;
  }
  QMessageBox box(QMessageBox::Information, title,
                  result.cancelled ? QObject::tr("Cancelled; %Ln file(s) written to %1.", "",
                                                 static_cast<int>(result.files.size()))
                                         .arg(QDir::toNativeSeparators(folder))
                                   : QObject::tr("%Ln file(s) written to %1 (see index.md there).",
                                                 "", static_cast<int>(result.files.size()))
                                         .arg(QDir::toNativeSeparators(folder)),
                  QMessageBox::Ok, parent);
  QPushButton* open = box.addButton(QObject::tr("Open Folder"), QMessageBox::ActionRole);
  box.exec();
  if (box.clickedButton() == open)
    QDesktopServices::openUrl(QUrl::fromLocalFile(QDir(folder).absolutePath()));
}

}  // namespace glowscope
