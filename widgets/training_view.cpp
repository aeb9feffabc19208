#include "widgets/training_view.h"

#include "widgets/qcustomplot_include.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <map>
#include <span>

#include "core/metrics/statistics.h"
#include "widgets/views/figure_layout.h"
#include "widgets/views/plot_interaction.h"

namespace glowscope {
namespace {

enum Column { kRun, kState, kStep, kEpoch, kLoss, kTrainBpd, kTestBpd, kSpeed, kEvents, kColumns };

QCustomPlot* makePlot(const QString& title, const QString& yLabel, QWidget* parent) {
  auto* plot = new QCustomPlot(parent);
  plot->setMinimumSize(220, 130);  // two rows of plots fit a 700-pixel screen
  plot->plotLayout()->insertRow(0);
  plot->plotLayout()->addElement(0, 0,
                                 new QCPTextElement(plot, title, QFont("sans", 9, QFont::Bold)));
  plot->yAxis->setLabel(yLabel);
  plot->legend->setVisible(true);
  // Zoom, pan, reset, read-out, legend toggles and the screen layout of every other plot: the
  // legend goes inside where it covers no curve point (the newest values included), else below.
  installPlotInteractions(plot);
  return plot;
}

// The ranges that show every point with a margin, a single one too (rescaleAxes alone gives a
// zero-width range around it); AUROC keeps 1 as its top; a log axis spans the positive values.
std::pair<QCPRange, QCPRange> fittedRanges(QCustomPlot* plot, bool isAuroc) {
  // The property, not the axis: the screen layout switches the axis after this fit.
  const bool logY = plot->property(kScreenLogYProperty).toBool();
  bool found = false;
  QCPRange xRange, yRange;
  for (int i = 0; i < plot->graphCount(); ++i) {
    bool hasX = false, hasY = false;
    const QCPRange x = plot->graph(i)->getKeyRange(hasX);
    const QCPRange shown =
        plot->graph(i)->getValueRange(hasY, logY ? QCP::sdPositive : QCP::sdBoth, QCPRange());
    if (!hasX || !hasY) continue;
    xRange = found ? QCPRange(std::min(xRange.lower, x.lower), std::max(xRange.upper, x.upper)) : x;
    yRange =
        found ? QCPRange(std::min(yRange.lower, shown.lower), std::max(yRange.upper, shown.upper))
              : shown;
    found = true;
  }
  if (!found) return {QCPRange(0, 1), logY ? QCPRange(0.1, 1) : QCPRange(0, 1)};
  const double xPad = std::max(xRange.size() * 0.02, 0.5);
  const QCPRange x(xRange.lower - xPad, xRange.upper + xPad);
  if (isAuroc) return {x, QCPRange(std::max(0.0, std::min(yRange.lower - 0.05, 0.5)), 1.0)};
  if (logY) return {x, QCPRange(yRange.lower / 1.25, yRange.upper * 1.25)};
  const double yPad = std::max(yRange.size() * 0.05, std::max(std::abs(yRange.upper) * 0.01, 1e-3));
  return {x, QCPRange(yRange.lower - yPad, yRange.upper + yPad)};
}

QString number(double value, int decimals) {
  return std::isfinite(value) ? QString::number(value, 'f', decimals) : QString::fromUtf8("–");
}

}  // namespace

TrainingView::TrainingView(QWidget* parent) : QWidget(parent) {
  setObjectName("trainingView");
  buildLayout();
  replotTimer_ = new QTimer(this);
  replotTimer_->setSingleShot(true);
  replotTimer_->setInterval(150);  // batch bursts of reports into one redraw
  connect(replotTimer_, &QTimer::timeout, this, &TrainingView::replotNow);
  refreshControls();
}

TrainingView::~TrainingView() = default;

void TrainingView::buildLayout() {
  table_ = new QTableWidget(0, kColumns, this);
  table_->setObjectName("runsTable");
  table_->setHorizontalHeaderLabels({tr("Run"), tr("State"), tr("Step"), tr("Epoch"), tr("Loss"),
                                     tr("Train bpd"), tr("Test bpd"), tr("Images/s"),
                                     tr("NaN/skip")});
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  table_->horizontalHeader()->setStretchLastSection(true);
  table_->horizontalHeaderItem(kSpeed)->setToolTip(
      tr("Training images per second of all processes of the run together"));
  table_->verticalHeader()->hide();
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::SingleSelection);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setMaximumHeight(160);
  connect(table_, &QTableWidget::itemSelectionChanged, this, [this] {
    const auto rows = table_->selectionModel()->selectedRows();
    if (!rows.isEmpty() && rows.front().row() < order_.size()) {
      if (selectedRun_ != order_[rows.front().row()]) runChanged_ = true;
      selectedRun_ = order_[rows.front().row()];
      refreshControls();
      replotNow();
    }
  });
  connect(table_, &QTableWidget::itemChanged, this, [this](QTableWidgetItem* item) {
    if (item->column() == kRun) replotTimer_->start();  // a run was shown or hidden
  });

