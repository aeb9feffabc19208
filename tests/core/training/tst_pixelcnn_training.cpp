// PixelCNN++ (docs/pixelcnn.md) through the Trainer and the scores: maximum likelihood, exact
// resume with dropout, the outlier and margin losses against a frozen model of either family,
// the flow-only options refused, scores and ratios across families.
#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <QtTest>

#include <cmath>

#include "core/data/tensor_batches.h"
#include "core/models/flow_likelihood.h"
#include "core/models/pixelcnn.h"
#include "core/scoring/score_definitions.h"
#include "core/training/trainer.h"
#include "core/util/errors.h"
#include "training_test_util.h"

using namespace glowscope;
using namespace glowscope::testing;

namespace {

/// A tiny PixelCNN++ trained for a few steps on the bright images (a general-model stand-in).
std::filesystem::path savePixelCnnGeneral(const QString& dir, int steps = 3) {
  TrainingConfig config = tinyPixelCnnConfig(dir + "/pcnn-general-run");
  TrainingData data;
  data.train = makeImages(256, 11, 60);
  Trainer trainer(config, data);
  for (int i = 0; i < steps; ++i) trainer.trainStep();
  const std::filesystem::path path = (dir + "/pcnn-general.glow").toStdString();
  trainer.likelihoodModel().save(path);
  return path;
}

TrainingConfig withOutlierLoss(TrainingConfig config, const std::filesystem::path& general) {
  config.losses.outlier = true;
  config.generalModel = general;
  config.outlierSet = "generated-bright";
  return config;
}

double firstStepOutlierLoss(const TrainingConfig& config) {
  Trainer trainer(config, tinyData());
  return trainer.trainStep().outlierLoss;
}

void expectConfigError(const std::function<void()>& action, const std::string& field,
                       const std::string& phrase) {
  try {
    action();
    QFAIL(qPrintable(QString::fromStdString("no ConfigError for " + field)));
  } catch (const ConfigError& error) {
    QCOMPARE(QString::fromStdString(error.field()), QString::fromStdString(field));
    QVERIFY2(std::string(error.what()).find(phrase) != std::string::npos, error.what());
  }
}

}  // namespace

