// The results folder round trip: what the writer writes, loadResultsFolder reads back — tables,
// per-image scores (non-finite values included), score definitions, spec order — and the file
// names both use. Bad files give a FileError naming the file.
#include <QtTest>
#include <cmath>
#include <filesystem>

#include "core/experiments/results_folder.h"
#include "core/experiments/results_writer.h"
#include "core/util/atomic_file.h"
#include "core/util/errors.h"
#include "tests/core/experiments/results_fixture.h"

namespace glowscope {
namespace {

namespace fs = std::filesystem;

fs::path freshFolder() {
  return fs::temp_directory_path() /
         ("glowscope-results-" + std::to_string(QRandomGenerator::global()->generate()));
}

}  // namespace

class TstResultsFolder : public QObject {
  Q_OBJECT

 private:
  fs::path folder_;
  ExperimentResults written_;

 private Q_SLOTS:
  void init() {
    folder_ = freshFolder();
    written_ = testing::tinyExperimentResults();
    writeExperimentResults(written_, folder_);
  }
  void cleanup() { fs::remove_all(folder_); }

  void readsBackWhatWasWritten() {
    const ResultsFolder read = loadResultsFolder(folder_);
    QCOMPARE(read.name, std::string("tiny"));
    QCOMPARE(read.inDistribution, std::string("in:test"));
    QCOMPARE(read.oodSets, (std::vector<std::string>{"b:test", "a:test"}));
    QCOMPARE(read.scoreNames, (std::vector<std::string>{"Raw, x", "Diff"}));
    QCOMPARE(read.seeds, (std::vector<std::uint64_t>{0, 1}));
    QCOMPARE(read.allSets(), (std::vector<std::string>{"in:test", "b:test", "a:test"}));
    QCOMPARE(read.models.size(), std::size_t{2});
    QCOMPARE(read.models[1].second, std::string("General"));
    const ScoreMetrics& first = read.metrics[0].at("a:test").at("Raw, x");
    QCOMPARE(first.metrics.auroc, 0.6);
    QVERIFY(first.aurocInterval.has_value());
    QCOMPARE(first.aurocInterval->upper, 0.7);
    QCOMPARE(read.scoreInfo.at("Diff").kind, std::string("ratio"));
    QCOMPARE(read.scoreInfo.at("Diff").general, std::string("g"));
  }

  void tablesAreTheWritersTables() {
    const ResultsFolder read = loadResultsFolder(folder_);
    const ResultsSummary summary = resultsSummary(written_);
    for (const TableMetricInfo& info : tableMetrics()) {
      const std::string fromFolder = metricTable(read, info.metric).toCsv();
      QCOMPARE(fromFolder, metricTable(summary, info.metric).toCsv());
      // ... and what the writer put into the folder's table file.
      QCOMPARE(fromFolder, readWholeFile(folder_ / (std::string(info.fileStem) + ".csv")));
    }
    QCOMPARE(bitsPerDimTable(read).toCsv(), readWholeFile(folder_ / "bits-per-dim.csv"));
    const ResultsTable auroc = metricTable(read, TableMetric::Auroc);
    QCOMPARE(auroc.rows()[1], std::string("a:test"));
    const TableCell cell = auroc.cell(1, 0).value();  // a:test, "Raw, x": seeds 0.6 and 0.8
    QVERIFY(std::abs(cell.value - 0.7) < 1e-12);
    QVERIFY(std::abs(cell.sd.value() - std::sqrt(0.02)) < 1e-12);
    QVERIFY(!metricTable(read, TableMetric::FprAt95).metric().higherIsBetter);
    const ResultsTable bits = bitsPerDimTable(read);  // a:test of m is NaN: left out
    QCOMPARE(bits.rows(), (std::vector<std::string>{"Model m", "General"}));
    QCOMPARE(bits.columns(), (std::vector<std::string>{"in:test"}));
    QVERIFY(std::abs(bits.cell(0, 0)->value - 3.1) < 1e-12);
  }

