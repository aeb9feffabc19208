// The live training view, fed by a fake progress source (test only): curves grow, evaluation
// points and AUROCs appear, NaN events are counted and marked, progress and ETA follow, the
// buttons ask for pause / stop / resume, and several runs are listed side by side.
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTimer>
#include <QWheelEvent>
#include <QtTest>
#include <cmath>
#include <span>

#include "core/metrics/statistics.h"
#include "widgets/qcustomplot_include.h"
#include "widgets/training_view.h"
#include "widgets/views/empty_plot.h"
#include "widgets/views/figure_layout.h"
#include "widgets/views/plot_interaction.h"

namespace glowscope {

/// Emits synthetic reports on a timer, like the trainer's callback would through the
/// controller; lives only in this test.
class FakeProgressSource : public QObject {
  Q_OBJECT

 public:
  FakeProgressSource(QString runId, int totalSteps) : runId_(std::move(runId)), total_(totalSteps) {
    connect(&timer_, &QTimer::timeout, this, &FakeProgressSource::tick);
  }
  void start() { timer_.start(5); }

 Q_SIGNALS:
  void progress(const QString& runId, const TrainingProgress& progress);

 private:
  void tick() {
    step_ += 10;
    TrainingProgress report;
    report.step = step_;
    report.totalSteps = total_;
    report.epoch = step_ / 50;
    report.likelihoodLoss = 2000.0 / std::sqrt(double(step_));
    report.loss = report.likelihoodLoss;
    report.trainBitsPerDim = 5.0 / std::sqrt(double(step_));
    report.imagesPerSecond = 900 + step_;
    report.etaSeconds = (total_ - step_) / 100.0;
    if (step_ == 30) {
      report.skippedSteps = 1;
      report.newEvents.push_back({NanEvent::Kind::SkippedStep, 27, "non-finite gradient"});
    }
    if (step_ % 50 == 0) {
      report.evaluated = true;
      report.testBitsPerDim = report.trainBitsPerDim + 0.1;
      report.aurocByOodSet = {{"mnist:test", 0.5 + step_ / 1000.0}};
    }
    report.finished = step_ >= total_;
    Q_EMIT progress(runId_, report);
    if (report.finished) timer_.stop();
  }

