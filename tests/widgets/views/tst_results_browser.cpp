// The results browser on a results folder written by the core writer (the reader itself:
// tests/core/experiments/tst_results_folder.cpp).
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QListWidget>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

#include "core/util/errors.h"
#include "results_test_folder.h"
#include "widgets/qcustomplot_include.h"
#include "widgets/views/correlation_heatmap_view.h"
#include "widgets/views/results_browser.h"
#include "widgets/views/results_table_view.h"
#include "widgets/views/roc_curve_view.h"
#include "widgets/views/score_histogram_view.h"
#include "widgets/views/score_scatter_view.h"

using namespace glowscope;

using glowscope::testing::writeResultsFolder;

namespace {

// `count` grey 2x2 images; image i has every pixel 10 * (i + 1), so a thumbnail names its image.
std::shared_ptr<const ImageSet> greyImages(std::int64_t count) {
  auto images = std::make_shared<ImageSet>();
  images->count = count;
  images->channels = 1;
  images->height = images->width = 2;
  for (std::int64_t i = 0; i < count; ++i)
    images->pixels.insert(images->pixels.end(), 4, static_cast<std::uint8_t>(10 * (i + 1)));
  return images;
}

}  // namespace

class TestResultsBrowser : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void browserShowsTableAndHistogram() {
    QTemporaryDir dir;
    writeResultsFolder(dir.path());
    ResultsBrowser browser;
    QString error;
    QVERIFY2(browser.openFolder(dir.path(), &error), qPrintable(error));
    QCOMPARE(browser.tableView()->tableWidget()->rowCount(), 2);
    QCOMPARE(browser.tableView()->metricBox()->count(), 4);
    QCOMPARE(browser.scoreBox()->currentText(), QString("Raw, x"));
    // Range over the in-distribution set by default: 5..7 widened by 0.5 -> [4.5, 7.5]; of set
    // a (1, 2) nothing is inside.
    const Histogram& aSet = browser.histogramView()->histograms()[2];
    QCOMPARE(aSet.low, 4.5);
    QCOMPARE(aSet.high, 7.5);
    QCOMPARE(aSet.outOfRange, std::size_t{2});
    QVERIFY(browser.histogramView()->legendText(2).contains("2 outside the range"));
    browser.histogramView()->setAutoRangeMode(ScoreHistogramView::AutoRange::WithoutTails);
    // Pooled 1 2 3 5 6 7 without 1% tails: [1.05, 6.95] leaves 7 out.
    QCOMPARE(browser.histogramView()->histograms()[0].counted(), std::size_t{2});
    browser.histogramView()->setAutoRangeMode(ScoreHistogramView::AutoRange::AllValues);
    const auto& histograms = browser.histogramView()->histograms();
    QCOMPARE(histograms.size(), std::size_t{3});  // in, b, a
    QCOMPARE(histograms[0].counted(), std::size_t{3});
    browser.scoreBox()->setCurrentIndex(1);  // Diff: nan and -inf are not counted
    QCOMPARE(browser.histogramView()->histograms()[0].counted(), std::size_t{2});
    QVERIFY(browser.histogramView()->legendText(0).contains("1 not finite"));
    QCOMPARE(browser.yScoreBox()->currentText(), QString("Diff"));
    QCOMPARE(browser.rocView()->plot()->plottableCount(), 3);  // chance + b + a
    QVERIFY(browser.scatterView()->title().contains("Spearman"));
    // In-distribution rows with both scores finite: (5, 1), (6, 2): rho = 1.
    QCOMPARE(browser.correlationView()->cellValue(0, 1), 1.0);
    QCOMPARE(browser.correlationView()->cellValue(1, 1), 1.0);
  }

  void clickedBinShowsTheThumbnailsOfItsImages() {
    QTemporaryDir dir;
    writeResultsFolder(dir.path());
    ResultsBrowser browser;
    QVERIFY(browser.openFolder(dir.path()));
    QVERIFY(browser.setSetImages("in:test", greyImages(3)));
    ScoreHistogramView* histogram = browser.histogramView();
    histogram->setBinCount(2);  // in:test "Raw, x" = 5, 6, 7 over [4.5, 7.5]: bins {5}, {6, 7}
    const Histogram& in = histogram->histograms()[0];
    QCOMPARE(in.members[1], (std::vector<std::size_t>{1, 2}));
    QVector<qint64> emitted;
    connect(histogram, &ScoreHistogramView::binClicked, histogram,
            [&emitted](const QString&, int, const QVector<qint64>& indices) { emitted = indices; });
    histogram->activateBin(0, 1);
    QCOMPARE(histogram->thumbnails()->count(), static_cast<int>(in.members[1].size()));
    QCOMPARE(emitted, (QVector<qint64>{1, 2}));
    QCOMPARE(histogram->thumbnails()->item(1)->text(), QString("2"));
    const QImage third = histogram->thumbnails()->item(1)->icon().pixmap(48, 48).toImage();
    QCOMPARE(qGray(third.pixel(24, 24)), 30);  // image 2's pixels
    histogram->activateBin(0, 0);
    QCOMPARE(histogram->thumbnails()->count(), 1);
    // Another seed and another score keep the images.
    browser.seedBox()->setCurrentIndex(1);
    browser.scoreBox()->setCurrentIndex(1);
    histogram->activateBin(0, 0);
    QVERIFY(histogram->thumbnails()->count() > 0);
    // A set without images shows none.
    histogram->activateBin(2, 0);
    QCOMPARE(histogram->thumbnails()->count(), 0);
  }

  void imagesOfAnotherCountAreRefused() {
    QTemporaryDir dir;
    writeResultsFolder(dir.path());
    ResultsBrowser browser;
    QVERIFY(!browser.setSetImages("in:test", greyImages(3)));  // no results yet
    QVERIFY(browser.openFolder(dir.path()));
    QVERIFY(!browser.setSetImages("in:test", greyImages(2)));  // 3 rows in its scores CSVs
    QVERIFY(!browser.setSetImages("in:test", greyImages(4)));
    QVERIFY(!browser.setSetImages("elsewhere:test", greyImages(3)));  // no scores
    QVERIFY(!browser.setImages("in:test"));
    browser.histogramView()->activateBin(0, 0);
    QCOMPARE(browser.histogramView()->thumbnails()->count(), 0);
    QVERIFY(browser.setSetImages("b:test", greyImages(1)));
    // Opening a folder forgets the images of the previous one.
    QSignalSpy changed(&browser, &ResultsBrowser::resultsChanged);
    QVERIFY(browser.openFolder(dir.path()));
    QCOMPARE(changed.count(), 1);
    QVERIFY(!browser.setImages("b:test"));
  }

  void browserKeepsOldResultsOnError() {
    QTemporaryDir good, bad;
    writeResultsFolder(good.path());
    ResultsBrowser browser;
    QVERIFY(browser.openFolder(good.path()));
    QString error;
    QVERIFY(!browser.openFolder(bad.path(), &error));
    QVERIFY(error.contains("summary.json"));
    QCOMPARE(browser.results()->name, std::string("tiny"));
  }
};

QTEST_MAIN(TestResultsBrowser)
#include "tst_results_browser.moc"
