// Checkpoints: interrupted + resumed equals uninterrupted (bitwise, 1 thread), cancel leaves a
// loadable checkpoint, damaged files give clear errors, pruning keeps the last K.
#include <ATen/ATen.h>
#include <QtTest>

#include <fstream>
#include <thread>

#include "core/flows/flow_model.h"
#include "core/training/checkpoint.h"
#include "core/training/run_metrics.h"
#include "core/training/trainer.h"
#include "core/util/errors.h"
#include "training_test_util.h"

using namespace glowscope;
using namespace glowscope::testing;

namespace {

TrainingConfig resumableConfig(const QString& dir, const std::filesystem::path& general) {
  TrainingConfig config = tinyConfig(dir);
  config.steps = 10;
  config.maxTranslatePx = 1;  // augmentation and dequantisation noise must both resume exactly
  config.losses.outlier = true;
  config.generalModel = general;
  config.outlierSet = "generated-bright";
  config.optimizer.warmupSteps = 4;
  return config;
}

void writeBytes(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

}  // namespace

class TestResume : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void resumedRunEqualsUninterruptedBitwise() {
    QTemporaryDir dir;
    const auto general = trainAndSaveModel(dir.path(), "general", 2, true);
    Trainer straight(resumableConfig(dir.path() + "/straight", general), tinyData());
    straight.run();

    const InterruptedRun interrupted =
        runCancelledAndResumed(resumableConfig(dir.path() + "/interrupted", general), 6);
    QVERIFY(interrupted.cancelled.cancelled);
    QCOMPARE(interrupted.cancelled.steps, int64_t{6});
    QCOMPARE(interrupted.resumedFromStep, int64_t{6});
    auto a = straight.trainedModel().parameters();
    auto b = interrupted.resumed->trainedModel().parameters();
    QCOMPARE(a.size(), b.size());
    for (size_t i = 0; i < a.size(); ++i)
      QVERIFY2(at::equal(a[i], b[i]), qPrintable(QString::number(i)));
  }

  void cancelFromAnotherThreadLeavesLoadableCheckpoint() {
    QTemporaryDir dir;
    TrainingConfig config = tinyConfig(dir.path());
    config.steps = 100000;
    Trainer trainer(config, tinyData());
    TrainingControl control;
    std::thread canceller([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      control.requestCancel();
    });
    const TrainingResult result = trainer.run({}, &control);
    canceller.join();
    QVERIFY(result.cancelled);
    QVERIFY(result.steps > 0 && result.steps < 100000);
    const TrainingCheckpoint checkpoint = loadTrainingCheckpoint(result.lastCheckpoint);
    QCOMPARE(checkpoint.step, result.steps);
    QCOMPARE(TrainingConfig::fromJson(checkpoint.config).steps, int64_t{100000});
  }

  void pauseBlocksUntilResumed() {
    QTemporaryDir dir;
    TrainingConfig config = tinyConfig(dir.path());
    config.steps = 3;
    Trainer trainer(config, tinyData());
    TrainingControl control;
    control.setPaused(true);
    bool sawPaused = false;
    std::thread resumer([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
      control.setPaused(false);
    });
    const TrainingResult result = trainer.run(
        [&](const TrainingProgress& progress) { sawPaused |= progress.paused; }, &control);
    resumer.join();
    QVERIFY(sawPaused);
    QCOMPARE(result.steps, int64_t{3});
  }

  void damagedCheckpointsGiveClearErrors() {
    QTemporaryDir dir;
    TrainingConfig config = tinyConfig(dir.path());
    Trainer trainer(config, tinyData());
    trainer.trainStep();
    const std::filesystem::path path = trainer.writeCheckpoint();
    const std::string bytes = readWholeFileForTest(path);
    QVERIFY(loadTrainingCheckpoint(path).step == 1);

    const auto expectError = [&](const std::string& content, const char* words) {
      const std::filesystem::path damaged = (dir.path() + "/damaged.ckpt").toStdString();
      writeBytes(damaged, content);
      try {
        loadTrainingCheckpoint(damaged);
        QFAIL("no error");
      } catch (const FileError& error) {
        QVERIFY2(std::string(error.what()).find(words) != std::string::npos, error.what());
        QVERIFY(std::string(error.what()).find("damaged.ckpt") != std::string::npos);
      }
    };
    expectError(bytes.substr(0, bytes.size() / 2), "truncated");
    std::string flipped = bytes;
    flipped[flipped.size() - 100] ^= 0x5a;
    expectError(flipped, "checksum");
    expectError("hello world\n", "not a Glowscope training checkpoint");
    expectError("", "not a Glowscope training checkpoint");

    // A resume that meets a damaged latest checkpoint fails before training, naming the file.
    writeBytes(path, bytes.substr(0, 1000));
    config.resume = true;
    QVERIFY_THROWS_EXCEPTION(FileError, Trainer(config, tinyData()));
  }

