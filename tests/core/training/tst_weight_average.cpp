// Polyak averaging (optimizer.averageDecay): the running average itself, and the trainer using it
// for evaluation, model.glow, checkpoints, resume, rollback and fine-tuning.
#include <ATen/ATen.h>
#include <QtTest>

#include <cmath>

#include "core/flows/flow_model.h"
#include "core/training/checkpoint.h"
#include "core/training/trainer.h"
#include "core/training/weight_average.h"
#include "core/util/atomic_file.h"
#include "core/util/errors.h"
#include "training_test_util.h"

using namespace glowscope;
using namespace glowscope::testing;

namespace {

FlowModel tinyModel() { return createFlowModel(modelConfigFromJson(tinyConfig("unused").model)); }

void addToEveryParameter(FlowModelImpl& model, double value) {
  at::NoGradGuard noGrad;
  for (auto& p : model.parameters()) p.add_(value);
}

TrainingConfig averagedConfig(const QString& dir) {
  TrainingConfig config = tinyConfig(dir);
  config.steps = 10;
  config.optimizer.averageDecay = 0.9;
  return config;
}

TrainingCheckpoint checkpointOf(const Trainer& trainer, const QString& dir) {
  const std::filesystem::path path = (dir + "/probe.ckpt").toStdString();
  trainer.saveCheckpoint(path);
  return loadTrainingCheckpoint(path);
}

}  // namespace

