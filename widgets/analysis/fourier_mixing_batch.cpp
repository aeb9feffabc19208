// The "Batch" tab of FourierMixingView (its other methods are in fourier_mixing_view.cpp): image i
// of set A mixed with image i of set B, scored on a worker, and the scatter of log p(mix) against
// log p of each source.
#include <QComboBox>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <functional>

#include "core/analysis/mixing_scores.h"
#include "core/analysis/model_handle.h"
#include "core/data/image_set_ops.h"
#include "core/util/errors.h"
#include "core/util/log.h"
#include "widgets/analysis/fourier_mixing_view.h"
#include "widgets/analysis/image_set_cache.h"
#include "widgets/analysis/model_picker.h"
#include "widgets/qcustomplot_include.h"
#include "widgets/views/empty_plot.h"
#include "widgets/views/plot_interaction.h"

namespace glowscope {
namespace {

constexpr int kProgressSteps = 1000;

// Runs on the batch worker: the CLI's evaluation (evaluateFourierMixing) on the first `pairs`
// images, brought to the model's shape. Throws CancelledError when cancelled.
FourierBatchResult computeFourierBatch(const ImageSet& amplitudeSet, const ImageSet& phaseSet,
                                       int pairs, analysis::ModelHandle& model,
                                       analysis::MixQuantisation quantisation,
                                       const std::atomic<bool>* cancel,
                                       const ProgressReport& report) {
  const std::int64_t count =
      std::min<std::int64_t>({std::int64_t{pairs}, amplitudeSet.count, phaseSet.count});
  if (count < 2)
    throw ConfigError("pairs", "at least 2 pairs are needed (the sets hold " +
                                   std::to_string(std::min(amplitudeSet.count, phaseSet.count)) +
                                   " images)");
  const ImageSet a = analysis::imagesForModel(firstImages(amplitudeSet, count), &model);
  const ImageSet b = analysis::imagesForModel(firstImages(phaseSet, count), &model);
  analysis::TaskControl control;
  control.cancelRequested = cancel;
  control.onProgress = [&report](double fraction, const std::string& stage) {
    report(fraction, QString::fromStdString(stage));
  };
  FourierBatchResult result;
  result.scores =
      analysis::scoreFourierMixing(model, a, b, analysis::FourierMixOptions{quantisation}, control);
  return result;
}

QString rhoText(double rho) {
  return std::isnan(rho) ? FourierMixingView::tr("n/a") : QLocale().toString(rho, 'f', 3);
}

}  // namespace

QWidget* FourierMixingView::buildBatchTab() {
  auto* tab = new QWidget(this);
  amplitudeSet_ = new QComboBox(tab);
  phaseSet_ = new QComboBox(tab);
  amplitudeSet_->setObjectName("amplitudeSetBox");
  phaseSet_->setObjectName("phaseSetBox");
  const QStringList names = ImageSetCache::availableSetNames();
  amplitudeSet_->addItems(names);
  phaseSet_->addItems(names);
  if (names.size() > 1) phaseSet_->setCurrentIndex(1);
  pairs_ = new QSpinBox(tab);
  pairs_->setRange(2, 100000);
  pairs_->setValue(200);
  pairs_->setToolTip(tr("Image i of A is mixed with image i of B for i < n"));
  runBatch_ = new QPushButton(tr("Run"), tab);
  cancelBatch_ = new QPushButton(tr("Cancel"), tab);
  progress_ = new QProgressBar(tab);
  progress_->setRange(0, kProgressSteps);
  batchStatus_ = new QLabel(tr("Choose two sets and press Run."), tab);
  batchStatus_->setWordWrap(true);
  setBatchControlsRunning(false);

  batchPlot_ = new QCustomPlot(tab);
  batchPlot_->setMinimumSize(360, 260);
  batchPlot_->plotLayout()->insertRow(0);
  batchTitle_ = new QCPTextElement(batchPlot_, QString());
  batchPlot_->plotLayout()->addElement(0, 0, batchTitle_);
  batchPlot_->legend->setVisible(true);
  // Below the axes: the points fill the whole axis rect, so an inset legend would hide some.
  batchPlot_->axisRect()->insetLayout()->take(batchPlot_->legend);
  batchPlot_->plotLayout()->addElement(2, 0, batchPlot_->legend);
  batchPlot_->plotLayout()->setRowStretchFactor(2, 0.001);
  batchPlot_->legend->setBorderPen(Qt::NoPen);  // its frame would lie on the widget's edge
  batchPlot_->xAxis->setLabel(tr("log p(source image) [nats]"));
  batchPlot_->yAxis->setLabel(tr("log p(mixed image) [nats]"));
  installPlotInteractions(batchPlot_);
  style_.applyTo(batchPlot_);
  setPlotEmptyMessage(batchPlot_, tr("No mixes scored yet"));

  auto* row = new QHBoxLayout;
  row->addWidget(new QLabel(tr("Amplitudes of A:"), tab));
  row->addWidget(amplitudeSet_);
  row->addWidget(new QLabel(tr("Phases of B:"), tab));
  row->addWidget(phaseSet_);
  row->addWidget(new QLabel(tr("Pairs n:"), tab));
  row->addWidget(pairs_);
  row->addWidget(runBatch_);
  row->addWidget(cancelBatch_);
  row->addWidget(progress_, 1);
  auto* layout = new QVBoxLayout(tab);
  layout->addLayout(row);
  layout->addWidget(batchStatus_);
  layout->addWidget(batchPlot_, 1);
  connect(runBatch_, &QPushButton::clicked, this, &FourierMixingView::runBatch);
  connect(cancelBatch_, &QPushButton::clicked, this, &FourierMixingView::cancelBatch);
  return tab;
}

void FourierMixingView::setBatch(const QString& amplitudeSet, const QString& phaseSet, int pairs) {
  const auto choose = [](QComboBox* box, const QString& name) {
    if (box->findText(name) < 0) box->addItem(name);
    box->setCurrentText(name);
  };
  choose(amplitudeSet_, amplitudeSet);
  choose(phaseSet_, phaseSet);
  pairs_->setValue(pairs);
}

void FourierMixingView::setBatchControlsRunning(bool running) {
  runBatch_->setEnabled(!running);
  cancelBatch_->setEnabled(running);
  progress_->setVisible(running);
  if (running) progress_->setValue(0);
}

void FourierMixingView::runBatch() {
  if (isBatchRunning()) return;
  if (!modelPicker_->model()) {
    FourierBatchResult failed;
    failed.error = modelPicker_->isLoading() ? tr("The model is still loading; run again soon.")
                                             : tr("Choose a model first.");
    finishBatch(std::move(failed));
    return;
  }
  batchTask_.beginWaiting();
  setBatchControlsRunning(true);
  batchStatus_->setText(
      tr("Loading %1 and %2…").arg(amplitudeSet_->currentText(), phaseSet_->currentText()));
  for (const QString& name : {amplitudeSet_->currentText(), phaseSet_->currentText()})
    if (!cache_->get(name)) cache_->request(name);
  startBatchWhenLoaded();
}

void FourierMixingView::startBatchWhenLoaded() {
  if (!batchTask_.isWaiting()) return;
  auto amplitudeSet = cache_->get(amplitudeSet_->currentText());
  auto phaseSet = cache_->get(phaseSet_->currentText());
  if (!amplitudeSet || !phaseSet) return;
  startBatchWorker(std::move(amplitudeSet), std::move(phaseSet));
}

void FourierMixingView::startBatchWorker(std::shared_ptr<const ImageSet> amplitudeSet,
                                         std::shared_ptr<const ImageSet> phaseSet) {
  const auto model = modelPicker_->model();
  if (!model) {
    FourierBatchResult failed;
    failed.error = tr("Choose a model first.");
    batchTask_.finishWithoutRun(std::move(failed));
    return;
  }
  const QString amplitudeName = amplitudeSet_->currentText(), phaseName = phaseSet_->currentText();
  const int pairs = pairs_->value();
  const auto quantisation = this->quantisation();
  batchStatus_->setText(tr("Mixing and scoring %1 pairs…").arg(pairs));
  batchTask_.start([=](const BackgroundRun& run) {
    FourierBatchResult result = computeFourierBatch(
        *amplitudeSet, *phaseSet, pairs, *model, quantisation, run.cancelRequested, run.progress);
    result.amplitudeSetName = amplitudeName;
    result.phaseSetName = phaseName;
    return result;
  });
}

void FourierMixingView::reportBatchProgress(double fraction, const QString& stage) {
  progress_->setValue(int(std::lround(fraction * kProgressSteps)));
  progress_->setFormat(stage + " %p%");
}

void FourierMixingView::cancelBatch() {
  // While the sets load, cancelling finishes at once with a cancelled result.
  if (batchTask_.cancel() == BackgroundTaskBase::Stopped::Run)
    batchStatus_->setText(tr("Cancelling…"));
}

void FourierMixingView::finishBatch(FourierBatchResult result) {
  setBatchControlsRunning(false);
  batch_ = std::move(result);
  if (batch_.cancelled)
    batchStatus_->setText(tr("Cancelled."));
  else if (!batch_.error.isEmpty()) {
    batchStatus_->setText(tr("Failed: %1").arg(batch_.error));
    logger()->error("Fourier mixing batch: {}", batch_.error.toStdString());
  } else
    batchStatus_->setText(
        tr("%L1 pairs; %L2% of the mixed sub-pixels were clipped to 0..255 before rounding. "
           "Points near the dashed diagonal have log p(mix) = log p(source).")
            .arg(batch_.count())
            .arg(100 * batch_.scores.mix.clippedFraction, 0, 'f', 2));
  drawBatch();
  Q_EMIT batchFinished();
}

void FourierMixingView::drawBatch() {
  batchPlot_->clearPlottables();
  batchPlot_->clearItems();
  if (batch_.count() == 0) {
    batchTitle_->setText(tr("Mix amplitudes of A with phases of B, then press Run"));
    setPlotEmptyMessage(batchPlot_, tr("No mixes scored yet"));
    batchPlot_->replot();
    return;
  }
  const auto addRelation = [this](const std::vector<double>& source, const QString& name,
                                  QColor color, QCPScatterStyle::ScatterShape shape) {
    QCPGraph* graph = batchPlot_->addGraph();
    graph->setName(name);
    graph->setLineStyle(QCPGraph::lsNone);
    graph->setScatterStyle(QCPScatterStyle(shape, color, color, 5));
    QVector<double> x, y;
    for (std::size_t i = 0; i < source.size(); ++i)
      if (std::isfinite(source[i]) && std::isfinite(batch_.scores.mixedLogLikelihoodNats[i])) {
        x << source[i];
        y << batch_.scores.mixedLogLikelihoodNats[i];
      }
    graph->setData(x, y);
  };
  addRelation(batch_.scores.amplitudeSourceLogLikelihoodNats,
              tr("vs amplitude source (%1): Spearman ρ = %2")
                  .arg(batch_.amplitudeSetName, rhoText(batch_.scores.spearmanWithAmplitudeSource)),
              style_.color(5), QCPScatterStyle::ssDisc);
  addRelation(batch_.scores.phaseSourceLogLikelihoodNats,
              tr("vs phase source (%1): Spearman ρ = %2")
                  .arg(batch_.phaseSetName, rhoText(batch_.scores.spearmanWithPhaseSource)),
              style_.color(6), QCPScatterStyle::ssTriangle);
  auto* diagonal = new QCPItemStraightLine(batchPlot_);
  diagonal->point1->setCoords(0, 0);
  diagonal->point2->setCoords(1, 1);
  diagonal->setPen(QPen(Qt::gray, 1, Qt::DashLine));
  batchTitle_->setText(tr("log p of the mixes (amplitudes of %1, phases of %2), n = %3")
                           .arg(batch_.amplitudeSetName, batch_.phaseSetName)
                           .arg(batch_.count()));
  style_.applyTo(batchPlot_);
  batchPlot_->rescaleAxes();
  batchPlot_->xAxis->scaleRange(1.08);  // room for the outermost points
  batchPlot_->yAxis->scaleRange(1.08);
  setPlotEmptyMessage(batchPlot_, QString());
  plotDataChanged(batchPlot_);
}

std::vector<ScatterSeries> FourierMixingView::batchPlotSeries() const {
  std::vector<ScatterSeries> series;
  for (int g = 0; g < batchPlot_->graphCount(); ++g) {
    const QCPGraph* graph = batchPlot_->graph(g);
    ScatterSeries s{graph->name(), {}, {}};
    for (auto point = graph->data()->constBegin(); point != graph->data()->constEnd(); ++point) {
      s.x.push_back(point->key);
      s.y.push_back(point->value);
    }
    series.push_back(std::move(s));
  }
  return series;
}

QString FourierMixingView::batchStatus() const { return batchStatus_->text(); }

}  // namespace glowscope