  lossPlot_ = makePlot(tr("Loss parts (selected run)"), tr("nats"), this);
  bitsPlot_ = makePlot(tr("Bits/dim"), tr("bits/dim"), this);
  aurocPlot_ = makePlot(tr("AUROC per OOD set"), tr("AUROC"), this);
  speedPlot_ = makePlot(tr("Throughput"), tr("images/s"), this);
  lossPlot_->setObjectName("lossPlot");
  bitsPlot_->setObjectName("bitsPlot");
  aurocPlot_->setObjectName("aurocPlot");
  speedPlot_->setObjectName("speedPlot");
  auto* plots = new QWidget(this);
  auto* grid = new QGridLayout(plots);
  grid->setContentsMargins(0, 0, 0, 0);
  grid->addWidget(lossPlot_, 0, 0);
  grid->addWidget(bitsPlot_, 0, 1);
  grid->addWidget(aurocPlot_, 1, 0);
  grid->addWidget(speedPlot_, 1, 1);

  folderLabel_ = new QLabel(this);
  folderLabel_->setObjectName("runsFolderLabel");
  folderLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(folderLabel_);
  layout->addWidget(table_);
  layout->addWidget(buildPlotOptions());
  layout->addWidget(plots, 1);
  layout->addWidget(buildControls());
}

// What the plots show: x per step or epoch, smoothing, log y; as TensorBoard's scalar options.
QWidget* TrainingView::buildPlotOptions() {
  auto* options = new QWidget(this);
  auto* row = new QHBoxLayout(options);
  row->setContentsMargins(0, 0, 0, 0);
  axisCombo_ = new QComboBox(options);
  axisCombo_->setObjectName("axisCombo");
  axisCombo_->addItems({tr("per step"), tr("per epoch")});
  connect(axisCombo_, &QComboBox::currentIndexChanged, this,
          [this](int index) { setEpochAxis(index == 1); });
  smoothingBox_ = new QDoubleSpinBox(options);
  smoothingBox_->setObjectName("smoothingBox");
  smoothingBox_->setRange(0, 0.99);
  smoothingBox_->setSingleStep(0.05);
  smoothingBox_->setDecimals(2);
  smoothingBox_->setToolTip(
      tr("Exponential moving average of the loss, train bits/dim and throughput curves, as in "
         "TensorBoard: 0 shows the raw values, 0.99 smooths the most. The raw curve stays "
         "behind, faint. Test bits/dim and AUROC (evaluations) are not smoothed."));
  connect(smoothingBox_, &QDoubleSpinBox::valueChanged, this, &TrainingView::setSmoothing);
  logYBox_ = new QCheckBox(tr("Logarithmic y (loss, bits/dim)"), options);
  logYBox_->setObjectName("logYBox");
  connect(logYBox_, &QCheckBox::toggled, this, &TrainingView::setLogY);
  auto* smoothingLabel = new QLabel(tr("S&moothing:"), options);
  smoothingLabel->setBuddy(smoothingBox_);
  row->addWidget(new QLabel(tr("x axis:"), options));
  row->addWidget(axisCombo_);
  row->addSpacing(12);
  row->addWidget(smoothingLabel);
  row->addWidget(smoothingBox_);
  row->addSpacing(12);
  row->addWidget(logYBox_);
  row->addStretch();
  return options;
}

