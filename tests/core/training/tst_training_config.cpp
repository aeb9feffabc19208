// TrainingConfig JSON: round trip, typos and wrong types name the field, semantic validation,
// --set overrides.
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

#include "core/training/training_config.h"
#include "core/util/errors.h"

using namespace glowscope;

namespace {

nlohmann::json minimalJson(const QString& outputDir) {
  return {{"model", {{"preset", "tiny"}, {"type", "conv"}, {"channels", 1}}},
          {"trainSet", "fashion-mnist:train"},
          {"steps", 10},
          {"outputDir", outputDir.toStdString()}};
}

QString fieldOfError(const nlohmann::json& json, bool validate = false) {
  try {
    const TrainingConfig config = TrainingConfig::fromJson(json);
    if (validate) config.validate();
  } catch (const ConfigError& error) {
    return QString::fromStdString(error.field());
  }
  return "(no error)";
}

}  // namespace

class TestTrainingConfig : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void roundTripKeepsEveryField() {
    TrainingConfig config;
    config.trainSet = "mnist:train";
    config.oodSets = {"fashion-mnist:test", "mnist:test"};
    config.losses.outlier = true;
    config.losses.trainedModel = TrainedModel::General;
    config.optimizer.type = "adam";
    config.optimizer.warmupSteps = 7;
    config.optimizer.schedule = "cosine";
    config.optimizer.finalLearningRateFactor = 0.25;
    config.guard.learningRateBackoff = 0.1;
    config.seed = 42;
    config.freezeScales = 2;
    const nlohmann::json json = config.toJson();
    const TrainingConfig back = TrainingConfig::fromJson(json);
    QCOMPARE(back.toJson(), json);
    QCOMPARE(back.losses.trainedModel, TrainedModel::General);
    QCOMPARE(back.oodSets.size(), size_t{2});
  }

  // Outlier batches have their own augmentation (the general set was trained with flips, the
  // in-distribution set without); absent, they follow the training images' settings.
  void outlierAugmentationIsItsOwn() {
    QTemporaryDir dir;
    nlohmann::json json = minimalJson(dir.path());
    json["maxTranslatePx"] = 2;
    TrainingConfig config = TrainingConfig::fromJson(json);
    QVERIFY(!config.outlierAugmentation);
    QCOMPARE(config.effectiveOutlierAugmentation(), (AugmentationConfig{2, false}));
    QVERIFY(!config.toJson().contains("outlierAugmentation"));
    json["outlierAugmentation"] = {{"maxTranslatePx", 1}, {"horizontalFlip", true}};
    config = TrainingConfig::fromJson(json);
    QCOMPARE(config.effectiveOutlierAugmentation(), (AugmentationConfig{1, true}));
    QCOMPARE(config.trainAugmentation(), (AugmentationConfig{2, false}));
    QCOMPARE(TrainingConfig::fromJson(config.toJson()).toJson(), config.toJson());
    json["outlierAugmentation"] = {{"flip", true}};
    QCOMPARE(fieldOfError(json), QString("outlierAugmentation.flip"));
    json["outlierAugmentation"] = {{"horizontalFlip", 1}};
    QCOMPARE(fieldOfError(json), QString("outlierAugmentation.horizontalFlip"));
  }

  void typosAndWrongTypesNameTheField() {
    QTemporaryDir dir;
    nlohmann::json json = minimalJson(dir.path());
    QCOMPARE(fieldOfError(json, true), QString("(no error)"));
    json["optimiser"] = {{"learningRate", 1e-3}};
    QCOMPARE(fieldOfError(json), QString("optimiser"));
    json = minimalJson(dir.path());
    json["optimizer"] = {{"lr", 1e-3}};
    QCOMPARE(fieldOfError(json), QString("optimizer.lr"));
    json = minimalJson(dir.path());
    json["batchSize"] = "64";
    QCOMPARE(fieldOfError(json), QString("batchSize"));
    json = minimalJson(dir.path());
    json["losses"] = {{"outlierWeight", true}};
    QCOMPARE(fieldOfError(json), QString("losses.outlierWeight"));
    json = minimalJson(dir.path());
    json["model"]["stepsPerScal"] = 3;
    QCOMPARE(fieldOfError(json, true), QString("model.stepsPerScal"));
    json = minimalJson(dir.path());
    json["model"]["preset"] = "huge";
    QCOMPARE(fieldOfError(json, true), QString("model.preset"));
  }

  void semanticChecksNameTheField() {
    QTemporaryDir dir;
    nlohmann::json json = minimalJson(dir.path());
    json["initFrom"] = "/nonexistent/model.glow";
    QCOMPARE(fieldOfError(json, true), QString("initFrom"));
    json = minimalJson(dir.path());
    json["losses"] = {{"outlier", true}};
    QCOMPARE(fieldOfError(json, true), QString("outlierSet"));
    json["outlierSet"] = "photo-crops-gray:train";
    QCOMPARE(fieldOfError(json, true), QString("generalModel"));
    json = minimalJson(dir.path());
    json["steps"] = 0;
    QCOMPARE(fieldOfError(json, true), QString("steps"));
    json = minimalJson(dir.path());
    json["optimizer"] = {{"type", "sgd"}};
    QCOMPARE(fieldOfError(json, true), QString("optimizer.type"));
    json = minimalJson(dir.path());
    json["freezeScales"] = 1;
    QCOMPARE(fieldOfError(json, true), QString("freezeScales"));
    json = minimalJson(dir.path());
    json["optimizer"] = {{"schedule", "linear"}};
    QCOMPARE(fieldOfError(json, true), QString("optimizer.schedule"));
    json["optimizer"] = {{"schedule", "cosine"}, {"finalLearningRateFactor", 1.5}};
    QCOMPARE(fieldOfError(json, true), QString("optimizer.finalLearningRateFactor"));
  }

  void learningRateScheduleRampsThenDecays() {
    TrainingConfig config;
    config.optimizer.learningRate = 1e-3;
    config.optimizer.warmupSteps = 10;
    // Constant (the reference): the ramp, then the full rate to the end.
    QCOMPARE(config.scheduledLearningRate(0, 110), 1e-4);
    QCOMPARE(config.scheduledLearningRate(4, 110), 5e-4);
    QCOMPARE(config.scheduledLearningRate(10, 110), 1e-3);
    QCOMPARE(config.scheduledLearningRate(109, 110), 1e-3);
    // Cosine: full rate right after the ramp, half-way at the middle, the final rate at the end.
    config.optimizer.schedule = "cosine";
    config.optimizer.finalLearningRateFactor = 0.1;
    QCOMPARE(config.scheduledLearningRate(4, 110), 5e-4);
    QCOMPARE(config.scheduledLearningRate(10, 111), 1e-3);
    QVERIFY(std::abs(config.scheduledLearningRate(60, 111) - 1e-3 * (0.1 + 0.9 * 0.5)) < 1e-12);
    QVERIFY(std::abs(config.scheduledLearningRate(110, 111) - 1e-4) < 1e-12);
    double previous = 1.0;
    for (int64_t step = 10; step < 111; ++step) {
      const double rate = config.scheduledLearningRate(step, 111);
      QVERIFY(rate <= previous);
      previous = rate;
    }
  }

  void warmUpDefaultsToHundredWhenFineTuning() {
    TrainingConfig config;
    QCOMPARE(config.effectiveWarmupSteps(), int64_t{0});
    config.initFrom = "general.glow";
    QCOMPARE(config.effectiveWarmupSteps(), int64_t{100});
    config.optimizer.warmupSteps = 0;
    QCOMPARE(config.effectiveWarmupSteps(), int64_t{0});
  }

  void overridesSetNestedFields() {
    nlohmann::json json = minimalJson("out");
    applyConfigOverride(json, "optimizer.learningRate=1e-4");
    applyConfigOverride(json, "trainSet=mnist:train");
    applyConfigOverride(json, "oodSets=[\"mnist:test\"]");
    applyConfigOverride(json, "losses.outlier=true");
    const TrainingConfig config = TrainingConfig::fromJson(json);
    QCOMPARE(config.optimizer.learningRate, 1e-4);
    QCOMPARE(QString::fromStdString(config.trainSet), QString("mnist:train"));
    QCOMPARE(config.oodSets.size(), size_t{1});
    QVERIFY(config.losses.outlier);
    QVERIFY_THROWS_EXCEPTION(ConfigError, applyConfigOverride(json, "noequals"));
    applyConfigOverride(json, "optimizer.lr=1");
    QCOMPARE(fieldOfError(json), QString("optimizer.lr"));
  }

  void modelPresetIsOverlaid() {
    const ModelConfig model = modelConfigFromJson(
        {{"preset", "small"}, {"type", "conv"}, {"channels", 3}, {"stepsPerScale", 4}});
    QCOMPARE(model.channels, 3);
    QCOMPARE(model.stepsPerScale, 4);
    QCOMPARE(model.hiddenChannels, modelPreset("small", FlowType::Conv, 3).hiddenChannels);
  }
};

QTEST_APPLESS_MAIN(TestTrainingConfig)
#include "tst_training_config.moc"
