// The histogram view: AUROC in the legend, clicked bins emit their image indices, thumbnails.
// The binning itself is tested in tests/core/metrics/tst_histogram.cpp.
#include <QApplication>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTimer>
#include <QtTest>
#include <cmath>
#include <limits>
#include <numeric>

#include "core/metrics/histogram.h"
#include "core/metrics/ood_metrics.h"
#include "core/util/errors.h"
#include "widgets/qcustomplot_include.h"
#include "widgets/views/score_histogram_view.h"

using namespace glowscope;

class TestScoreHistogramView : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void viewShowsAurocAndEmitsBinIndices() {
    ScoreHistogramView view;
    view.setBinCount(4);
    std::vector<double> in = {5, 6, 7, 8}, ood = {1, 2, 3, 6.5};
    auto images = std::make_shared<ImageSet>();
    images->count = 4;
    images->channels = 1;
    images->height = images->width = 2;
    images->pixels.assign(16, 200);
    view.setSamples("log p", {{"in", in, nullptr}, {"ood", ood, images}});
    QCOMPARE(view.histograms().size(), std::size_t{2});
    QCOMPARE(view.histograms()[0].counted(), std::size_t{4});
    QCOMPARE(view.histograms()[0].low, 1.0);
    QCOMPARE(view.histograms()[0].high, 8.0);
    QCOMPARE(view.aurocOf(1), auroc(in, ood));
    QVERIFY2(view.legendText(1).contains("AUROC 87.5%"), qPrintable(view.legendText(1)));
    QCOMPARE(view.plot()->plottableCount(), 2);
    QCOMPARE(view.plot()->plottable(1)->name(), view.legendText(1));

    QSignalSpy spy(&view, &ScoreHistogramView::binClicked);
    // Bins of width 1.75 from 1: ood values 1, 2 are in bin 0.
    view.activateBin(1, 0);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QString("ood"));
    QCOMPARE(spy.at(0).at(2).value<QVector<qint64>>(), (QVector<qint64>{0, 1}));
    QCOMPARE(view.thumbnails()->count(), 2);
    // The drill-down names the set and the bin range.
    QVERIFY2(view.drillDownText().contains("ood, bin [1, 2.75): 2 images"),
             qPrintable(view.drillDownText()));
    // Bin 3 [6.25, 8]: "in" has 7 and 8, "ood" has 6.5, so a click there offers both.
    QCOMPARE(view.samplesInBin(3), (std::vector<int>{0, 1}));
    QCOMPARE(view.samplesInBin(0), (std::vector<int>{1}));
    view.activateBin(5, 0);  // no such sample: ignored
    QCOMPARE(spy.count(), 1);
  }

  void fixedRangeAndBinCountAreUsed() {
    ScoreHistogramView view;
    view.setSamples("s", {{"in", {0.0, 1.0, 2.0, 3.0}, nullptr}});
    view.setRange(0, 2);
    view.setBinCount(2);
    const Histogram& histogram = view.histograms()[0];
    QCOMPARE(histogram.counts.size(), std::size_t{2});
    QCOMPARE(histogram.counts[1], std::size_t{2});   // 1.0 and 2.0
    QCOMPARE(histogram.outOfRange, std::size_t{1});  // 3.0
  }
  void showAllValuesIncludesMinAndMaxAndGoesBack() {
    ScoreHistogramView view;
    view.resize(800, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    std::vector<double> in, ood;
    for (int i = 0; i < 100; ++i) {
      in.push_back(10 + (i % 10) * 0.1);
      ood.push_back(9 + (i % 7) * 0.2);
    }
    in.push_back(-400);  // far outliers of both sets
    ood.push_back(2500);
    view.setSamples("s", {{"in", in, nullptr}, {"ood", ood, nullptr}});
    view.setAutoRangeMode(ScoreHistogramView::AutoRange::InDistribution);
    const double low = view.histograms()[0].low, high = view.histograms()[0].high;
    QVERIFY(view.valuesOutside() >= 2);
    QPushButton* button = view.showAllButton();
    QVERIFY(button->isVisible());
    QVERIFY2(button->text().contains(QString::number(view.valuesOutside())),
             qPrintable(button->text()));

    button->click();
    QVERIFY(view.showingAllValues());
    for (const Histogram& histogram : view.histograms()) {
      QCOMPARE(histogram.low, -400.0);
      QCOMPARE(histogram.high, 2500.0);
      QCOMPARE(histogram.outOfRange, std::size_t{0});
    }
    QCOMPARE(view.valuesOutside(), std::size_t{0});
    const QCPRange x = view.plot()->xAxis->range();
    QVERIFY(x.lower <= -400 && x.upper >= 2500);
    QVERIFY(view.legendText(1).indexOf("outside") < 0);
    QVERIFY(button->isVisible());  // now the way back

    button->click();
    QVERIFY(!view.showingAllValues());
    QCOMPARE(view.histograms()[0].low, low);
    QCOMPARE(view.histograms()[0].high, high);
    QVERIFY(view.valuesOutside() >= 2);
    QVERIFY(button->text().startsWith("Show all values"));
  }

  void clickOnOverlappingBarsOffersEachSet() {
    ScoreHistogramView view;
    view.resize(800, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setBinCount(4);
    // Bins of width 1.75 over [1, 8]; bin 3 [6.25, 8] holds in 7, 8 and ood 7.5, 7.6.
    view.setSamples("s",
                    {{"in", {1, 2, 3, 4, 5, 6, 7, 8}, nullptr}, {"ood", {1.2, 7.5, 7.6}, nullptr}});
    QCustomPlot* plot = view.plot();
    plot->replot();
    const QPoint at(static_cast<int>(plot->xAxis->coordToPixel(7.125)),
                    static_cast<int>(plot->yAxis->coordToPixel(0.03)));
    QStringList offered;
    QTimer picker;  // answers the menu that the click opens, choosing the second set
    connect(&picker, &QTimer::timeout, &view, [&offered] {
      auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
      if (!menu) return;
      for (QAction* action : menu->actions()) offered << action->text();
      // As the user does: the second entry, then Return.
      menu->setActiveAction(menu->actions().value(1));
      QTest::keyClick(menu, Qt::Key_Return);
    });
    picker.start(20);
    QTest::mouseClick(plot, Qt::LeftButton, Qt::NoModifier, at);
    QTRY_VERIFY_WITH_TIMEOUT(!offered.isEmpty(), 3000);
    picker.stop();
    QCOMPARE(offered, (QStringList{"in: 2 images in this bin", "ood: 2 images in this bin"}));
    QVERIFY2(view.drillDownText().startsWith("ood, bin [6.25, 8)"),
             qPrintable(view.drillDownText()));
  }
};

QTEST_MAIN(TestScoreHistogramView)
#include "tst_score_histogram_view.moc"