QWidget* TrainingView::buildControls() {
  auto* controls = new QWidget(this);
  auto* row = new QHBoxLayout(controls);
  row->setContentsMargins(0, 0, 0, 0);
  progressBar_ = new QProgressBar(controls);
  progressBar_->setObjectName("trainingProgress");
  progressBar_->setFormat(tr("step %v of %m"));
  etaLabel_ = new QLabel(controls);
  etaLabel_->setObjectName("etaLabel");
  eventsLabel_ = new QLabel(controls);
  eventsLabel_->setObjectName("eventsLabel");
  pauseButton_ = new QPushButton(tr("&Pause"), controls);
  pauseButton_->setObjectName("pauseButton");
  pauseButton_->setCheckable(true);
  cancelButton_ = new QPushButton(tr("&Stop"), controls);
  cancelButton_->setObjectName("cancelButton");
  cancelButton_->setToolTip(tr("Stop after the current step and write a resumable checkpoint"));
  resumeButton_ = new QPushButton(tr("&Resume from checkpoint"), controls);
  resumeButton_->setObjectName("resumeButton");
  resumeButton_->setToolTip(tr("Continue a stopped run from its last checkpoint"));
  restartButton_ = new QPushButton(tr("&Edit and restart…"), controls);
  restartButton_->setObjectName("restartButton");
  restartButton_->setToolTip(tr("Edit the configuration of a failed run and train it from step 0"));
  removeButton_ = new QPushButton(tr("Remo&ve"), controls);
  removeButton_->setObjectName("removeButton");
  removeButton_->setToolTip(
      tr("Remove the run from this list and the plots; it is not listed again "
         "(its files stay)"));
  statusLabel_ = new QLabel(controls);
  statusLabel_->setObjectName("statusLabel");
  connect(pauseButton_, &QPushButton::toggled, this, [this](bool paused) {
    pauseButton_->setText(paused ? tr("&Continue") : tr("&Pause"));
    if (!selectedRun_.isEmpty()) Q_EMIT pauseRequested(selectedRun_, paused);
  });
  connect(restartButton_, &QPushButton::clicked, this, [this] {
    if (!selectedRun_.isEmpty()) Q_EMIT restartRequested(selectedRun_);
  });
  connect(removeButton_, &QPushButton::clicked, this, [this] {
    if (selectedRun_.isEmpty()) return;
    const QString runId = selectedRun_;
    removeRun(runId);
    Q_EMIT runRemoved(runId);
  });
  connect(cancelButton_, &QPushButton::clicked, this, [this] {
    if (!selectedRun_.isEmpty()) Q_EMIT cancelRequested(selectedRun_);
  });
  connect(resumeButton_, &QPushButton::clicked, this, [this] {
    if (!selectedRun_.isEmpty()) Q_EMIT resumeRequested(selectedRun_);
  });
  row->addWidget(progressBar_, 1);
  row->addWidget(etaLabel_);
  row->addWidget(eventsLabel_);
  row->addWidget(pauseButton_);
  row->addWidget(cancelButton_);
  row->addWidget(resumeButton_);
  row->addWidget(restartButton_);
  row->addWidget(removeButton_);
  auto* box = new QWidget(this);
  auto* column = new QVBoxLayout(box);
  column->setContentsMargins(0, 0, 0, 0);
  column->addWidget(controls);
  column->addWidget(statusLabel_);
  return box;
}

void TrainingView::addRun(const QString& runId, const QString& title, bool resetCurves) {
  if (runs_.contains(runId)) {
    if (resetCurves) *runs_[runId] = TrainingSeries{};
    runs_[runId]->title = title;
  } else {
    auto run = std::make_shared<TrainingSeries>();
    run->title = title;
    runs_.insert(runId, run);
    order_.push_back(runId);
    const int row = table_->rowCount();
    table_->insertRow(row);
    for (int column = 0; column < kColumns; ++column)
      table_->setItem(row, column, new QTableWidgetItem);
    table_->item(row, kRun)->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable |
                                      Qt::ItemIsUserCheckable);
    table_->item(row, kRun)->setCheckState(Qt::Checked);
    table_->item(row, kRun)->setToolTip(
        tr("Checked runs are compared in the bits/dim, AUROC "
           "and throughput plots"));
  }
  refreshTableRow(runId);
  if (selectedRun_.isEmpty() || resetCurves) selectRun(runId);
  replotTimer_->start();
}

void TrainingView::updateRun(const QString& runId, const TrainingProgress& progress) {
  if (!runs_.contains(runId)) addRun(runId, runId);
  runs_[runId]->add(progress);
  if (!progress.message.empty()) statusLabel_->setText(QString::fromStdString(progress.message));
  refreshTableRow(runId);
  if (runId == selectedRun_) refreshControls();
  if (!replotTimer_->isActive()) replotTimer_->start();
}

