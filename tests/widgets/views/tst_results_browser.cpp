// The results folder reader (summary.json, metadata.json, scores CSVs) and the browser on it.
#include <QComboBox>
#include <QDir>
#include <QFile>
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

using glowscope::testing::writeFile;
using glowscope::testing::writeResultsFolder;

class TestResultsBrowser : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void readsTablesInSpecOrder() {
    QTemporaryDir dir;
    writeResultsFolder(dir.path());
    const ResultsFolder results = loadResultsFolder(dir.path());
    QCOMPARE(results.name, QString("tiny"));
    QCOMPARE(results.inDistribution, QString("in:test"));
    QCOMPARE(results.oodSets, (QStringList{"b:test", "a:test"}));
    QCOMPARE(results.scoreNames, (QStringList{"Raw, x", "Diff"}));
    QCOMPARE(results.seeds, (std::vector<std::uint64_t>{0, 1}));
    QCOMPARE(results.tables.size(), std::size_t{4});
    const ResultsTable& auroc = results.tables[0].table;
    QCOMPARE(auroc.rows()[1], std::string("a:test"));
    const TableCell cell = auroc.cell(1, 0).value();  // a:test, "Raw, x": seeds 0.6 and 0.8
    QVERIFY(std::abs(cell.value - 0.7) < 1e-12);
    QVERIFY(std::abs(cell.sd.value() - std::sqrt(0.02)) < 1e-12);
    QCOMPARE(results.tables[3].table.metric().higherIsBetter, false);
  }

  void readsPerImageScores() {
    QTemporaryDir dir;
    writeResultsFolder(dir.path());
    const ResultsFolder results = loadResultsFolder(dir.path());
    const auto& sets = results.scores.at(1);
    QCOMPARE(sets.size(), std::size_t{3});
    QCOMPARE(sets.at("in:test").at("Raw, x"), (std::vector<double>{5, 6, 7}));
    QVERIFY(std::isnan(sets.at("in:test").at("Diff")[2]));
    QVERIFY(std::isinf(sets.at("a:test").at("Diff")[0]));
    QVERIFY(!sets.at("a:test").count("index"));
  }

  void badFilesThrowFileError() {
    QTemporaryDir dir;
    QVERIFY_THROWS_EXCEPTION(FileError, loadResultsFolder(dir.path()));  // no summary.json
    writeResultsFolder(dir.path());
    writeFile(dir.path() + "/scores/a_test-seed0.csv", "index,Diff\n0,x\n");
    QVERIFY_THROWS_EXCEPTION(FileError, loadResultsFolder(dir.path()));
    writeFile(dir.path() + "/scores/a_test-seed0.csv", "index,Diff\n0,1,2\n");
    QVERIFY_THROWS_EXCEPTION(FileError, loadResultsFolder(dir.path()));
  }

  void fileSafeNamesMatchTheWriter() {
    QCOMPARE(fileSafeSetName("photo-crops-gray:test"), QString("photo-crops-gray_test"));
    QCOMPARE(fileSafeSetName("a b/ü"), QString("a_b__"));
  }

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

  void browserKeepsOldResultsOnError() {
    QTemporaryDir good, bad;
    writeResultsFolder(good.path());
    ResultsBrowser browser;
    QVERIFY(browser.openFolder(good.path()));
    QString error;
    QVERIFY(!browser.openFolder(bad.path(), &error));
    QVERIFY(error.contains("summary.json"));
    QCOMPARE(browser.results()->name, QString("tiny"));
  }
};

QTEST_MAIN(TestResultsBrowser)
#include "tst_results_browser.moc"
