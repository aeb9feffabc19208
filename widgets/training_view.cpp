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
#include "widgets/views/empty_plot.h"
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
  replotNow();  // the empty state until the first run arrives
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
  showRemovedBox_ = new QCheckBox(tr("Sho&w removed runs"), this);
  showRemovedBox_->setObjectName("showRemovedBox");
  showRemovedBox_->setToolTip(
      tr("List the runs removed from this list too, greyed, so that they can be restored"));
  connect(showRemovedBox_, &QCheckBox::toggled, this, [this](bool show) {
    refreshControls();
    Q_EMIT showRemovedRunsChanged(show);
  });
  auto* folderRow = new QHBoxLayout;
  folderRow->addWidget(folderLabel_, 1);
  folderRow->addWidget(showRemovedBox_);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(folderRow);
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
      tr("Remove the run from this list and the plots; you choose whether its files stay "
         "(they do unless you ask to delete them)"));
  restoreButton_ = new QPushButton(tr("Res&tore"), controls);
  restoreButton_->setObjectName("restoreButton");
  restoreButton_->setToolTip(tr("List the removed run again"));
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
    if (!selectedRun_.isEmpty()) Q_EMIT removeRequested(selectedRun_);
  });
  connect(restoreButton_, &QPushButton::clicked, this, [this] {
    if (!selectedRun_.isEmpty()) Q_EMIT restoreRequested(selectedRun_);
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
  row->addWidget(restoreButton_);
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
  removed_.remove(runId);
  table_->removeRow(row);
  for (int i = row; i < order_.size(); ++i) refreshTableRow(order_[i]);  // colours move up
  if (selectedRun_ == runId) {
    selectedRun_.clear();
    if (!order_.isEmpty()) selectRun(order_[std::min<int>(row, order_.size() - 1)]);
  }
  refreshControls();
  replotNow();
}

void TrainingView::setRunRemoved(const QString& runId, bool removed) {
  if (!runs_.contains(runId)) return;
  if (removed)
    removed_.insert(runId);
  else
    removed_.remove(runId);
  refreshTableRow(runId);
  refreshControls();
  replotTimer_->start();
}

void TrainingView::setShowRemovedRuns(bool show) { showRemovedBox_->setChecked(show); }

bool TrainingView::showsRemovedRuns() const { return showRemovedBox_->isChecked(); }

void TrainingView::setRunsFolder(const QString& folder, bool isProject) {
  folderLabel_->setText(
      isProject ? tr("Runs of the project are saved in %1").arg(folder)
                : tr("No project open: runs are saved in the workspace %1").arg(folder));
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
  const bool removed = removed_.contains(runId);
  table_->item(row, kRun)->setText(run.title);
  table_->item(row, kState)->setText(removed ? tr("removed") : stateText(run.state));
  for (int column = 0; column < kColumns; ++column) {  // a removed run: grey and italic
    QTableWidgetItem* item = table_->item(row, column);
    QFont font = item->font();
    font.setItalic(removed);
    item->setFont(font);
    if (column != kRun)
      item->setForeground(removed ? palette().brush(QPalette::PlaceholderText)
                                  : palette().brush(QPalette::Text));
  }
  table_->item(row, kRun)->setForeground(removed ? palette().brush(QPalette::PlaceholderText)
                                                 : QBrush(runColour(row)));
  table_->item(row, kStep)->setText(QString("%1 / %2").arg(last.step).arg(last.totalSteps));
  table_->item(row, kEpoch)->setText(QString::number(last.epoch + 1));
  table_->item(row, kLoss)->setText(number(last.loss, 3));
  table_->item(row, kTrainBpd)->setText(number(last.trainBitsPerDim, 3));
  table_->item(row, kTestBpd)->setText(number(last.testBitsPerDim, 3));
  table_->item(row, kSpeed)
      ->setText(
          last.processes > 1
              ? tr("%1 (%2 processes)").arg(number(last.imagesPerSecond, 0)).arg(last.processes)
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
  const bool removed = run && removed_.contains(selectedRun_);
  resumeButton_->setEnabled(run && run->state == "cancelled" && !removed);
  restartButton_->setEnabled(run && run->state == "failed" && !removed);
  removeButton_->setEnabled(run && !active);  // a removed run too: its files may go later
  restoreButton_->setVisible(showRemovedBox_->isChecked());
  restoreButton_->setEnabled(removed);
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

bool TrainingView::isCompared(int row) const {
  return table_->item(row, kRun)->checkState() == Qt::Checked && !removed_.contains(order_[row]);
}

QColor TrainingView::runColour(int index) const {
  static const QColor colours[] = {QColor(31, 119, 180),  QColor(255, 127, 14),
                                   QColor(44, 160, 44),   QColor(214, 39, 40),
                                   QColor(148, 103, 189), QColor(140, 86, 75)};
  return colours[index % 6];
}

}  // namespace glowscope