void TrainingView::showHistory(const QString& runId, const std::vector<TrainingProgress>& records) {
  if (!runs_.contains(runId)) addRun(runId, runId);
  TrainingSeries& run = *runs_[runId];
  const QString title = run.title;
  run = TrainingSeries{};
  run.title = title;
  for (const TrainingProgress& record : records) run.add(record);
  runChanged_ = true;  // whole new curves
  refreshTableRow(runId);
  refreshControls();
  replotTimer_->start();
}

void TrainingView::removeRun(const QString& runId) {
  const int row = order_.indexOf(runId);
  if (row < 0) return;
  order_.removeAt(row);
  runs_.remove(runId);
  table_->removeRow(row);
  for (int i = row; i < order_.size(); ++i) refreshTableRow(order_[i]);  // colours move up
  if (selectedRun_ == runId) {
    selectedRun_.clear();
    if (!order_.isEmpty()) selectRun(order_[std::min<int>(row, order_.size() - 1)]);
  }
  refreshControls();
  replotNow();
}

void TrainingView::setRunsFolder(const QString& folder, bool isProject) {
  folderLabel_->setText(isProject ? tr("Runs of the project are saved in %1").arg(folder)
                                  : tr("No project open: runs are saved in the workspace %1")
                                        .arg(folder));
  folderLabel_->setToolTip(folder);
}

void TrainingView::setRunState(const QString& runId, const QString& state, const QString& message) {
  if (!runs_.contains(runId)) return;
  runs_[runId]->state = state;
  if (!message.isEmpty()) statusLabel_->setText(message);
  refreshTableRow(runId);
  refreshControls();
}

void TrainingView::selectRun(const QString& runId) {
  const int row = order_.indexOf(runId);
  if (row < 0) return;
  if (selectedRun_ != runId) runChanged_ = true;
  selectedRun_ = runId;
  table_->selectRow(row);
  refreshControls();
  replotTimer_->start();
}

const TrainingSeries* TrainingView::series(const QString& runId) const {
  return runs_.contains(runId) ? runs_[runId].get() : nullptr;
}

QString TrainingView::statusText() const { return statusLabel_->text(); }

void TrainingView::setEpochAxis(bool perEpoch) {
  perEpoch_ = perEpoch;
  axisCombo_->setCurrentIndex(perEpoch ? 1 : 0);
  runChanged_ = true;  // other x values: the old zoom means nothing
  replotNow();
}

void TrainingView::setSmoothing(double weight) {
  smoothing_ = std::clamp(weight, 0.0, 0.99);
  const QSignalBlocker blocker(smoothingBox_);
  smoothingBox_->setValue(smoothing_);
  replotNow();
}

void TrainingView::setLogY(bool logarithmic) {
  logY_ = logarithmic;
  const QSignalBlocker blocker(logYBox_);
  logYBox_->setChecked(logarithmic);
  for (QCustomPlot* plot : {lossPlot_, bitsPlot_}) plot->setProperty(kScreenLogYProperty, logY_);
  runChanged_ = true;  // ranges of another scale
  replotNow();
}

void TrainingView::refreshTableRow(const QString& runId) {
  const int row = order_.indexOf(runId);
  const TrainingSeries& run = *runs_[runId];
  const TrainingProgress& last = run.last;
  const QSignalBlocker blocker(table_);  // keep itemChanged for the user's check boxes
  table_->item(row, kRun)->setText(run.title);
  table_->item(row, kRun)->setForeground(runColour(row));
  table_->item(row, kState)->setText(stateText(run.state));
  table_->item(row, kStep)->setText(QString("%1 / %2").arg(last.step).arg(last.totalSteps));
  table_->item(row, kEpoch)->setText(QString::number(last.epoch + 1));
  table_->item(row, kLoss)->setText(number(last.loss, 3));
  table_->item(row, kTrainBpd)->setText(number(last.trainBitsPerDim, 3));
  table_->item(row, kTestBpd)->setText(number(last.testBitsPerDim, 3));
  table_->item(row, kSpeed)
      ->setText(last.processes > 1 ? tr("%1 (%2 processes)")
                                         .arg(number(last.imagesPerSecond, 0))
                                         .arg(last.processes)
                                   : number(last.imagesPerSecond, 0));
  table_->item(row, kEvents)->setText(QString::number(run.eventCount()));
}