  void resumeRejectsAnIncompatibleConfig() {
    QTemporaryDir dir;
    TrainingConfig config = tinyConfig(dir.path());
    {
      Trainer trainer(config, tinyData());
      trainer.trainStep();
      trainer.writeCheckpoint();
    }
    config.resume = true;
    config.model["hiddenChannels"] = 16;
    try {
      Trainer trainer(config, tinyData());
      QFAIL("no error");
    } catch (const ConfigError& error) {
      QCOMPARE(QString::fromStdString(error.field()), QString("model"));
    }
  }

  void keepsTheLastCheckpointsAndTheBest() {
    QTemporaryDir dir;
    TrainingConfig config = tinyConfig(dir.path());
    config.steps = 8;
    config.checkpointEverySteps = 2;
    config.keepLastCheckpoints = 2;
    Trainer trainer(config, tinyData());
    trainer.run();
    const auto kept = listCheckpoints(config.outputDir);
    QCOMPARE(kept.size(), size_t{2});
    QCOMPARE(loadTrainingCheckpoint(kept.back()).step, int64_t{8});
    QVERIFY(std::filesystem::exists(bestCheckpointPath(config.outputDir)));
    QVERIFY(std::filesystem::exists(config.outputDir / "model.glow"));
    QCOMPARE(loadFlowModel(config.outputDir / "model.glow")->config(),
             trainer.trainedModel().config());
  }

  /// The metrics file beside the checkpoints holds the whole history after a stop and a resume:
  /// every step from 1 once, the resume's `started` at the checkpoint's step, `finished` last.
  void metricsFileKeepsTheCurvesAcrossAResume() {
    QTemporaryDir dir;
    TrainingConfig config = tinyConfig(dir.path());
    config.steps = 8;
    {
      Trainer first(config, tinyData());
      TrainingControl control;
      first.run(
          [&](const TrainingProgress& p) {
            if (p.step == 5) control.requestCancel();
          },
          &control);
    }
    RunMetrics stopped = readRunMetrics(config.outputDir);
    QVERIFY(stopped.end() == RunEnd::Cancelled);
    QVERIFY(stopped.records.front().started);
    config.resume = true;
    Trainer second(config, tinyData());
    QCOMPARE(second.step(), int64_t{5});
    second.run();
    const RunMetrics metrics = readRunMetrics(config.outputDir);
    QVERIFY(metrics.end() == RunEnd::Finished);
    QCOMPARE(metrics.ignoredLines, int64_t{0});
    std::vector<int64_t> trainedSteps;
    int starts = 0;
    for (const TrainingProgress& record : metrics.records) {
      if (record.started) {
        ++starts;
        QCOMPARE(record.step, starts == 1 ? int64_t{0} : int64_t{5});
      }
      if (std::isfinite(record.loss)) trainedSteps.push_back(record.step);
    }
    QCOMPARE(starts, 2);
    QCOMPARE(trainedSteps, (std::vector<int64_t>{1, 2, 3, 4, 5, 6, 7, 8}));
  }

  /// A run that throws writes why as its last record.
  void aFailureIsTheLastRecord() {
    QTemporaryDir dir;
    TrainingConfig config = tinyConfig(dir.path());
    config.guard.maxRollbacks = 0;
    config.optimizer.learningRate = 1e30;  // diverges at once
    config.guard.maxConsecutiveSkips = 1;
    Trainer trainer(config, tinyData());
    QVERIFY_THROWS_EXCEPTION(Error, trainer.run());
    const RunMetrics metrics = readRunMetrics(config.outputDir);
    QVERIFY(metrics.end() == RunEnd::Failed);
    QVERIFY(!metrics.failureMessage().empty());
  }

 private:
  static std::string readWholeFileForTest(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
};

QTEST_GUILESS_MAIN(TestResume)
#include "tst_resume.moc"