  void rowNotesAndNonFiniteCountsSurviveTheRoundTrip() {
    written_.spec.notOodSets = {{"a:test", "held out, not OOD"}};
    written_.seeds[1].nonFiniteImages["m"]["in:test"] = 3;
    writeExperimentResults(written_, folder_);
    const ResultsFolder read = loadResultsFolder(folder_);
    QCOMPARE(read.notOodSets.at("a:test"), std::string("held out, not OOD"));
    const ResultsTable auroc = metricTable(read, TableMetric::Auroc);
    QCOMPARE(auroc.rowLabel(1), std::string("a:test \u2014 held out, not OOD"));
    QVERIFY(auroc.bestColumns(1).empty());  // a noted row is never ranked
    QCOMPARE(auroc.toCsv(), readWholeFile(folder_ / "auroc.csv"));
    const ResultsTable bits = bitsPerDimTable(read);
    QCOMPARE(bits.cell(0, 0)->note, std::string("3 non-finite"));
    QCOMPARE(bits.toCsv(), readWholeFile(folder_ / "bits-per-dim.csv"));
  }

  void perImageScoresKeepNonFiniteValues() {
    const ResultsFolder read = loadResultsFolder(folder_);
    const auto& sets = *read.scoresOf(1);
    QCOMPARE(sets.size(), std::size_t{3});
    QCOMPARE(sets.at("in:test").at("Raw, x"), (std::vector<double>{5, 6, 7}));
    QVERIFY(std::isnan(sets.at("in:test").at("Diff")[2]));
    QCOMPARE(sets.at("a:test").at("Diff")[0], -std::numeric_limits<double>::infinity());
    QVERIFY(!sets.at("a:test").count("index"));
    QVERIFY(!read.scoresOf(7));
  }

  void inDistributionSpearmanUsesFinitePairs() {
    const CorrelationMatrix matrix = inDistributionSpearman(loadResultsFolder(folder_), 0);
    QCOMPARE(matrix.labels, (std::vector<std::string>{"Raw, x", "Diff"}));
    QCOMPARE(matrix.values[0][1], 1.0);  // (5, 1), (6, 2); the NaN row is left out
  }

  void fileNamesAreShared() {
    QCOMPARE(fileSafeName("photo-crops-gray:test"), std::string("photo-crops-gray_test"));
    QCOMPARE(fileSafeName("a b/c"), std::string("a_b_c"));
    QCOMPARE(fileSafeName("ü"), std::string("__"));  // bytes, whatever the locale
    QCOMPARE(scoresFilePath("a:test", 1), fs::path("scores/a_test-seed1.csv"));
    QVERIFY(fs::exists(folder_ / scoresFilePath("in:test", 0)));
  }

  void withoutMetadataTheInDistributionSetIsGuessed() {
    fs::remove(folder_ / "metadata.json");
    const ResultsFolder read = loadResultsFolder(folder_);
    QCOMPARE(read.inDistribution, std::string("in_test"));  // the file's name: no spec to map it
    QVERIFY(read.scoreInfo.empty());
    QCOMPARE(read.scoreNames.size(), std::size_t{2});
  }

  void badFilesThrowFileError() {
    QVERIFY_THROWS_EXCEPTION(FileError, loadResultsFolder(freshFolder()));  // no summary.json
    const fs::path scores = folder_ / scoresFilePath("a:test", 0);
    writeFileAtomically(scores, std::string("index,Diff\n0,x\n"));
    QVERIFY_THROWS_EXCEPTION(FileError, loadResultsFolder(folder_));
    writeFileAtomically(scores, std::string("index,Diff\n0,1,2\n"));
    QVERIFY_THROWS_EXCEPTION(FileError, loadResultsFolder(folder_));
    writeFileAtomically(folder_ / "summary.json", std::string("{\"seeds\": [}"));
    try {
      loadResultsFolder(folder_);
      QFAIL("expected a FileError");
    } catch (const FileError& error) {
      QCOMPARE(fs::path(error.path()).filename(), fs::path("summary.json"));
    }
  }

  void csvQuotingAndNumbers() {
    const fs::path file = folder_ / "quoted.csv";
    writeFileAtomically(file, std::string("\"a, \"\"b\"\"\",c\r\n1.5,-inf\r\n +2 ,nan\r\n"));
    std::vector<std::string> order;
    const ScoreColumns columns = readScoresCsv(file, &order);
    QCOMPARE(order, (std::vector<std::string>{"a, \"b\"", "c"}));
    QCOMPARE(columns.at("a, \"b\""), (std::vector<double>{1.5, 2}));
    QVERIFY(std::isinf(columns.at("c")[0]));
    QVERIFY(std::isnan(columns.at("c")[1]));
  }
};

}  // namespace glowscope

QTEST_GUILESS_MAIN(glowscope::TstResultsFolder)
#include "tst_results_folder.moc"
