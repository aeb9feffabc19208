// The run-metrics file (core/training/run_metrics.h): every report round-trips, a torn last line
// is ignored, a restart at step s keeps the history up to s, the writer appends whole lines.
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

#include "core/training/run_metrics.h"
#include "core/util/atomic_file.h"

using namespace glowscope;

namespace {

TrainingProgress stepReport(int64_t step, double loss) {
  TrainingProgress progress;
  progress.step = step;
  progress.totalSteps = 10;
  progress.loss = loss;
  progress.trainBitsPerDim = loss / 2;
  progress.imagesPerSecond = 100;
  return progress;
}

TrainingProgress startReport(int64_t step) {
  TrainingProgress progress;
  progress.step = step;
  progress.started = true;
  return progress;
}

std::string lines(std::initializer_list<TrainingProgress> reports) {
  std::string text;
  for (const TrainingProgress& report : reports) text += progressToJson(report).dump() + "\n";
  return text;
}

}  // namespace

class TestRunMetrics : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void everyFieldRoundTrips() {
    TrainingProgress p = stepReport(7, 3.5);
    p.epoch = 2;
    p.outlierLoss = 0.25;
    p.evaluated = true;
    p.testBitsPerDim = 1.75;
    p.testNonFiniteCount = 3;
    p.aurocByOodSet = {{"mnist:test", 0.9}, {"broken", kNotComputed}};
    p.newEvents.push_back({NanEvent::Kind::Rollback, 6, "loss was NaN"});
    p.cancelled = true;
    p.message = "stopped";
    const TrainingProgress q = progressFromJson(nlohmann::json::parse(progressToJson(p).dump()));
    QCOMPARE(q.step, int64_t{7});
    QCOMPARE(q.epoch, int64_t{2});
    QCOMPARE(q.loss, 3.5);
    QCOMPARE(q.outlierLoss, 0.25);
    QVERIFY(std::isnan(q.marginLoss));  // NaN is written as null and read back as NaN
    QVERIFY(q.evaluated);
    QCOMPARE(q.testBitsPerDim, 1.75);
    QCOMPARE(q.testNonFiniteCount, int64_t{3});
    QCOMPARE(q.aurocByOodSet.at("mnist:test"), 0.9);
    QVERIFY(std::isnan(q.aurocByOodSet.at("broken")));
    QCOMPARE(q.newEvents.size(), size_t{1});
    QVERIFY(q.newEvents[0].kind == NanEvent::Kind::Rollback);
    QCOMPARE(q.newEvents[0].detail, std::string("loss was NaN"));
    QVERIFY(q.cancelled && !q.finished && !q.failed);
    QCOMPARE(q.message, std::string("stopped"));
  }

  void tornLastLineIsIgnored() {
    std::string text = lines({startReport(0), stepReport(1, 4), stepReport(2, 3)});
    const std::string torn = progressToJson(stepReport(3, 2)).dump();
    text += torn.substr(0, torn.size() / 2);  // a kill in the middle of the write
    const RunMetrics metrics = parseRunMetrics(text);
    QCOMPARE(metrics.records.size(), size_t{3});
    QCOMPARE(metrics.records.back().step, int64_t{2});
    QCOMPARE(metrics.ignoredLines, int64_t{1});
    QVERIFY(metrics.end() == RunEnd::Interrupted);
  }

  void aResumeKeepsTheHistoryUpToItsStep() {
    // Steps 1-3, killed; resumed from the checkpoint at step 2: step 3 is trained again.
    const RunMetrics metrics = parseRunMetrics(lines({startReport(0), stepReport(1, 4),
                                                      stepReport(2, 3), stepReport(3, 2.5),
                                                      startReport(2), stepReport(3, 2.4)}));
    QStringList steps;
    for (const TrainingProgress& record : metrics.records) steps << QString::number(record.step);
    QCOMPARE(steps.join(','), QString("0,1,2,2,3"));
    QCOMPARE(metrics.records.back().loss, 2.4);
    // A start at step 0 (a restart from scratch) drops the whole earlier history.
    const RunMetrics restarted =
        parseRunMetrics(lines({startReport(0), stepReport(1, 4), startReport(0)}));
    QCOMPARE(restarted.records.size(), size_t{1});
  }

  void theEndIsTheLastRecord() {
    TrainingProgress failed = stepReport(3, kNotComputed);
    failed.failed = true;
    failed.message = "cannot load set foo";
    const RunMetrics metrics = parseRunMetrics(lines({startReport(0), stepReport(1, 4), failed}));
    QVERIFY(metrics.end() == RunEnd::Failed);
    QCOMPARE(metrics.failureMessage(), std::string("cannot load set foo"));
    TrainingProgress done = stepReport(2, 3);
    done.finished = true;
    QVERIFY(parseRunMetrics(lines({done})).end() == RunEnd::Finished);
    QVERIFY(parseRunMetrics("").end() == RunEnd::None);
  }

  void writerAppendsAndRewritesOnResume() {
    QTemporaryDir dir;
    const std::filesystem::path folder = dir.filePath("run").toStdString();
    {
      RunMetricsWriter writer(folder, 0);
      writer.append(startReport(0));
      for (int step = 1; step <= 4; ++step) writer.append(stepReport(step, 5.0 - step));
    }
    // A kill left a torn line; the next run (resumed at step 2) starts from a clean history.
    {
      std::ofstream out(runMetricsPath(folder), std::ios::app);
      out << "{\"step\": 5, \"lo";
    }
    QCOMPARE(readRunMetrics(folder).ignoredLines, int64_t{1});
    {
      RunMetricsWriter writer(folder, 2);
      writer.append(startReport(2));
      writer.append(stepReport(3, 1.5));
    }
    const RunMetrics metrics = readRunMetrics(folder);
    QCOMPARE(metrics.ignoredLines, int64_t{0});
    QCOMPARE(metrics.records.size(), size_t{5});  // start 0, steps 1 and 2, start 2, step 3
    QCOMPARE(metrics.records.back().loss, 1.5);
    // A new run from step 0 in the same folder starts an empty history.
    { RunMetricsWriter writer(folder, 0); }
    QVERIFY(readRunMetrics(folder).records.empty());
  }

  void garbageAndMissingFilesDoNotThrow() {
    QTemporaryDir dir;
    QVERIFY(readRunMetrics(dir.filePath("absent").toStdString()).records.empty());
    const RunMetrics metrics =
        parseRunMetrics("not json\n[1,2]\n{\"step\": \"x\"}\n" + lines({stepReport(1, 2)}));
    QCOMPARE(metrics.records.size(), size_t{1});
    QCOMPARE(metrics.ignoredLines, int64_t{3});
  }
};

QTEST_GUILESS_MAIN(TestRunMetrics)
#include "tst_run_metrics.moc"
