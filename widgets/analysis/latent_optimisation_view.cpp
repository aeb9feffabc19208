#include "widgets/analysis/latent_optimisation_view.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

#include "core/analysis/latent_analyses.h"
#include "core/flows/bits_per_dim.h"
#include "core/util/errors.h"
#include "core/util/log.h"
#include "widgets/analysis/image_strip.h"
#include "widgets/base/image_conversion.h"
#include "widgets/qcustomplot_include.h"
#include "widgets/views/empty_plot.h"
#include "widgets/views/plot_interaction.h"
#include "widgets/views/score_histogram_view.h"

namespace glowscope {
namespace {

using analysis::FixedLatentOptimisationOptions;
using analysis::FixedLatentOptimisationUpdate;

constexpr int kRefreshMs = 40;  // coalesces bursts of updates from a fast model into one redraw
constexpr int kPlayFrameMs = 80;
constexpr int kCellPixels = 96;  // 3x of 32x32; the page fits a 1024x700 screen

// a and b may come from sets of different sizes: each is brought to the model's shape first.
ImageSet preparedBatch(analysis::ModelHandle& model, const std::vector<ImageSet>& images) {
  ImageSet all = analysis::prepareForModel(model, images.front());
  for (std::size_t i = 1; i < images.size(); ++i) {
    const ImageSet one = analysis::prepareForModel(model, images[i]);
    all.pixels.insert(all.pixels.end(), one.pixels.begin(), one.pixels.end());
    all.count += one.count;
  }
  all.labels.clear();
  return all;
}

}  // namespace

LatentOptimisationView::LatentOptimisationView(QWidget* parent)
    : QWidget(parent),
      style_(PlotStyle::fromDefaultSettings()),
      steps_(new QSpinBox),
      learningRate_(new QDoubleSpinBox),
      optimiser_(new QComboBox),
      updateEvery_(new QSpinBox),
      run_(new QPushButton(tr("Optimise"))),
      pause_(new QPushButton(tr("Pause"))),
      stop_(new QPushButton(tr("Stop"))),
      play_(new QPushButton(tr("Play"))),
      exportPlot_(new QPushButton(tr("Export plot…"))),
      saveStrip_(new QPushButton(tr("Save snapshots…"))),
      progress_(new QProgressBar),
      status_(new QLabel),
      slider_(new QSlider(Qt::Horizontal)),
      stepLabel_(new QLabel),
      plot_(new QCustomPlot),
      refreshTimer_(new QTimer(this)),
      playTimer_(new QTimer(this)) {
  buildControls();
  connectSignals();
  updateButtons();
}

LatentOptimisationView::~LatentOptimisationView() = default;

void LatentOptimisationView::buildControls() {
  status_->setWordWrap(true);
  status_->setText(
      tr("Keeps z_L (the high-level latents) of a and b fixed and maximises log p over the "
         "other latents (Fig. 3B)."));
  // a and b side by side left of the plot: stacked, they would make the page taller than a
  // 700-pixel window.
  auto* middle = new QHBoxLayout;
  for (int i = 0; i < 2; ++i) {
    cells_.push_back(new ImageCell(i == 0 ? tr("a") : tr("b"), kCellPixels));
    middle->addWidget(cells_.back(), 0, Qt::AlignTop);
  }
  middle->addWidget(buildPlot(), 1);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(buildSettingsRow());
  layout->addWidget(status_);
  layout->addLayout(middle, 1);
  layout->addLayout(buildScrubRow());
}

QLayout* LatentOptimisationView::buildSettingsRow() {
  steps_->setRange(0, 100000);
  steps_->setValue(200);
  learningRate_->setDecimals(5);
  learningRate_->setRange(1e-5, 10.0);
  learningRate_->setSingleStep(0.001);
  learningRate_->setValue(0.01);
  learningRate_->setToolTip(tr("In latent units (~N(0, 1)); SGD needs ~1e-3 or less"));
  optimiser_->addItems({tr("Adam"), tr("SGD")});
  updateEvery_->setRange(1, 10000);
  updateEvery_->setValue(1);
  updateEvery_->setToolTip(tr("Show and keep the images every k steps"));
  auto* settings = new QHBoxLayout;
  const auto addField = [settings](const QString& label, QWidget* field) {
    settings->addWidget(new QLabel(label));
    settings->addWidget(field);
  };
  addField(tr("Steps:"), steps_);
  addField(tr("Learning rate:"), learningRate_);
  addField(tr("Optimiser:"), optimiser_);
  addField(tr("Update every:"), updateEvery_);
  settings->addStretch(1);
  // The buttons on their own row: with the fields they would not fit a 1024-pixel window.
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(run_);
  buttons->addWidget(pause_);
  buttons->addWidget(stop_);
  buttons->addWidget(progress_, 1);
  auto* rows = new QVBoxLayout;
  rows->addLayout(settings);
  rows->addLayout(buttons);
  return rows;
}

QWidget* LatentOptimisationView::buildPlot() {
  plot_->setMinimumSize(300, 200);
  plot_->legend->setVisible(true);
  // log p rises from the left: the lower right corner stays free for the legend.
  plot_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
  plot_->xAxis->setLabel(tr("step"));
  plot_->yAxis->setLabel(tr("log p (nats)"));
  marker_ = new QCPItemStraightLine(plot_);
  marker_->setPen(QPen(Qt::gray, 1, Qt::DashLine));
  marker_->setVisible(false);
  installPlotInteractions(plot_);
  style_.applyTo(plot_);
  setPlotEmptyMessage(plot_, tr("No optimisation yet: press Optimise"));
  return plot_;
}

QLayout* LatentOptimisationView::buildScrubRow() {
  auto* scrub = new QHBoxLayout;
  slider_->setRange(0, 0);
  slider_->setToolTip(tr("Scrub through the stored snapshots"));
  scrub->addWidget(play_);
  scrub->addWidget(slider_, 1);
  scrub->addWidget(stepLabel_);
  scrub->addWidget(saveStrip_);
  scrub->addWidget(exportPlot_);
  return scrub;
}

void LatentOptimisationView::connectSignals() {
  refreshTimer_->setSingleShot(true);
  refreshTimer_->setInterval(kRefreshMs);
  connect(refreshTimer_, &QTimer::timeout, this, &LatentOptimisationView::refresh);
  playTimer_->setInterval(kPlayFrameMs);
  connect(playTimer_, &QTimer::timeout, this, [this] {
    if (shown_ + 1 >= int(record_.snapshots.size())) {
      playTimer_->stop();
      updateButtons();
      return;
    }
    showSnapshot(shown_ + 1);
  });
  connect(slider_, &QSlider::valueChanged, this, [this](int index) {
    if (index != shown_) showSnapshot(index);
  });
  connect(run_, &QPushButton::clicked, this, &LatentOptimisationView::start);
  connect(pause_, &QPushButton::clicked, this, [this] { setPaused(!isPaused()); });
  connect(stop_, &QPushButton::clicked, this, &LatentOptimisationView::stop);
  connect(play_, &QPushButton::clicked, this, [this] {
    if (isPlaying()) {
      playTimer_->stop();
      updateButtons();
    } else {
      play();
    }
  });
  connect(exportPlot_, &QPushButton::clicked, this,
          &LatentOptimisationView::exportPlotInteractively);
  connect(saveStrip_, &QPushButton::clicked, this, &LatentOptimisationView::saveStripInteractively);
}

void LatentOptimisationView::setInputs(std::shared_ptr<analysis::ModelHandle> model,
                                       std::vector<ImageSet> images, QStringList names,
                                       int fixedLatents) {
  model_ = std::move(model);
  images_ = std::move(images);
  names_ = std::move(names);
  fixedLatents_ = fixedLatents;
  updateButtons();
}

int LatentOptimisationView::plottedPoints(int image) const {
  return image < plot_->graphCount() ? plot_->graph(image)->dataCount() : 0;
}

bool LatentOptimisationView::isPaused() const { return task_.isRunning() && paused_->load(); }
bool LatentOptimisationView::isPlaying() const { return playTimer_->isActive(); }
int LatentOptimisationView::shownSnapshot() const { return shown_; }

void LatentOptimisationView::start() {
  if (task_.isRunning() || !model_ || images_.empty()) return;
  playTimer_->stop();
  record_.imageNames = names_;
  resetRecord();
  startWorker(model_, images_);
}

void LatentOptimisationView::startWorker(std::shared_ptr<analysis::ModelHandle> model,
                                         std::vector<ImageSet> images) {
  FixedLatentOptimisationOptions options;
  options.optimiser = optimiser_->currentIndex() == 1
                          ? FixedLatentOptimisationOptions::Optimiser::Sgd
                          : FixedLatentOptimisationOptions::Optimiser::Adam;
  options.steps = steps_->value();
  options.learningRate = learningRate_->value();
  options.updateEvery = updateEvery_->value();
  options.fixedLatents = fixedLatents_;
  paused_ = std::make_shared<std::atomic<bool>>(false);
  const auto paused = paused_;
  progress_->setValue(0);
  progress_->setFormat(tr("starting"));
  task_.start([this, model, images, options, paused](const BackgroundRun& run) {
    return optimise(*model, images, options, run, *paused);
  });
  updateButtons();
}

// Runs on the worker thread: snapshots reach the view through run.post, which drops them once
// the view has started another run.
LatentOptimisationView::OptimisationOutcome LatentOptimisationView::optimise(
    analysis::ModelHandle& model, const std::vector<ImageSet>& images,
    const FixedLatentOptimisationOptions& options, const BackgroundRun& run,
    const std::atomic<bool>& paused) {
  analysis::TaskControl control;
  control.cancelRequested = run.cancelRequested;
  control.onProgress = [&run](double fraction, const std::string& stage) {
    run.progress(fraction, QString::fromStdString(stage));
  };
  const auto onUpdate = [this, &run, &paused](const FixedLatentOptimisationUpdate& update) {
    run.post([this, update] { receive(update); });
    // Pausing holds the computation here (the model stays locked; see latent_analyses.h).
    while (paused.load() && !run.cancelRequested->load()) QThread::msleep(20);
  };
  analysis::optimiseWithFixedLatents(model, preparedBatch(model, images), options, onUpdate,
                                     control);
  return OptimisationOutcome{};
}

void LatentOptimisationView::showProgress(double fraction, const QString& stage) {
  progress_->setValue(int(100 * fraction));
  progress_->setFormat(stage);
}

void LatentOptimisationView::resetRecord() {
  const QStringList names = record_.imageNames;
  record_ = OptimisationRecord{};
  record_.imageNames = names;
  shown_ = -1;
  follow_ = true;
  plot_->clearGraphs();
  for (int i = 0; i < names.size(); ++i) {
    QCPGraph* graph = plot_->addGraph();
    graph->setName(names[i]);
    graph->setPen(QPen(style_.color(i + 1), style_.lineWidthPt * 96.0 / 72.0));
  }
  for (std::size_t i = 0; i < cells_.size(); ++i) {
    cells_[i]->setVisible(int(i) < names.size());
    cells_[i]->clear();
  }
  marker_->setVisible(false);
  {
    const QSignalBlocker blocker(slider_);
    slider_->setRange(0, 0);
  }
  stepLabel_->clear();
  plot_->replot();
}

void LatentOptimisationView::receive(const FixedLatentOptimisationUpdate& update) {
  if (update.images.count == 0) return;
  record_.dimsPerImage = update.images.imageBytes();
  record_.snapshotSteps.push_back(update.step);
  record_.snapshots.push_back(update.images);
  for (std::size_t row = 0; row < update.newTraceRows.size(); ++row) {
    const double step = double(update.firstNewStep) + double(row);
    const std::vector<double>& values = update.newTraceRows[row];
    record_.trace.push_back(values);
    for (std::size_t i = 0; i < values.size() && int(i) < plot_->graphCount(); ++i)
      plot_->graph(int(i))->addData(step, values[i]);
  }
  if (!refreshTimer_->isActive()) refreshTimer_->start();
}

void LatentOptimisationView::refresh() {
  const int count = int(record_.snapshots.size());
  {
    const QSignalBlocker blocker(slider_);
    slider_->setRange(0, std::max(count - 1, 0));
  }
  if (follow_ && count > 0) {
    showSnapshot(count - 1);
  } else {
    replotRescaled();
  }
}

void LatentOptimisationView::showSnapshot(int index) {
  if (index < 0 || index >= int(record_.snapshots.size())) return;
  shown_ = index;
  // Scrubbing back while the run goes on stops following; the last snapshot resumes it.
  follow_ = index + 1 == int(record_.snapshots.size());
  const ImageSet& images = record_.snapshots[std::size_t(index)];
  const int step = record_.snapshotSteps[std::size_t(index)];
  for (std::int64_t i = 0; i < images.count && i < std::int64_t(cells_.size()); ++i) {
    const double nats = record_.trace[std::size_t(step)][std::size_t(i)];
    const double bits = bitsPerDim(nats, record_.dimsPerImage);
    cells_[std::size_t(i)]->setTitle(record_.imageNames.value(int(i)));
    cells_[std::size_t(i)]->setImage(imageSetThumbnail(images, i),
                                     tr("step %1\n").arg(step) + formatLogLikelihood(nats, bits));
  }
  {
    const QSignalBlocker blocker(slider_);
    slider_->setValue(index);
  }
  stepLabel_->setText(tr("step %1 / %2").arg(step).arg(record_.snapshotSteps.back()));
  marker_->point1->setCoords(step, 0);
  marker_->point2->setCoords(step, 1);
  marker_->setVisible(true);
  replotRescaled();
}

void LatentOptimisationView::replotRescaled() {
  bool hasPoints = false;
  for (int i = 0; i < plot_->graphCount(); ++i) hasPoints |= plot_->graph(i)->dataCount() > 0;
  setPlotEmptyMessage(plot_, hasPoints ? QString() : tr("No optimisation yet: press Optimise"));
  plot_->rescaleAxes();
  plot_->yAxis->scaleRange(1.08);  // the curves' ends stay inside the frame
  plotDataChanged(plot_);
}

void LatentOptimisationView::play() {
  if (task_.isRunning() || record_.snapshots.empty()) return;
  if (shown_ + 1 >= int(record_.snapshots.size())) showSnapshot(0);
  playTimer_->start();
  updateButtons();
}

void LatentOptimisationView::setPaused(bool paused) {
  if (!task_.isRunning()) return;
  paused_->store(paused);
  progress_->setFormat(paused ? tr("paused") : tr("resuming…"));
  updateButtons();
}

void LatentOptimisationView::stop() {
  if (task_.cancel() == BackgroundTaskBase::Stopped::Run) progress_->setFormat(tr("stopping…"));
}

void LatentOptimisationView::finish(bool completed, const QString& error) {
  refreshTimer_->stop();
  refresh();
  if (!error.isEmpty()) {
    status_->setText(tr("Optimisation failed: %1").arg(error));
    logger()->error("fixed-z_L optimisation: {}", error.toStdString());
  } else if (!record_.trace.empty()) {
    const int last = int(record_.trace.size()) - 1;
    QStringList changes;
    for (std::size_t i = 0; i < record_.trace.back().size(); ++i)
      changes << tr("%1: %L2 → %L3 nats")
                     .arg(record_.imageNames.value(int(i)))
                     .arg(record_.trace.front()[i], 0, 'f', 1)
                     .arg(record_.trace.back()[i], 0, 'f', 1);
    status_->setText((completed ? tr("Done, %1 steps. ") : tr("Stopped at step %1. ")).arg(last) +
                     changes.join(QStringLiteral("; ")));
  }
  progress_->setValue(completed ? 100 : progress_->value());
  progress_->setFormat(completed ? tr("done") : error.isEmpty() ? tr("stopped") : tr("failed"));
  updateButtons();
  Q_EMIT finished(completed, error);
}

void LatentOptimisationView::updateButtons() {
  const bool running = task_.isRunning();
  const bool haveRecord = !record_.snapshots.empty();
  run_->setEnabled(!running && model_ && !images_.empty());
  pause_->setEnabled(running);
  pause_->setText(isPaused() ? tr("Resume") : tr("Pause"));
  stop_->setEnabled(running);
  play_->setEnabled(!running && haveRecord);
  play_->setText(isPlaying() ? tr("Stop playing") : tr("Play"));
  slider_->setEnabled(haveRecord);
  saveStrip_->setEnabled(!running && haveRecord);
  exportPlot_->setEnabled(!running && haveRecord);
  for (QWidget* field :
       std::initializer_list<QWidget*>{steps_, learningRate_, optimiser_, updateEvery_})
    field->setEnabled(!running);
}

void LatentOptimisationView::exportTracePlot(const QString& path, const FigureOptions& options) {
  // The scrub marker is a view aid, not data: keep it out of the figure.
  const bool markerShown = marker_->visible();
  marker_->setVisible(false);
  try {
    exportFigure(plot_, path, options);
  } catch (...) {
    marker_->setVisible(markerShown);
    throw;
  }
  marker_->setVisible(markerShown);
  plot_->replot();
}

void LatentOptimisationView::exportSnapshotStrip(const QString& pngPath, int columns) {
  const int count = int(record_.snapshots.size());
  if (count == 0) throw FileError(pngPath.toStdString(), "no snapshots to save yet");
  columns = std::clamp(columns, 1, count);
  std::vector<int> chosen;
  for (int c = 0; c < columns; ++c)
    chosen.push_back(columns == 1 ? count - 1
                                  : (c * (count - 1) + (columns - 1) / 2) / (columns - 1));
  chosen.erase(std::unique(chosen.begin(), chosen.end()), chosen.end());
  std::vector<CaptionedImage> tiles;
  QString csv = QStringLiteral("image,step,log_likelihood_nats,bits_per_dim\n");
  for (int i = 0; i < record_.imageNames.size(); ++i) {
    for (const int index : chosen) {
      const int step = record_.snapshotSteps[std::size_t(index)];
      const double nats = record_.trace[std::size_t(step)][std::size_t(i)];
      const double bits = bitsPerDim(nats, record_.dimsPerImage);
      tiles.push_back({imageSetThumbnail(record_.snapshots[std::size_t(index)], i),
                       tr("%1, step %2").arg(i == 0 ? tr("a") : tr("b")).arg(step),
                       formatLogLikelihood(nats, bits)});
      csv += QStringLiteral("\"%1\",%2,%3,%4\n")
                 .arg(record_.imageNames.value(i).replace('"', QStringLiteral("\"\"")))
                 .arg(step)
                 .arg(nats, 0, 'g', 10)
                 .arg(bits, 0, 'g', 10);
    }
  }
  writeImageWithCsv(pngPath, renderCaptionedGrid(tiles, int(chosen.size())), csv);
}

void LatentOptimisationView::exportPlotInteractively() {
  // The same menu as the plot's right click: figure size dialog, PNG/SVG/PDF + CSV, clipboard.
  Q_EMIT plot_->customContextMenuRequested(plot_->rect().center());
}

void LatentOptimisationView::saveStripInteractively() {
  QString path =
      QFileDialog::getSaveFileName(this, tr("Save snapshots"), QString(), tr("PNG image (*.png)"));
  if (path.isEmpty()) return;
  if (!path.endsWith(QStringLiteral(".png"), Qt::CaseInsensitive)) path += QStringLiteral(".png");
  try {
    exportSnapshotStrip(path);
  } catch (const Error& error) {
    QMessageBox::warning(this, tr("Save snapshots"), QString::fromUtf8(error.what()));
  }
}

}  // namespace glowscope