void TrainingView::refreshControls() {
  const TrainingSeries* run = series(selectedRun_);
  const bool active =
      run && (run->state == "running" || run->state == "paused" || run->state == "waiting");
  pauseButton_->setEnabled(active);
  cancelButton_->setEnabled(active);
  // A failed run has no state worth continuing from: it is edited and trained again.
  resumeButton_->setEnabled(run && run->state == "cancelled");
  restartButton_->setEnabled(run && run->state == "failed");
  removeButton_->setEnabled(run && !active);
  {
    const QSignalBlocker blocker(pauseButton_);
    const bool paused = run && run->state == "paused";
    pauseButton_->setChecked(paused);
    pauseButton_->setText(paused ? tr("&Continue") : tr("&Pause"));
  }
  if (!run) {
    progressBar_->setRange(0, 1);
    progressBar_->setValue(0);
    etaLabel_->clear();
    eventsLabel_->clear();
    return;
  }
  const TrainingProgress& last = run->last;
  progressBar_->setRange(0, static_cast<int>(std::max<int64_t>(last.totalSteps, 1)));
  progressBar_->setValue(static_cast<int>(last.step));
  etaLabel_->setText(run->state == "running" ? tr("ETA %1").arg(formatDuration(last.etaSeconds))
                                             : stateText(run->state));
  eventsLabel_->setText(tr("NaN/skip events: %1").arg(run->eventCount()));
  eventsLabel_->setToolTip(
      tr("skipped steps %1, dropped samples %2, rollbacks %3\n")
          .arg(last.skippedSteps)
          .arg(last.droppedSamples)
          .arg(last.rollbacks) +
      QStringList(run->eventDetails.begin(), run->eventDetails.end()).join('\n'));
  eventsLabel_->setStyleSheet(run->eventCount() > 0 ? "color: #d04040; font-weight: bold;" : "");
}

QString TrainingView::stateText(const QString& state) {
  if (state == "running") return tr("running");
  if (state == "paused") return tr("paused");
  if (state == "finished") return tr("finished");
  if (state == "cancelled") return tr("stopped (resumable)");
  if (state == "failed") return tr("failed");
  if (state == "waiting") return tr("waiting");
  return state;
}

QColor TrainingView::runColour(int index) const {
  static const QColor colours[] = {QColor(31, 119, 180),  QColor(255, 127, 14),
                                   QColor(44, 160, 44),   QColor(214, 39, 40),
                                   QColor(148, 103, 189), QColor(140, 86, 75)};
  return colours[index % 6];
}

void TrainingView::replotNow() {
  // The graphs are drawn anew from the series; a series the user hid (legend click) stays hidden.
  std::map<QCustomPlot*, QSet<QString>> hidden;
  for (QCustomPlot* plot : {lossPlot_, bitsPlot_, aurocPlot_, speedPlot_}) {
    for (int i = 0; i < plot->graphCount(); ++i)
      if (!plot->graph(i)->visible()) hidden[plot].insert(plot->graph(i)->name());
    plot->clearGraphs();
    plot->xAxis->setLabel(perEpoch_ ? tr("epoch") : tr("step"));
  }
  if (const TrainingSeries* run = series(selectedRun_)) plotLossParts(*run);
  plotComparison();
  for (QCustomPlot* plot : {lossPlot_, bitsPlot_, aurocPlot_, speedPlot_}) {
    for (int i = 0; i < plot->graphCount(); ++i)
      if (hidden[plot].contains(plot->graph(i)->name())) plot->graph(i)->setVisible(false);
    plot->legend->setVisible(plot->graphCount() > 0);
    fitAxes(plot, plot == aurocPlot_);
  }
  runChanged_ = false;
}