class TestWeightAverage : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void firstUpdateCopiesThenDecayRampsUp() {
    FlowModel model = tinyModel();
    WeightAverage average(0.99);
    QVERIFY(average.enabled() && !average.ready());
    const auto start = parameterCopies(*model);
    average.update(*model);
    QCOMPARE(average.updates(), int64_t{1});
    for (size_t i = 0; i < start.size(); ++i) QVERIFY(at::equal(average.parameters()[i], start[i]));
    // Second update: decay min(0.99, 2/11), so the average moves 9/11 of the way.
    QVERIFY(std::fabs(average.nextDecay() - 2.0 / 11.0) < 1e-12);
    addToEveryParameter(*model, 1.0);
    average.update(*model);
    for (size_t i = 0; i < start.size(); ++i)
      QVERIFY(at::allclose(average.parameters()[i], start[i] + 9.0 / 11.0, 1e-6, 1e-6));
    // Late in a run the configured decay caps the ramp.
    average.restore(average.parameters(), 5000);
    QCOMPARE(average.nextDecay(), 0.99);
  }

  void disabledAverageNeverTouchesTheModel() {
    FlowModel model = tinyModel();
    WeightAverage off;
    off.update(*model);
    QVERIFY(!off.enabled() && !off.ready());
    addToEveryParameter(*model, 0.5);
    const auto trained = parameterCopies(*model);
    {
      AveragedWeightsScope scope(*model, off);
      QVERIFY(!scope.active());
      QVERIFY(sameParameters(*model, trained));
    }
    QVERIFY(sameParameters(*model, trained));
    QVERIFY_THROWS_EXCEPTION(Error, WeightAverage(1.0));
  }

  void scopeSwapsTheAverageInAndBack() {
    FlowModel model = tinyModel();
    WeightAverage average(0.5);
    average.update(*model);
    addToEveryParameter(*model, 2.0);
    const auto trained = parameterCopies(*model);
    {
      AveragedWeightsScope scope(*model, average);
      QVERIFY(scope.active());
      QVERIFY(sameParameters(*model, average.parameters()));
    }
    QVERIFY(sameParameters(*model, trained));
  }

  void configRejectsDecayOfOneAndDefaultsToOff() {
    QTemporaryDir dir;
    TrainingConfig config = tinyConfig(dir.path());
    QCOMPARE(config.optimizer.averageDecay, 0.0);
    config.optimizer.averageDecay = 1.0;
    try {
      config.validate();
      QFAIL("a decay of 1 was accepted");
    } catch (const ConfigError& error) {
      QCOMPARE(QString::fromStdString(error.field()), QString("optimizer.averageDecay"));
    }
    const TrainingConfig back = TrainingConfig::fromJson(averagedConfig(dir.path()).toJson());
    QCOMPARE(back.optimizer.averageDecay, 0.9);
  }

  // The trainer's average is an EMA of exactly the weights that training without averaging
  // visits (averaging never changes the updates), and it is what model.glow holds.
  void trainerSavesTheAverageOfTheUnchangedTrajectory() {
    QTemporaryDir dir;
    Trainer averaged(averagedConfig(dir.path() + "/averaged"), tinyData());
    const TrainingResult result = averaged.run();
    TrainingConfig plainConfig = averagedConfig(dir.path() + "/plain");
    plainConfig.optimizer.averageDecay = 0;
    Trainer plain(plainConfig, tinyData());
    WeightAverage expected(0.9);
    for (int i = 0; i < 10; ++i) {
      plain.trainStep();
      expected.update(plain.trainedModel());
    }
    QVERIFY(sameParameters(averaged.trainedModel(), parameterCopies(plain.trainedModel())));
    FlowModel saved = loadFlowModel(result.modelFile);
    QVERIFY(sameParameters(*saved, expected.parameters()));
    QVERIFY(!sameParameters(*saved, parameterCopies(averaged.trainedModel())));
  }

  void evaluationReportsTheAverageAndTheCurrentWeights() {
    QTemporaryDir dir;
    Trainer trainer(averagedConfig(dir.path()), tinyData());
    QVERIFY(std::isnan(trainer.evaluate().testBitsPerDimTrainedWeights));  // no average yet
    for (int i = 0; i < 10; ++i) trainer.trainStep();
    const auto trained = parameterCopies(trainer.trainedModel());
    const TrainingProgress progress = trainer.evaluate();
    QVERIFY(std::isfinite(progress.testBitsPerDim));
    QVERIFY(std::isfinite(progress.testBitsPerDimTrainedWeights));
    QVERIFY(progress.testBitsPerDim != progress.testBitsPerDimTrainedWeights);
    QVERIFY(sameParameters(trainer.trainedModel(), trained));  // evaluation swapped back
  }

  void resumedAveragedRunEqualsUninterrupted() {
    QTemporaryDir dir;
    Trainer straight(averagedConfig(dir.path() + "/straight"), tinyData());
    const TrainingResult straightResult = straight.run();
    const TrainingConfig config = averagedConfig(dir.path() + "/interrupted");
    {
      Trainer first(config, tinyData());
      TrainingControl control;
      first.run(
          [&](const TrainingProgress& p) {
            if (p.step == 6) control.requestCancel();
          },
          &control);
      const TrainingCheckpoint saved = checkpointOf(first, dir.path());
      QCOMPARE(saved.averageUpdates, int64_t{6});
      QVERIFY(!saved.averagedModelFileBytes.empty());
    }
    TrainingConfig resumeConfig = config;
    resumeConfig.resume = true;
    Trainer second(resumeConfig, tinyData());
    const TrainingResult resumedResult = second.run();
    FlowModel a = loadFlowModel(straightResult.modelFile);
    FlowModel b = loadFlowModel(resumedResult.modelFile);
    QVERIFY(sameParameters(*b, parameterCopies(*a)));
  }

  void rollbackRestoresTheAverageAndKeepsNanOut() {
    QTemporaryDir dir;
    Trainer trainer(averagedConfig(dir.path()), tinyData());
    for (int i = 0; i < 3; ++i) trainer.trainStep();
    QCOMPARE(checkpointOf(trainer, dir.path()).averageUpdates, int64_t{3});
    {
      at::NoGradGuard noGrad;
      for (auto& p : trainer.trainedModel().parameters()) p.fill_(std::nan(""));
    }
    QCOMPARE(trainer.trainStep().rollbacks, int64_t{1});
    // Back to the state taken at the start: no average yet.
    const TrainingCheckpoint rolledBack = checkpointOf(trainer, dir.path());
    QCOMPARE(rolledBack.averageUpdates, int64_t{0});
    QVERIFY(rolledBack.averagedModelFileBytes.empty());
    trainer.trainStep();
    const TrainingCheckpoint after = checkpointOf(trainer, dir.path());
    QCOMPARE(after.averageUpdates, int64_t{1});
    writeFileAtomically((dir.path() + "/average.glow").toStdString(), after.averagedModelFileBytes);
    FlowModel average = loadFlowModel((dir.path() + "/average.glow").toStdString());
    for (const auto& p : average->parameters()) QVERIFY(at::isfinite(p).all().item<bool>());
  }

  void fineTuningFromACheckpointStartsFromItsAverage() {
    QTemporaryDir dir;
    Trainer trainer(averagedConfig(dir.path() + "/run"), tinyData());
    trainer.run();
    const std::filesystem::path checkpoint = (dir.path() + "/start.ckpt").toStdString();
    trainer.saveCheckpoint(checkpoint);
    FlowModel averaged = loadFlowModel(trainer.config().outputDir / "model.glow");
    TrainingConfig fineTune = tinyConfig(dir.path() + "/fine-tune");
    fineTune.model = nlohmann::json::object();
    fineTune.initFrom = checkpoint;
    Trainer next(fineTune, tinyData());
    QVERIFY(sameParameters(next.trainedModel(), parameterCopies(*averaged)));
  }

  // Checkpoints written before averaging existed have no "averageDecay" in their config; they
  // must still resume (the missing field is the default, off).
  void checkpointFromBeforeAveragingResumes() {
    QTemporaryDir dir;
    TrainingConfig config = tinyConfig(dir.path());
    config.steps = 4;
    config.checkpointEverySteps = 2;
    {
      Trainer first(config, tinyData());
      first.trainStep();
      first.trainStep();
      first.writeCheckpoint();
    }
    const auto path = listCheckpoints(config.outputDir).back();
    TrainingCheckpoint old = loadTrainingCheckpoint(path);
    old.config["optimizer"].erase("averageDecay");
    saveTrainingCheckpoint(old, path);
    config.resume = true;
    Trainer resumed(config, tinyData());
    QCOMPARE(resumed.step(), int64_t{2});
  }
};

QTEST_GUILESS_MAIN(TestWeightAverage)
#include "tst_weight_average.moc"
