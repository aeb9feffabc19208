#include "widgets/analysis/pixel_prior_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>
#include <cmath>
#include <functional>
#include <map>

#include "core/analysis/model_handle.h"
#include "core/data/image_set_ops.h"
#include "core/metrics/correlation.h"
#include "core/util/errors.h"
#include "core/util/log.h"
#include "widgets/analysis/image_set_cache.h"
#include "widgets/analysis/model_picker.h"
#include "widgets/qcustomplot_include.h"
#include "widgets/views/empty_plot.h"
#include "widgets/views/plot_interaction.h"

namespace glowscope {
namespace {

constexpr int kProgressSteps = 1000;
using SetMap = std::map<QString, std::shared_ptr<const ImageSet>>;

// A TaskControl that reports the fraction [from, from + span) of the whole run.
analysis::TaskControl partOf(const std::atomic<bool>* cancel, const ProgressReport& report,
                             double from, double span, const QString& stage) {
  analysis::TaskControl control;
  control.cancelRequested = cancel;
  control.onProgress = [&report, from, span, stage](double fraction, const std::string&) {
    report(from + span * fraction, stage);
  };
  return control;
}

std::vector<double> scoreSet(analysis::ModelHandle& model, const ImageSet& images,
                             const analysis::TaskControl& control) {
  ScoringOptions options;
  options.cancel = control.cancelRequested;
  options.progress = [&control](std::int64_t done, std::int64_t total) {
    control.checkpoint(double(done) / double(std::max<std::int64_t>(total, 1)), {});
  };
  return model.score(images, options).logLikelihoodNats;
}

// Runs on the worker. The images are the first `imagesPerSet` of each set, brought to the model's
// shape when there is a model (the differences are then those of the images the model scores).
PixelPriorResult computePixelPrior(const PixelPriorSettings& settings, const SetMap& sets,
                                   analysis::ModelHandle* model, const std::atomic<bool>* cancel,
                                   const ProgressReport& report) {
  const auto prepared = [&](const QString& name) {
    return analysis::imagesForModel(firstImages(*sets.at(name), settings.imagesPerSet), model);
  };
  PixelPriorResult result;
  result.priorSetName = settings.priorSet;
  result.setNames = settings.sets;
  result.prior = analysis::PixelDifferenceHistogram::fit(
      prepared(settings.priorSet), settings.differences, settings.histogram,
      partOf(cancel, report, 0, 0.1, PixelPriorView::tr("fitting the prior")));
  analysis::HistogramOptions sharedBins = settings.histogram;
  sharedBins.rangeMin = result.prior->rangeMin();
  sharedBins.rangeMax = result.prior->rangeMax();
  const double perSet = 0.9 / double(settings.sets.size());
  const double histogramShare = model ? 0.2 : 0.5, pseudoShare = model ? 0.2 : 0.5;
  for (int s = 0; s < settings.sets.size(); ++s) {
    const QString& name = settings.sets[s];
    const ImageSet images = prepared(name);
    const double from = 0.1 + s * perSet;
    result.histograms.push_back(analysis::PixelDifferenceHistogram::fit(
        images, settings.differences, sharedBins,
        partOf(cancel, report, from, histogramShare * perSet,
               PixelPriorView::tr("%1: histogram").arg(name))));
    result.pseudoLogLikelihoodNats.push_back(analysis::pseudoLogLikelihoods(
        images, *result.prior, settings.differences,
        partOf(cancel, report, from + histogramShare * perSet, pseudoShare * perSet,
               PixelPriorView::tr("%1: pseudo-likelihoods").arg(name))));
    double rho = std::numeric_limits<double>::quiet_NaN();
    if (model) {
      result.logLikelihoodNats.push_back(
          scoreSet(*model, images,
                   partOf(cancel, report, from + 0.4 * perSet, 0.6 * perSet,
                          PixelPriorView::tr("%1: Glow log p").arg(name))));
      rho = spearmanOfFinitePairs(result.pseudoLogLikelihoodNats.back(),
                                  result.logLikelihoodNats.back());
    }
    result.spearman.push_back(rho);
  }
  return result;
}

QString rhoText(double rho) {
  return std::isnan(rho) ? PixelPriorView::tr("n/a") : QLocale().toString(rho, 'f', 3);
}

QCustomPlot* titledPlot(QCPTextElement*& title) {
  auto* plot = new QCustomPlot;
  plot->setMinimumSize(260, 220);  // both beside the controls in a 1024-pixel window
  plot->plotLayout()->insertRow(0);
  title = new QCPTextElement(plot, QString());
  plot->plotLayout()->addElement(0, 0, title);
  plot->legend->setVisible(true);
  // Below the axes: the scatter fills the whole axis rect, so an inset legend would hide points.
  plot->axisRect()->insetLayout()->take(plot->legend);
  plot->plotLayout()->addElement(2, 0, plot->legend);
  plot->plotLayout()->setRowStretchFactor(2, 0.001);
  plot->legend->setBorderPen(Qt::NoPen);  // its frame would lie on the widget's edge
  installPlotInteractions(plot);
  return plot;
}

// rescaleAxes puts the outermost points on the axes; 4% of room on each side keeps them whole.
void rescaleWithMargin(QCustomPlot* plot) {
  plot->rescaleAxes();
  plot->xAxis->scaleRange(1.08);
  plot->yAxis->scaleRange(1.08);
}

std::vector<ScatterSeries> plottedSeries(const QCustomPlot* plot) {
  std::vector<ScatterSeries> series;
  for (int g = 0; g < plot->graphCount(); ++g) {
    const QCPGraph* graph = plot->graph(g);
    ScatterSeries s{graph->name(), {}, {}};
    for (auto point = graph->data()->constBegin(); point != graph->data()->constEnd(); ++point) {
      s.x.push_back(point->key);
      s.y.push_back(point->value);
    }
    series.push_back(std::move(s));
  }
  return series;
}

}  // namespace

PixelPriorView::PixelPriorView(ImageSetCache* cache, const AnalysisInputs& shared, QWidget* parent)
    : QWidget(parent),
      cache_(cache ? cache : &ImageSetCache::shared()),
      modelPicker_(shared.model ? shared.model : new ModelPicker(this)),
      style_(PlotStyle::fromDefaultSettings()) {
  setObjectName("pixelPriorView");
  QWidget* controls = buildControls();
  buildPlots();
  auto* plots = new QSplitter(Qt::Horizontal, this);
  plots->addWidget(histogramPlot_);
  plots->addWidget(scatterPlot_);
  auto* body = new QHBoxLayout;
  body->addWidget(controls);
  body->addWidget(plots, 1);
  auto* layout = new QVBoxLayout(this);
  if (!shared.model) layout->addWidget(modelPicker_);
  layout->addLayout(body, 1);
  setSetNames(ImageSetCache::availableSetNames());

  connect(cache_, &ImageSetCache::loaded, this, &PixelPriorView::startWhenLoaded);
  connect(cache_, &ImageSetCache::failed, this, [this](const QString& name, const QString& error) {
    if (!task_.isWaiting() || (!pending_.sets.contains(name) && pending_.priorSet != name)) return;
    PixelPriorResult failed;
    failed.error = tr("Cannot load %1: %2").arg(name, error);
    task_.finishWithoutRun(std::move(failed));
  });
}

PixelPriorView::~PixelPriorView() = default;

QWidget* PixelPriorView::buildControls() {
  auto* panel = new QWidget(this);
  sets_ = new QListWidget(panel);
  sets_->setObjectName("setList");
  sets_->setMaximumHeight(120);
  priorSet_ = new QComboBox(panel);
  priorSet_->setToolTip(tr("The set whose difference histogram gives the pseudo-likelihoods"));
  imagesPerSet_ = new QSpinBox(panel);
  imagesPerSet_->setRange(10, 1000000);
  imagesPerSet_->setValue(1000);
  imagesPerSet_->setToolTip(
      tr("The first n images of each set (the shared image cache holds at most %L1 per set)")
          .arg(cache_->imagesPerSet()));
  bins_ = new QSpinBox(panel);
  bins_->setRange(2, 2000);
  bins_->setValue(100);
  neighbourhood_ = new QComboBox(panel);
  neighbourhood_->addItem(tr("8 neighbours"), false);
  neighbourhood_->addItem(tr("3×3 with centre"), true);
  neighbourhood_->setToolTip(tr("d = pixel − mean of this neighbourhood"));
  border_ = new QComboBox(panel);
  border_->addItem(tr("reflect-101"), int(analysis::BorderHandling::Reflect101));
  border_->addItem(tr("replicate"), int(analysis::BorderHandling::Replicate));
  border_->addItem(tr("exclude border"), int(analysis::BorderHandling::Exclude));
  pseudoCount_ = new QDoubleSpinBox(panel);
  pseudoCount_->setRange(0, 1000);
  pseudoCount_->setSingleStep(0.5);
  pseudoCount_->setValue(0.5);
  pseudoCount_->setToolTip(tr("Added to every bin's count: empty bins keep a finite log density"));
  logDensity_ = new QCheckBox(tr("Logarithmic density axis"), panel);
  run_ = new QPushButton(tr("Run"), panel);
  cancel_ = new QPushButton(tr("Cancel"), panel);
  progress_ = new QProgressBar(panel);
  progress_->setRange(0, kProgressSteps);
  status_ = new QLabel(tr("Check the sets to compare and press Run."), panel);
  status_->setWordWrap(true);
  status_->setTextInteractionFlags(Qt::TextSelectableByMouse);

  auto* form = new QFormLayout(panel);
  form->addRow(tr("Sets:"), sets_);
  form->addRow(tr("Images per set:"), imagesPerSet_);
  form->addRow(tr("Prior fitted on:"), priorSet_);
  form->addRow(tr("Bins:"), bins_);
  form->addRow(tr("Neighbourhood:"), neighbourhood_);
  form->addRow(tr("Border:"), border_);
  form->addRow(tr("Pseudo-count:"), pseudoCount_);
  form->addRow(logDensity_);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(run_);
  buttons->addWidget(cancel_);
  form->addRow(buttons);
  form->addRow(progress_);
  form->addRow(status_);
  panel->setMaximumWidth(300);
  setRunning(false);
  connect(run_, &QPushButton::clicked, this, &PixelPriorView::run);
  connect(cancel_, &QPushButton::clicked, this, &PixelPriorView::cancel);
  connect(logDensity_, &QCheckBox::toggled, this, &PixelPriorView::drawHistograms);
  return panel;
}

void PixelPriorView::buildPlots() {
  histogramPlot_ = titledPlot(histogramTitle_);
  histogramPlot_->setObjectName("histogramPlot");
  histogramPlot_->yAxis->setLabel(tr("probability density [per unit of d]"));
  scatterPlot_ = titledPlot(scatterTitle_);
  scatterPlot_->setObjectName("scatterPlot");
  style_.applyTo(histogramPlot_);
  style_.applyTo(scatterPlot_);
  drawHistograms();
  drawScatter();
}

void PixelPriorView::setModels(const std::vector<std::pair<QString, QString>>& labelAndPath) {
  modelPicker_->setModels(labelAndPath);
}

void PixelPriorView::setSetNames(const QStringList& names) {
  sets_->clear();
  priorSet_->clear();
  for (int i = 0; i < names.size(); ++i) {
    auto* item = new QListWidgetItem(names[i], sets_);
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    item->setCheckState(i < 2 ? Qt::Checked : Qt::Unchecked);
  }
  priorSet_->addItems(names);
  priorSet_->setCurrentIndex(int(names.size()) - 1);  // a third, unrelated set if there is one
}

void PixelPriorView::setSettings(const PixelPriorSettings& settings) {
  QStringList missing = settings.sets;
  if (!missing.contains(settings.priorSet)) missing << settings.priorSet;
  for (int i = 0; i < sets_->count(); ++i) missing.removeAll(sets_->item(i)->text());
  for (const QString& name : missing) {
    auto* item = new QListWidgetItem(name, sets_);
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    priorSet_->addItem(name);
  }
  for (int i = 0; i < sets_->count(); ++i)
    sets_->item(i)->setCheckState(settings.sets.contains(sets_->item(i)->text()) ? Qt::Checked
                                                                                 : Qt::Unchecked);
  priorSet_->setCurrentText(settings.priorSet);
  imagesPerSet_->setValue(settings.imagesPerSet);
  bins_->setValue(settings.histogram.binCount);
  pseudoCount_->setValue(settings.histogram.pseudoCount);
  neighbourhood_->setCurrentIndex(neighbourhood_->findData(settings.differences.includeCentre));
  border_->setCurrentIndex(border_->findData(int(settings.differences.border)));
}

PixelPriorSettings PixelPriorView::settings() const {
  PixelPriorSettings settings;
  for (int i = 0; i < sets_->count(); ++i)
    if (sets_->item(i)->checkState() == Qt::Checked) settings.sets << sets_->item(i)->text();
  settings.priorSet = priorSet_->currentText();
  settings.imagesPerSet = imagesPerSet_->value();
  settings.histogram.binCount = bins_->value();
  settings.histogram.pseudoCount = pseudoCount_->value();
  settings.differences.includeCentre = neighbourhood_->currentData().toBool();
  settings.differences.border = analysis::BorderHandling(border_->currentData().toInt());
  return settings;
}

void PixelPriorView::setLogDensityAxis(bool logarithmic) { logDensity_->setChecked(logarithmic); }

void PixelPriorView::setRunning(bool running) {
  run_->setEnabled(!running);
  cancel_->setEnabled(running);
  progress_->setVisible(running);
  if (running) progress_->setValue(0);
}

void PixelPriorView::run() {
  if (isRunning()) return;
  pending_ = settings();
  if (pending_.sets.isEmpty() || pending_.priorSet.isEmpty()) {
    PixelPriorResult failed;
    failed.error = tr("Check at least one set and choose the prior set.");
    task_.finishWithoutRun(std::move(failed));
    return;
  }
  task_.beginWaiting();
  setRunning(true);
  status_->setText(tr("Loading the sets…"));
  QStringList needed = pending_.sets;
  needed << pending_.priorSet;
  for (const QString& name : needed)
    if (!cache_->get(name)) cache_->request(name);
  startWhenLoaded();
}

void PixelPriorView::startWhenLoaded() {
  if (!task_.isWaiting()) return;
  if (!cache_->get(pending_.priorSet)) return;
  for (const QString& name : pending_.sets)
    if (!cache_->get(name)) return;
  startWorker();
}

void PixelPriorView::startWorker() {
  SetMap sets;
  sets[pending_.priorSet] = cache_->get(pending_.priorSet);
  for (const QString& name : pending_.sets) sets[name] = cache_->get(name);
  const auto model = modelPicker_->model();
  const QString modelLabel = modelPicker_->modelLabel();
  const PixelPriorSettings settings = pending_;
  status_->setText(model ? tr("Computing…")
                         : tr("Computing without a model (no Glow log p; choose a model first "
                              "for the scatter)…"));
  task_.start([settings, sets, model, modelLabel](const BackgroundRun& run) {
    PixelPriorResult result =
        computePixelPrior(settings, sets, model.get(), run.cancelRequested, run.progress);
    if (model) result.modelLabel = modelLabel;
    return result;
  });
}

void PixelPriorView::showProgress(double fraction, const QString& stage) {
  progress_->setValue(int(std::lround(fraction * kProgressSteps)));
  progress_->setFormat(stage + " %p%");
}

void PixelPriorView::cancel() {
  // While the sets load, cancelling finishes at once with a cancelled result.
  if (task_.cancel() == BackgroundTaskBase::Stopped::Run) status_->setText(tr("Cancelling…"));
}

void PixelPriorView::finish(PixelPriorResult result) {
  setRunning(false);
  result_ = std::move(result);
  if (result_.cancelled) {
    status_->setText(tr("Cancelled."));
  } else if (!result_.error.isEmpty()) {
    status_->setText(tr("Failed: %1").arg(result_.error));
    logger()->error("pixel-difference prior: {}", result_.error.toStdString());
  } else {
    QString text = tr("%1 set(s), up to %L2 images each; prior: %3 (%L4 differences, bin width "
                      "%L5).")
                       .arg(result_.setNames.size())
                       .arg(pending_.imagesPerSet)
                       .arg(result_.priorSetName)
                       .arg(result_.prior->sampleCount())
                       .arg(result_.prior->binWidth(), 0, 'g', 3);
    if (result_.logLikelihoodNats.empty()) text += tr(" No model: no Glow log p.");
    status_->setText(text);
  }
  drawHistograms();
  drawScatter();
  Q_EMIT finished();
}

QString PixelPriorView::status() const { return status_->text(); }

void PixelPriorView::drawHistograms() {
  histogramPlot_->clearPlottables();
  const bool logarithmic = logDensity_->isChecked();
  histogramPlot_->yAxis->setScaleType(logarithmic ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
  if (logarithmic)
    histogramPlot_->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
  else
    histogramPlot_->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
  const bool centre = result_.prior && pending_.differences.includeCentre;
  histogramPlot_->xAxis->setLabel(centre ? tr("d = pixel − mean of its 3×3 block [grey level/256]")
                                         : tr("d = pixel − mean of its 8 neighbours "
                                              "[grey level/256]"));
  const double linePx = style_.lineWidthPt * 96.0 / 72.0;
  const auto addCurve = [&](const analysis::PixelDifferenceHistogram& histogram,
                            const QString& name, int colour, Qt::PenStyle penStyle) {
    QCPGraph* graph = histogramPlot_->addGraph();
    graph->setName(name);
    graph->setLineStyle(QCPGraph::lsStepCenter);
    graph->setPen(QPen(style_.color(colour), linePx, penStyle));
    QVector<double> x, y;
    const std::vector<double> centres = histogram.binCentres();
    for (std::size_t b = 0; b < centres.size(); ++b) {
      x << centres[b];
      y << histogram.densities()[b];
    }
    graph->setData(x, y, true);
  };
  for (std::size_t s = 0; s < result_.histograms.size(); ++s)
    addCurve(result_.histograms[s], result_.setNames[int(s)], int(s), Qt::SolidLine);
  if (result_.prior && !result_.setNames.contains(result_.priorSetName))
    addCurve(*result_.prior, tr("%1 (prior)").arg(result_.priorSetName),
             int(result_.histograms.size()), Qt::DashLine);
  histogramTitle_->setText(result_.prior
                               ? tr("Pixel differences (prior: %1)").arg(result_.priorSetName)
                               : tr("Local pixel differences: press Run"));
  style_.applyTo(histogramPlot_);
  rescaleWithMargin(histogramPlot_);
  setPlotEmptyMessage(histogramPlot_,
                      histogramPlot_->graphCount() == 0 ? tr("Nothing computed yet") : QString());
  plotDataChanged(histogramPlot_);
}

void PixelPriorView::drawScatter() {
  scatterPlot_->clearPlottables();
  scatterPlot_->xAxis->setLabel(
      result_.priorSetName.isEmpty()
          ? tr("pseudo log-likelihood [nats]")
          : tr("pseudo log-likelihood, %1 prior [nats]").arg(result_.priorSetName));
  scatterPlot_->yAxis->setLabel(tr("Glow log p(x) [nats]"));
  const std::vector<QCPScatterStyle::ScatterShape> shapes = {
      QCPScatterStyle::ssDisc, QCPScatterStyle::ssTriangle, QCPScatterStyle::ssSquare,
      QCPScatterStyle::ssDiamond, QCPScatterStyle::ssCross};
  for (std::size_t s = 0; s < result_.logLikelihoodNats.size(); ++s) {
    QCPGraph* graph = scatterPlot_->addGraph();
    graph->setName(
        tr("%1: Spearman ρ = %2").arg(result_.setNames[int(s)], rhoText(result_.spearman[s])));
    graph->setLineStyle(QCPGraph::lsNone);
    const QColor colour = style_.color(int(s));
    graph->setScatterStyle(QCPScatterStyle(shapes[s % shapes.size()], colour, colour, 4));
    QVector<double> x, y;
    const auto& pseudo = result_.pseudoLogLikelihoodNats[s];
    const auto& logp = result_.logLikelihoodNats[s];
    for (std::size_t i = 0; i < pseudo.size(); ++i)
      if (std::isfinite(pseudo[i]) && std::isfinite(logp[i])) {
        x << pseudo[i];
        y << logp[i];
      }
    graph->setData(x, y);
  }
  QString title = tr("Pseudo-likelihood vs Glow log p");
  if (!result_.logLikelihoodNats.empty())
    title = tr("Glow log p (%1) vs pseudo-likelihood").arg(result_.modelLabel);
  else if (result_.prior)
    title = tr("Choose a model to compare with Glow log p");
  scatterTitle_->setText(title);
  style_.applyTo(scatterPlot_);
  rescaleWithMargin(scatterPlot_);
  setPlotEmptyMessage(scatterPlot_,
                      scatterPlot_->graphCount() == 0 ? tr("Nothing computed yet") : QString());
  plotDataChanged(scatterPlot_);
}

std::vector<ScatterSeries> PixelPriorView::histogramPlotSeries() const {
  return plottedSeries(histogramPlot_);
}

std::vector<ScatterSeries> PixelPriorView::scatterPlotSeries() const {
  return plottedSeries(scatterPlot_);
}

}  // namespace glowscope
