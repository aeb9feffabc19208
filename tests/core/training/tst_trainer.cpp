// The training loop on a tiny model: likelihood learning, every loss, the NaN guard, freezing.
#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <QtTest>

#include <cmath>
#include <limits>
#include <thread>

#include "core/flows/flow_model.h"
#include "core/runtime/core_share.h"
#include "core/training/trainer.h"
#include "training_test_util.h"

using namespace glowscope;
using namespace glowscope::testing;

namespace {

double meanBpd(Trainer& trainer, int steps) {
  double sum = 0;
  for (int i = 0; i < steps; ++i) sum += trainer.trainStep().trainBitsPerDim;
  return sum / steps;
}

}  // namespace

class TestTrainer : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void likelihoodDecreases() {
    QTemporaryDir dir;
    TrainingConfig config = tinyConfig(dir.path());
    config.steps = 40;
    Trainer trainer(config, tinyData());
    const double first = meanBpd(trainer, 5);
    meanBpd(trainer, 30);
    const double last = meanBpd(trainer, 5);
    QVERIFY2(std::isfinite(first) && last < first - 0.2,
             qPrintable(QString("bpd %1 -> %2").arg(first).arg(last)));
    QVERIFY(trainer.events().empty());
    const TrainingProgress evaluation = trainer.evaluate();
    QVERIFY(std::isfinite(evaluation.testBitsPerDim));
    QVERIFY(evaluation.aurocByOodSet.count("bright") == 1);
  }

  // An experiment's lanes (core/runtime/core_share.h): a training whose partner lane is idle
  // takes over its threads between steps; one whose threads the spec fixed keeps them.
  void aGrowableSeatTakesOverAnIdleLanesThreads() {
    QTemporaryDir dir;
    TrainingConfig config = tinyConfig(dir.path());  // one thread
    config.steps = 3;
    auto threadsAfterTraining = [&](bool growable) {
      CoreShare lanes(2);
      int threads = 0;
      std::thread lane([&] {  // a thread of its own, as the scheduler's lanes are
        const CoreShare::Seat seat(&lanes, growable);
        Trainer(config, tinyData()).run();
        threads = at::get_num_threads();
      });
      lane.join();
      return threads;
    };
    QCOMPARE(threadsAfterTraining(true), 2);
    QCOMPARE(threadsAfterTraining(false), 1);
  }

  void nonFiniteTestImagesAreCountedBesideTheMean() {
    QTemporaryDir dir;
    Trainer trainer(tinyConfig(dir.path()), tinyData());
    trainer.trainStep();
    const TrainingProgress healthy = trainer.evaluate();
    QVERIFY(std::isfinite(healthy.testBitsPerDim));
    QCOMPARE(healthy.testNonFiniteCount, int64_t{0});
    {
      at::NoGradGuard noGrad;  // a broken weight: every test image's log p becomes NaN
      trainer.trainedModel().parameters().front().fill_(std::numeric_limits<float>::quiet_NaN());
    }
    const TrainingProgress broken = trainer.evaluate();
    QCOMPARE(broken.testNonFiniteCount, int64_t{64});  // tinyData's 64 test images, none dropped
    QVERIFY(!std::isfinite(broken.testBitsPerDim));    // no finite image to average
  }

  void injectedNanBatchIsSkippedAndCounted() {
    QTemporaryDir dir;
    Trainer trainer(tinyConfig(dir.path()), tinyData());
    int call = 0;
    trainer.setInlierBatchHook([&](at::Tensor& x) {
      if (call == 2) x.fill_(std::numeric_limits<float>::quiet_NaN());
      if (call == 4) x.slice(0, 0, 3).fill_(std::numeric_limits<float>::infinity());
      ++call;
    });
    trainer.trainStep();
    trainer.trainStep();
    const auto before = parameterCopies(trainer.trainedModel());
    const TrainingProgress skipped = trainer.trainStep();
    QVERIFY(sameParameters(trainer.trainedModel(), before));
    QCOMPARE(skipped.skippedSteps, int64_t{1});
    QCOMPARE(skipped.newEvents.size(), size_t{1});
    QCOMPARE(skipped.newEvents[0].kind, NanEvent::Kind::SkippedStep);
    QCOMPARE(skipped.newEvents[0].step, int64_t{2});
    trainer.trainStep();
    const TrainingProgress dropped = trainer.trainStep();  // 3 of 16 images bad: dropped
    QCOMPARE(dropped.droppedSamples, int64_t{3});
    QCOMPARE(dropped.skippedSteps, int64_t{1});
    QVERIFY(std::isfinite(dropped.trainBitsPerDim));
  }

  void brokenWeightsRollBackAndLowerTheLearningRate() {
    QTemporaryDir dir;
    TrainingConfig config = tinyConfig(dir.path());
    config.guard.learningRateBackoff = 0.25;
    Trainer trainer(config, tinyData());
    trainer.trainStep();
    const double lrBefore = trainer.learningRate();
    const auto good = parameterCopies(trainer.trainedModel());  // the state taken at start
    {
      at::NoGradGuard noGrad;
      for (auto& p : trainer.trainedModel().parameters()) p.fill_(std::nan(""));
    }
    const TrainingProgress progress = trainer.trainStep();
    QCOMPARE(progress.rollbacks, int64_t{1});
    bool sawRollback = false;
    for (const auto& event : progress.newEvents)
      sawRollback |= event.kind == NanEvent::Kind::Rollback;
    QVERIFY(sawRollback);
    QVERIFY(std::fabs(trainer.learningRate() - 0.25 * lrBefore) < 1e-12);
    for (const auto& p : trainer.trainedModel().parameters())
      QVERIFY(at::isfinite(p).all().item<bool>());
    QVERIFY(!sameParameters(trainer.trainedModel(), good));  // rolled back to step 0, not step 1
    QVERIFY(std::isfinite(trainer.trainStep().trainBitsPerDim));
  }

  void frozenScalesDoNotChange() {
    QTemporaryDir dir;
    const auto start = trainAndSaveModel(dir.path(), "start", 3, false);
    TrainingConfig config = tinyConfig(dir.path() + "/finetune");
    config.initFrom = start;
    config.freezeScales = 1;
    config.optimizer.warmupSteps = 0;
    Trainer trainer(config, tinyData());
    std::vector<at::Tensor> scale0, scale1;
    for (const auto& p : trainer.trainedModel().parametersOfScale(0))
      scale0.push_back(p.detach().clone());
    for (const auto& p : trainer.trainedModel().parametersOfScale(1))
      scale1.push_back(p.detach().clone());
    for (int i = 0; i < 3; ++i) trainer.trainStep();
    size_t i = 0;
    for (const auto& p : trainer.trainedModel().parametersOfScale(0))
      QVERIFY(at::equal(p, scale0[i++]));
    bool changed = false;
    i = 0;
    for (const auto& p : trainer.trainedModel().parametersOfScale(1))
      changed |= !at::equal(p, scale1[i++]);
    QVERIFY(changed);
  }

  void fineTuningWarmsUpByDefaultAndKeepsActNorms() {
    QTemporaryDir dir;
    const auto start = trainAndSaveModel(dir.path(), "start", 3, false);
    TrainingConfig config = tinyConfig(dir.path() + "/finetune");
    config.initFrom = start;
    Trainer trainer(config, tinyData());
    QVERIFY(std::fabs(trainer.learningRate() - config.optimizer.learningRate / 100) < 1e-15);
    auto reference = loadFlowModel(start);
    QVERIFY(actNormsInitialized(trainer.trainedModel()));
    auto trainedParameters = trainer.trainedModel().parameters();
    auto referenceParameters = reference->parameters();
    for (size_t i = 0; i < trainedParameters.size(); ++i)
      QVERIFY(at::equal(trainedParameters[i], referenceParameters[i]));  // no re-init
  }

  void outlierAndMarginLossesTrain() {
    QTemporaryDir dir;
    const auto general = trainAndSaveModel(dir.path(), "general", 3, true);
    for (const bool margin : {false, true}) {
      TrainingConfig config = tinyConfig(dir.path() + (margin ? "/margin" : "/outlier"));
      config.losses.outlier = !margin;
      config.losses.margin = margin;
      config.generalModel = margin ? std::filesystem::path() : general;
      config.outlierSet = "generated-bright";
      Trainer trainer(config, tinyData());
      const TrainingProgress progress = trainer.trainStep();
      QVERIFY(std::isfinite(margin ? progress.marginLoss : progress.outlierLoss));
      QVERIFY(std::isfinite(progress.loss));
      QVERIFY(std::fabs(progress.loss - progress.likelihoodLoss -
                        (margin ? progress.marginLoss : progress.outlierLoss)) <
              1e-3 * progress.loss);
      const TrainingProgress evaluation = trainer.evaluate();
      QCOMPARE(evaluation.ratioAurocByOodSet.size(), static_cast<size_t>(margin ? 0 : 1));
    }
  }

  void supervisedAndDiffDaggerRun() {
    QTemporaryDir dir;
    const auto general = trainAndSaveModel(dir.path(), "general", 2, true);
    const auto inDistribution = trainAndSaveModel(dir.path(), "in", 2, false);
    TrainingConfig supervised = tinyConfig(dir.path() + "/supervised");
    supervised.initFrom = inDistribution;
    supervised.generalModel = general;
    supervised.losses.supervised = true;
    supervised.losses.outlier = true;
    supervised.outlierSet = "generated-bright";
    Trainer classTrainer(supervised, tinyData(3));
    QCOMPARE(classTrainer.trainedModel().config().numClasses, 3);
    const TrainingProgress step = classTrainer.trainStep();
    QVERIFY(std::isfinite(step.supervisedLoss) && std::isfinite(step.outlierLoss));

    TrainingConfig dagger = tinyConfig(dir.path() + "/dagger");
    dagger.generalModel = general;
    dagger.inDistributionModel = inDistribution;
    dagger.losses.trainedModel = TrainedModel::General;
    dagger.losses.outlier = true;
    dagger.outlierSet = "generated";
    TrainingData data = tinyData();
    std::swap(data.train, data.outlier);  // the general model trains on general images
    Trainer daggerTrainer(dagger, data);
    const auto before = parameterCopies(daggerTrainer.trainedModel());
    QVERIFY(std::isfinite(daggerTrainer.trainStep().outlierLoss));
    QVERIFY(!sameParameters(daggerTrainer.trainedModel(), before));
  }
};

QTEST_GUILESS_MAIN(TestTrainer)
#include "tst_trainer.moc"