// A curve, smoothed when the view smooths and `smoothed` allows it (core's EMA, as TensorBoard
// does): the raw values stay behind, faint, without a legend entry, hidden and shown with it.
void TrainingView::addCurve(QCustomPlot* plot, const CurvePoints& points, const QString& name,
                            QPen pen, bool smoothed) {
  // A curve without points (a run not evaluated yet) would only add a legend entry; the loss
  // plot keeps its total, the first graph, and drops its other empty parts itself.
  if (points.size() == 0 && plot != lossPlot_) return;
  QVector<double> values = points.y;
  QCPGraph* raw = nullptr;
  if (smoothed && smoothing_ > 0 && points.size() > 1) {
    raw = plot->addGraph();
    raw->setName(tr("%1 (raw)").arg(name));
    QColor faint = pen.color();
    faint.setAlpha(60);
    raw->setPen(QPen(faint, 1));
    raw->setData(points.x, points.y, true);
    raw->removeFromLegend();
    const std::vector<double> average = exponentialMovingAverage(
        std::span<const double>(points.y.constData(), points.y.size()), smoothing_);
    values = QVector<double>(average.begin(), average.end());
  }
  QCPGraph* graph = plot->addGraph();
  graph->setName(name);
  graph->setPen(pen);
  graph->setData(points.x, values, true);
  if (points.size() < 3) graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 5));
  if (raw) raw->setProperty(kCompanionOfProperty, QVariant::fromValue<QObject*>(graph));
}

void TrainingView::plotLossParts(const TrainingSeries& run) {
  if (perEpoch_) {
    addCurve(lossPlot_, run.lossByEpoch.points(), tr("loss (epoch mean)"), QPen(Qt::black, 1.5),
             true);
    return;
  }
  addCurve(lossPlot_, run.loss, tr("total"), QPen(Qt::black, 1.5), true);
  addCurve(lossPlot_, run.likelihood, tr("likelihood"), QPen(QColor(31, 119, 180)), true);
  addCurve(lossPlot_, run.outlier, tr("outlier"), QPen(QColor(214, 39, 40)), true);
  addCurve(lossPlot_, run.margin, tr("margin"), QPen(QColor(148, 103, 189)), true);
  addCurve(lossPlot_, run.supervised, tr("supervised"), QPen(QColor(44, 160, 44)), true);
  for (int i = lossPlot_->graphCount() - 1; i >= 1; --i)
    if (lossPlot_->graph(i)->dataCount() == 0) lossPlot_->removeGraph(i);
  if (run.eventMarks.size() > 0) {
    QCPGraph* marks = lossPlot_->addGraph();
    marks->setName(tr("NaN/skip events (%1)").arg(run.eventCount()));
    marks->setLineStyle(QCPGraph::lsNone);
    marks->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCross, QColor(220, 0, 0), 10));
    marks->setData(run.eventMarks.x, run.eventMarks.y, true);
  }
}

void TrainingView::plotComparison() {
  for (int row = 0; row < order_.size(); ++row) {
    if (table_->item(row, kRun)->checkState() != Qt::Checked) continue;
    const TrainingSeries& run = *runs_[order_[row]];
    const QColor colour = runColour(row);
    QPen dashed(colour, 1.5, Qt::DashLine);
    if (perEpoch_) {
      addCurve(bitsPlot_, run.trainBitsPerDimByEpoch.points(), run.title + tr(" train"),
               QPen(colour), true);
      CurvePoints test;
      for (const auto& [epoch, bpd] : run.testBitsPerDimByEpoch)
        test.add(static_cast<double>(epoch + 1), bpd);
      addCurve(bitsPlot_, test, run.title + tr(" test"), dashed, false);
    } else {
      addCurve(bitsPlot_, run.trainBitsPerDim, run.title + tr(" train"), QPen(colour), true);
      addCurve(bitsPlot_, run.testBitsPerDim, run.title + tr(" test"), dashed, false);
      addCurve(speedPlot_, run.imagesPerSecond, run.title, QPen(colour), true);
    }
    int styleIndex = 0;
    for (const auto& [name, points] : run.aurocByOod) {
      QPen pen(colour, 1.5, static_cast<Qt::PenStyle>(Qt::SolidLine + styleIndex++ % 4));
      addCurve(aurocPlot_, points, run.title + ": " + name, pen, false);
    }
  }
}

void TrainingView::fitAxes(QCustomPlot* plot, bool isAuroc) {
  const auto [x, y] = fittedRanges(plot, isAuroc);
  if (runChanged_) {
    plot->xAxis->setRange(x);
    plot->yAxis->setRange(y);
    plotDataChanged(plot);  // the whole curves, whatever the user had zoomed into before
  } else {
    setPlotHomeRanges(plot, x, y);  // a zoomed view stays while the curves grow
  }
}

}  // namespace glowscope