class TestPixelCnnTraining : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() { at::set_num_threads(1); }

  void maximumLikelihoodLowersBitsPerDim() {
    QTemporaryDir dir;
    TrainingConfig config = tinyPixelCnnConfig(dir.path());
    config.steps = 40;
    Trainer trainer(config, tinyData());
    QVERIFY(trainer.likelihoodModel().family() == ModelFamily::PixelCnn);
    expectConfigError([&] { trainer.trainedModel(); }, "model", "PixelCNN++");
    double first = 0, last = 0;
    for (int i = 0; i < 5; ++i) first += trainer.trainStep().trainBitsPerDim / 5;
    for (int i = 0; i < 30; ++i) trainer.trainStep();
    for (int i = 0; i < 5; ++i) last += trainer.trainStep().trainBitsPerDim / 5;
    QVERIFY2(std::isfinite(first) && last < first - 0.2,
             qPrintable(QString("bpd %1 -> %2").arg(first).arg(last)));
    const TrainingProgress evaluation = trainer.evaluate();
    QVERIFY(std::isfinite(evaluation.testBitsPerDim));
    QVERIFY(evaluation.aurocByOodSet.count("bright") == 1);
  }

  void runSavesAPixelCnnModelFile() {
    QTemporaryDir dir;
    TrainingConfig config = tinyPixelCnnConfig(dir.path());
    config.steps = 3;
    config.optimizer.averageDecay = 0.9;
    Trainer trainer(config, tinyData());
    const TrainingResult result = trainer.run();
    QVERIFY(std::isfinite(result.testBitsPerDim));
    QVERIFY(readModelFileFamily(result.modelFile) == ModelFamily::PixelCnn);
    const LikelihoodModel loaded = loadLikelihoodModel(result.modelFile);
    loaded->eval();
    const at::Tensor pixels = toUint8Tensor(*makeImages(8, 9));
    // The file holds the weight average, which is what the Trainer evaluates with.
    const ModelScores scores = scoreImages(*loaded, *makeImages(8, 9));
    const at::Tensor logp = loaded->logLikelihood(pixels).logLikelihoodNats;
    for (int i = 0; i < 8; ++i) QCOMPARE(scores.logLikelihoodNats[i], logp[i].item<double>());
  }

  /// With dropout, weight averaging and the outlier loss against a Glow general model, a run
  /// cancelled after step 6 and resumed ends with the weights of an uninterrupted run (1 thread).
  void resumedRunEqualsUninterruptedBitwise() {
    QTemporaryDir dir;
    const auto general = trainAndSaveModel(dir.path(), "general", 2, true);
    auto configFor = [&](const QString& sub) {
      TrainingConfig config = withOutlierLoss(tinyPixelCnnConfig(sub, 0.5), general);
      config.steps = 10;
      config.maxTranslatePx = 1;
      config.optimizer.averageDecay = 0.9;
      return config;
    };
    Trainer straight(configFor(dir.path() + "/straight"), tinyData());
    straight.run();
    const InterruptedRun interrupted =
        runCancelledAndResumed(configFor(dir.path() + "/interrupted"), 6);
    QVERIFY(interrupted.cancelled.cancelled);
    QCOMPARE(interrupted.resumedFromStep, int64_t{6});
    QVERIFY(sameParameters(interrupted.resumed->likelihoodModel(),
                           parameterCopies(straight.likelihoodModel())));
  }

  /// Eq. 2 with a frozen model of the other family, both ways, and of the same family: the loss
  /// is finite, and it changes when the frozen model does (so the frozen log p enters it).
  void outlierLossAgainstAnyFamily() {
    QTemporaryDir dir;
    const auto glowGeneral = trainAndSaveModel(dir.path(), "glow-general", 2, true);
    const auto glowOther = trainAndSaveModel(dir.path(), "glow-other", 6, true);
    const auto pcnnGeneral = savePixelCnnGeneral(dir.path(), 2);
    const auto pcnnOther = savePixelCnnGeneral(dir.path() + "/other", 6);
    const QString out = dir.path() + "/run";
    const TrainingConfig glow = tinyConfig(out), pcnn = tinyPixelCnnConfig(out);
    for (const auto& [trained, general, other] :
         {std::tuple{glow, pcnnGeneral, pcnnOther}, std::tuple{pcnn, glowGeneral, glowOther},
          std::tuple{pcnn, pcnnGeneral, pcnnOther}}) {
      const double loss = firstStepOutlierLoss(withOutlierLoss(trained, general));
      const double otherLoss = firstStepOutlierLoss(withOutlierLoss(trained, other));
      QVERIFY2(std::isfinite(loss) && loss > 0, qPrintable(QString::number(loss)));
      QVERIFY2(loss != otherLoss, qPrintable(QString::number(loss)));
    }
    Trainer trainer(withOutlierLoss(pcnn, glowGeneral), tinyData());
    trainer.trainStep();
    const TrainingProgress evaluation = trainer.evaluate();  // ratio to the frozen Glow
    QVERIFY(evaluation.ratioAurocByOodSet.count("bright") == 1);
    QVERIFY(std::isfinite(evaluation.ratioAurocByOodSet.at("bright")));
  }

  void marginLossTrainsAPixelCnn() {
    QTemporaryDir dir;
    TrainingConfig config = tinyPixelCnnConfig(dir.path());
    config.losses.margin = true;
    config.outlierSet = "generated-bright";
    Trainer trainer(config, tinyData());
    const TrainingProgress progress = trainer.trainStep();
    QVERIFY(std::isfinite(progress.marginLoss));
    QVERIFY(trainer.events().empty());
  }

  void flowOnlyOptionsAreRefused() {
    QTemporaryDir dir;
    TrainingConfig frozenScales = tinyPixelCnnConfig(dir.path());
    frozenScales.freezeScales = 1;
    expectConfigError([&] { frozenScales.validate(); }, "freezeScales", "PixelCNN++");
    TrainingConfig supervised = tinyPixelCnnConfig(dir.path());
    supervised.losses.supervised = true;
    supervised.generalModel = trainAndSaveModel(dir.path(), "general", 1, true);
    expectConfigError([&] { supervised.validate(); }, "losses.supervised", "PixelCNN++");
    // Fine-tuning a PixelCNN++ file: the family is known only once the file is read.
    TrainingConfig fineTune = tinyConfig(dir.path() + "/ft");
    fineTune.initFrom = savePixelCnnGeneral(dir.path(), 1);
    fineTune.freezeScales = 1;
    expectConfigError([&] { Trainer trainer(fineTune, tinyData()); }, "freezeScales",
                      "PixelCNN++");
    TrainingConfig badPreset = tinyPixelCnnConfig(dir.path());
    badPreset.model["preset"] = "huge";
    expectConfigError([&] { badPreset.validate(); }, "model.preset", "huge");
  }

  void scoresAndRatiosAcrossFamilies() {
    QTemporaryDir dir;
    const LikelihoodModel pcnn = loadLikelihoodModel(savePixelCnnGeneral(dir.path(), 1));
    const LikelihoodModel glow =
        loadLikelihoodModel(trainAndSaveModel(dir.path(), "glow", 1, false));
    const auto images = makeImages(12, 21);
    const ModelScores pcnnScores = scoreImages(*pcnn, *images, {});
    const ModelScores glowScores = scoreImages(*glow, *images, {});
    QVERIFY(pcnnScores.scaleLogLikelihoodNats.empty());
    QCOMPARE(glowScores.scaleLogLikelihoodNats.size(), size_t{2});
    pcnn->eval();
    const at::Tensor exact = pcnn->logLikelihood(toUint8Tensor(*images)).logLikelihoodNats;
    for (int i = 0; i < 12; ++i) QCOMPARE(pcnnScores.logLikelihoodNats[i], exact[i].item<double>());

    ScoreInputs inputs;
    inputs.modelScores = [&](const std::string& id) -> const ModelScores& {
      return id == "pcnn" ? pcnnScores : glowScores;
    };
    ScoreDefinition ratio{"Diff", ScoreKind::Ratio, "pcnn", "glow", 0};
    const std::vector<double> values = evaluateScore(ratio, inputs);
    for (int i = 0; i < 12; ++i)
      QCOMPARE(values[i], pcnnScores.logLikelihoodNats[i] - glowScores.logLikelihoodNats[i]);
    for (const ScoreDefinition& flowOnly :
         {ScoreDefinition{"4x4", ScoreKind::Scale, "pcnn", "", -1},
          ScoreDefinition{"4x4 Diff", ScoreKind::ScaleRatio, "glow", "pcnn", 1}}) {
      try {
        evaluateScore(flowOnly, inputs);
        QFAIL("a scale score of a PixelCNN++ model was computed");
      } catch (const Error& error) {
        QVERIFY2(
            std::string(error.what()).find("a PixelCNN++ model has no scales") != std::string::npos,
            error.what());
      }
    }
  }
};

QTEST_GUILESS_MAIN(TestPixelCnnTraining)
#include "tst_pixelcnn_training.moc"