  QString runId_;
  int total_;
  int step_ = 0;
  QTimer timer_;
};

namespace {

// A noisy run: loss and train bits/dim alternate around a falling trend, so that smoothing
// visibly changes every value.
void feedNoisyRun(TrainingView& view, const QString& runId, int steps, int firstStep = 1) {
  for (int step = firstStep; step < firstStep + steps; ++step) {
    TrainingProgress report;
    report.step = step;
    report.totalSteps = 1000;
    const double noise = step % 2 ? 8.0 : -8.0;
    report.loss = 100.0 - step * 0.5 + noise;
    report.likelihoodLoss = report.loss;
    report.trainBitsPerDim = 4.0 - step * 0.01 + noise / 100;
    report.imagesPerSecond = 500 + noise;
    view.updateRun(runId, report);
  }
}

QCPGraph* graphNamed(QCustomPlot* plot, const QString& name) {
  for (int i = 0; i < plot->graphCount(); ++i)
    if (plot->graph(i)->name() == name) return plot->graph(i);
  return nullptr;
}

QVector<double> valuesOf(const QCPGraph* graph) {
  QVector<double> values;
  for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
    values << it->value;
  return values;
}

QVector<double> ema(const QVector<double>& values, double weight) {
  const std::vector<double> smoothed =
      exponentialMovingAverage(std::span<const double>(values.constData(), values.size()), weight);
  return QVector<double>(smoothed.begin(), smoothed.end());
}

bool inLegend(QCustomPlot* plot, QCPGraph* graph) {
  return plot->legend->itemWithPlottable(graph) != nullptr;
}

void showAndFeed(TrainingView& view) {
  view.resize(1100, 800);
  view.show();
  QVERIFY(QTest::qWaitForWindowExposed(&view));
  view.addRun("a", "a");
  feedNoisyRun(view, "a", 40);
  view.addRun("b", "b");
  feedNoisyRun(view, "b", 30);
  view.selectRun("a");
  QTest::qWait(300);  // the batched redraw
}

}  // namespace

class TstTrainingView : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void updatesFromFakeSource() {
    TrainingView view;
    view.resize(1000, 700);
    view.show();
    FakeProgressSource source("fmnist", 200);
    connect(&source, &FakeProgressSource::progress, &view, &TrainingView::updateRun);
    view.addRun("fmnist", "fashion-mnist");
    view.setRunState("fmnist", "running");
    source.start();
    QTRY_VERIFY_WITH_TIMEOUT(view.series("fmnist") && view.series("fmnist")->state == "finished",
                             5000);
    const TrainingSeries& run = *view.series("fmnist");
    QCOMPARE(run.loss.size(), 20);
    QCOMPARE(run.trainBitsPerDim.size(), 20);
    QCOMPARE(run.testBitsPerDim.size(), 4);
    QCOMPARE(run.aurocByOod.at("mnist:test").size(), 4);
    QCOMPARE(run.eventCount(), 1);
    QCOMPARE(run.eventMarks.x.front(), 27.0);
    QCOMPARE(run.lossByEpoch.points().size(), 5);  // steps 10..200 fall in epochs 0..4
    QCOMPARE(view.progressBar()->value(), 200);
    QCOMPARE(view.progressBar()->maximum(), 200);
    QVERIFY(view.findChild<QLabel*>("eventsLabel")->text().contains("1"));
    auto* table = view.findChild<QTableWidget*>("runsTable");
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, 1)->text(), QString("finished"));
    QCOMPARE(table->item(0, 8)->text(), QString("1"));
  }

  void etaAndButtons() {
    TrainingView view;
    view.addRun("a", "in-distribution");
    view.setRunState("a", "running");
    TrainingProgress report;
    report.step = 50;
    report.totalSteps = 100;
    report.etaSeconds = 125;
    report.loss = 1;
    view.updateRun("a", report);
    QVERIFY(view.findChild<QLabel*>("etaLabel")->text().contains("2 min 05 s"));
    QSignalSpy pause(&view, &TrainingView::pauseRequested);
    QSignalSpy cancel(&view, &TrainingView::cancelRequested);
    QSignalSpy resume(&view, &TrainingView::resumeRequested);
    auto* pauseButton = view.findChild<QPushButton*>("pauseButton");
    auto* resumeButton = view.findChild<QPushButton*>("resumeButton");
    QVERIFY(pauseButton->isEnabled());
    QVERIFY(!resumeButton->isEnabled());
    pauseButton->click();
    QCOMPARE(pause.size(), 1);
    QCOMPARE(pause.front().at(1).toBool(), true);
    view.findChild<QPushButton*>("cancelButton")->click();
    QCOMPARE(cancel.size(), 1);
    QCOMPARE(cancel.front().front().toString(), QString("a"));
    view.setRunState("a", "cancelled", "stopped; resumable checkpoint x");
    QVERIFY(resumeButton->isEnabled());
    QVERIFY(!pauseButton->isEnabled());
    resumeButton->click();
    QCOMPARE(resume.size(), 1);
    QCOMPARE(view.statusText(), QString("stopped; resumable checkpoint x"));
  }

  void severalRunsSideBySide() {
    TrainingView view;
    view.addRun("general", "general model");
    view.addRun("indist", "in-distribution");
    for (int step = 1; step <= 3; ++step) {
      TrainingProgress report;
      report.step = step;
      report.totalSteps = 3;
      report.trainBitsPerDim = 4.0 - step;
      view.updateRun("general", report);
      report.trainBitsPerDim = 3.0 - step * 0.5;
      view.updateRun("indist", report);
    }
    QCOMPARE(view.runIds(), (QStringList{"general", "indist"}));
    QCOMPARE(view.series("general")->trainBitsPerDim.size(), 3);
    QCOMPARE(view.series("indist")->trainBitsPerDim.y.back(), 1.5);
    view.selectRun("indist");
    QCOMPARE(view.selectedRun(), QString("indist"));
    view.setEpochAxis(true);  // redraws per epoch without losing the step data
    QCOMPARE(view.series("general")->trainBitsPerDim.size(), 3);
  }

  /// A single AUROC point lies inside the axes at once; the legends sit below the axes (inside
  /// they covered the newest values); Pause reads "Continue" while paused; the table says the
  /// state in the words the status bar uses.
  void smoothingDrawsCoreEmaOverTheFaintRawCurve() {
    TrainingView view;
    showAndFeed(view);
    const QVector<double> raw = view.series("a")->loss.y;
    QCOMPARE(raw.size(), 40);
    // Through the control, as the user sets it.
    view.findChild<QDoubleSpinBox*>("smoothingBox")->setValue(0.6);
    QCOMPARE(view.smoothing(), 0.6);
    QCPGraph* total = graphNamed(view.lossPlot(), "total");
    QVERIFY(total);
    const QVector<double> drawn = valuesOf(total), expected = ema(raw, 0.6);
    QCOMPARE(drawn.size(), expected.size());
    for (int i = 0; i < drawn.size(); ++i) QVERIFY(qFuzzyCompare(drawn[i], expected[i]));
    QVERIFY(std::abs(drawn[5] - raw[5]) > 1);  // smoothing changed the values
    QCPGraph* faint = graphNamed(view.lossPlot(), "total (raw)");
    QVERIFY(faint);
    QCOMPARE(valuesOf(faint), raw);
    QVERIFY(!inLegend(view.lossPlot(), faint));
    QVERIFY(faint->pen().color().alpha() < 128);
    QVERIFY(inLegend(view.lossPlot(), total));
    // Evaluations are not smoothed: no test bits/dim here, but the train curve of each run is.
    QCPGraph* train = graphNamed(view.bitsPlot(), "b train");
    QVERIFY(train);
    QCOMPARE(valuesOf(train), ema(view.series("b")->trainBitsPerDim.y, 0.6));

    // Another run: the setting stays and applies to it.
    view.selectRun("b");
    QTest::qWait(300);
    QCOMPARE(view.findChild<QDoubleSpinBox*>("smoothingBox")->value(), 0.6);
    QCOMPARE(valuesOf(graphNamed(view.lossPlot(), "total")), ema(view.series("b")->loss.y, 0.6));

    // 0 restores the raw values and drops the faint copy.
    view.findChild<QDoubleSpinBox*>("smoothingBox")->setValue(0);
    QCOMPARE(valuesOf(graphNamed(view.lossPlot(), "total")), view.series("b")->loss.y);
    QVERIFY(!graphNamed(view.lossPlot(), "total (raw)"));
  }

  void legendClickHidesTheSmoothedCurveWithItsRawCurveAcrossRedraws() {
    TrainingView view;
    showAndFeed(view);
    view.setSmoothing(0.8);
    QCustomPlot* plot = view.lossPlot();
    togglePlottable(plot, graphNamed(plot, "total"));
    QVERIFY(!graphNamed(plot, "total")->visible());
    QVERIFY(!graphNamed(plot, "total (raw)")->visible());
    feedNoisyRun(view, "a", 5, 41);  // new reports redraw the graphs
    QTest::qWait(300);
    QCOMPARE(graphNamed(plot, "total")->dataCount(), 45);
    QVERIFY(!graphNamed(plot, "total")->visible());
    QVERIFY(!graphNamed(plot, "total (raw)")->visible());
  }

  void logYSwitchesTheLossAndBitsAxesAndStays() {
    TrainingView view;
    showAndFeed(view);
    for (QCustomPlot* plot : {view.lossPlot(), view.bitsPlot(), view.speedPlot()})
      QCOMPARE(plot->yAxis->scaleType(), QCPAxis::stLinear);
    view.findChild<QCheckBox*>("logYBox")->click();
    QVERIFY(view.logY());
    for (QCustomPlot* plot : {view.lossPlot(), view.bitsPlot()}) {
      QCOMPARE(plot->yAxis->scaleType(), QCPAxis::stLogarithmic);
      QVERIFY(plot->yAxis->range().lower > 0);
    }
    QCOMPARE(view.speedPlot()->yAxis->scaleType(), QCPAxis::stLinear);
    view.selectRun("b");
    QTest::qWait(300);
    QCOMPARE(view.bitsPlot()->yAxis->scaleType(), QCPAxis::stLogarithmic);
    QVERIFY(view.findChild<QCheckBox*>("logYBox")->isChecked());
    view.findChild<QCheckBox*>("logYBox")->click();
    QCOMPARE(view.lossPlot()->yAxis->scaleType(), QCPAxis::stLinear);
  }

  void wheelZoomsATrainingPlotKeptWhileItGrowsAndDoubleClickResets() {
    TrainingView view;
    showAndFeed(view);
    QCustomPlot* plot = view.bitsPlot();
    const QCPRange x = plot->xAxis->range();
    const QPoint centre = plot->axisRect()->rect().center();
    QWheelEvent event(centre, plot->mapToGlobal(centre), QPoint(), QPoint(0, 240), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(plot, &event);
    const QCPRange zoomed = plot->xAxis->range();
    QVERIFY2(zoomed.size() < 0.9 * x.size(), qPrintable(QString::number(zoomed.size())));
    feedNoisyRun(view, "a", 20, 41);  // the run goes on: the user's view stays
    QTest::qWait(300);
    QCOMPARE(plot->xAxis->range(), zoomed);
    QTest::mouseDClick(plot, Qt::LeftButton, Qt::NoModifier, centre);
    // Back to the whole curves, the new steps included.
    QVERIFY(plot->xAxis->range().lower < 1 && plot->xAxis->range().upper >= 60);
    QVERIFY(plot->xAxis->range().upper > x.upper);
  }

  void emptyPlotsUseTheirWholeWidth() {
    TrainingView view;  // no run yet, as at a first start
    view.resize(1100, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    for (QCustomPlot* plot : {view.lossPlot(), view.bitsPlot(), view.aurocPlot(), view.speedPlot()}) {
      plot->replot();
      QVERIFY2(plot->axisRect()->outerRect().width() > 0.8 * plot->width(),
               qPrintable(QString("%1: axes %2 px of %3")
                              .arg(plot->objectName())
                              .arg(plot->axisRect()->outerRect().width())
                              .arg(plot->width())));
    }
  }

  void emptyPlotsSayWhyInsteadOfShowingAxes() {
    TrainingView view;  // a first start: no run, so no axes that look like data
    view.resize(1100, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const auto plots = {view.lossPlot(), view.bitsPlot(), view.aurocPlot(), view.speedPlot()};
    for (QCustomPlot* plot : plots) {
      QVERIFY2(plotEmptyMessage(plot).contains("New Training Run"), qPrintable(plot->objectName()));
      QVERIFY(!plot->xAxis->visible() && !plot->yAxis->visible());
      QVERIFY(!plot->xAxis->grid()->visible());
    }
    view.addRun("a", "run a");
    feedNoisyRun(view, "a", 20);  // loss, bits/dim and throughput, no evaluation yet
    QTest::qWait(300);            // the batched redraw
    for (QCustomPlot* plot : {view.lossPlot(), view.bitsPlot(), view.speedPlot()}) {
      QVERIFY2(plotEmptyMessage(plot).isEmpty(), qPrintable(plotEmptyMessage(plot)));
      QVERIFY(plot->xAxis->visible() && plot->yAxis->visible());
      QVERIFY(!plot->xAxis2->visible());  // the axes the plot did not show stay hidden
    }
    QVERIFY2(plotEmptyMessage(view.aurocPlot()).contains("AUROC"),
             qPrintable(plotEmptyMessage(view.aurocPlot())));
    QVERIFY(!view.aurocPlot()->xAxis->visible());
    // Unchecked from the comparison: the comparison plots say so, the loss plot keeps its run.
    view.findChild<QTableWidget*>("runsTable")->item(0, 0)->setCheckState(Qt::Unchecked);
    QTest::qWait(300);
    QVERIFY(plotEmptyMessage(view.bitsPlot()).contains("Check runs"));
    QVERIFY(plotEmptyMessage(view.lossPlot()).isEmpty());
    view.removeRun("a");  // all runs gone: the first start's message again
    for (QCustomPlot* plot : plots) {
      QVERIFY(plotEmptyMessage(plot).contains("New Training Run"));
      QVERIFY(!plot->yAxis->visible());
    }
  }

  void plotsShowTheNewestValuesAndTheButtonsTheirState() {
    TrainingView view;
    view.resize(900, 700);
    view.show();
    view.addRun("a", "run a");
    view.setRunState("a", "running");
    for (int step = 1; step <= 100; ++step) {
      TrainingProgress report;
      report.step = step;
      report.totalSteps = 200;
      report.loss = 3.0 - step * 0.01;
      report.trainBitsPerDim = 5.0 - step * 0.01;
      if (step == 100) {
        report.evaluated = true;
        report.testBitsPerDim = 4.2;
        report.aurocByOodSet = {{"mnist:test", 0.97}};
      }
      view.updateRun("a", report);
    }
    view.setEpochAxis(false);  // redraws now
    auto* auroc = view.findChild<QCustomPlot*>("aurocPlot");
    QVERIFY(auroc->yAxis->range().contains(0.97) && auroc->yAxis->range().upper < 1.0 + 1e-9);
    QVERIFY(auroc->xAxis->range().contains(100));
    QVERIFY(auroc->yAxis->range().size() > 0.01);
    auto* bits = view.findChild<QCustomPlot*>("bitsPlot");
    bits->replot();
    QVERIFY(bits->legend->visible());
    // The shared screen layout places the legend: inside only in a corner where it covers no
    // curve point (the newest values included), else below the axes.
    const bool below = bits->legend->outerRect().top() >= bits->axisRect()->outerRect().bottom();
    QVERIFY2(below || dataPointsUnder(bits, bits->legend->outerRect()) == 0,
             "the legend covers data");
    QVERIFY(bits->xAxis->range().contains(100));

    auto* pause = view.findChild<QPushButton*>("pauseButton");
    view.setRunState("a", "paused");
    QVERIFY(pause->isChecked());
    QVERIFY2(pause->text().remove('&') == "Continue", qPrintable(pause->text()));
    view.setRunState("a", "running");
    QVERIFY(pause->text().remove('&') == "Pause");
    view.setRunState("a", "cancelled");
    QCOMPARE(view.findChild<QTableWidget*>("runsTable")->item(0, 1)->text(),
             TrainingView::stateText("cancelled"));
    QCOMPARE(TrainingView::stateText("cancelled"), QString("stopped (resumable)"));
    view.setRunState("a", "failed");
    QVERIFY(!view.findChild<QPushButton*>("resumeButton")->isEnabled());
    QVERIFY(view.findChild<QPushButton*>("restartButton")->isEnabled());
  }
};

}  // namespace glowscope

QTEST_MAIN(glowscope::TstTrainingView)
#include "tst_training_view.moc"
