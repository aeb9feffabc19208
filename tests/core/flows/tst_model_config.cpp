#include <QtTest/QtTest>

#include <nlohmann/json.hpp>

#include "core/flows/model_config.h"
#include "core/util/errors.h"

using namespace glowscope;

class TestModelConfig : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void trainingMemoryEstimateCountsOptimizerStateAndActivations() {
    const ModelConfig small = modelPreset("small");
    const double parametersBytes = static_cast<double>(analyticParameterCount(small)) * 16.0;
    QCOMPARE(estimatedTrainingBytes(small, 0), parametersBytes);  // weights, grads, 2 moments
    const double perImage = activationBytesPerImage(small);
    QVERIFY(perImage > 0);
    QCOMPARE(estimatedTrainingBytes(small, 64), parametersBytes + 64 * perImage);
    // Wider coupling nets hold more activations per image.
    QVERIFY(activationBytesPerImage(modelPreset("paper")) > perImage);
  }

  void jsonRoundTrip() {
    ModelConfig config = modelPreset("small", FlowType::Dense, 3);
    config.numClasses = 10;
    config.seed = 42;
    QVERIFY(ModelConfig::fromJson(config.toJson()) == config);
    QCOMPARE(QString::fromStdString(config.toJson()["type"].get<std::string>()), "dense");
  }

  void unknownFieldIsNamed() {
    nlohmann::json json = ModelConfig{}.toJson();
    json["hiddenChanels"] = 3;
    try {
      ModelConfig::fromJson(json);
      QFAIL("no error");
    } catch (const ConfigError& e) {
      QCOMPARE(QString::fromStdString(e.field()), "hiddenChanels");
    }
  }

  void wrongTypeIsNamed() {
    nlohmann::json json = ModelConfig{}.toJson();
    json["stepsPerScale"] = "eight";
    try {
      ModelConfig::fromJson(json);
      QFAIL("no error");
    } catch (const ConfigError& e) {
      QCOMPARE(QString::fromStdString(e.field()), "stepsPerScale");
    }
    json = ModelConfig{}.toJson();
    json["type"] = "resnet";
    QVERIFY_THROWS_EXCEPTION(ConfigError, ModelConfig::fromJson(json));
  }

  void validation() {
    ModelConfig config;
    config.height = 20;  // not divisible by 2^3
    QVERIFY_THROWS_EXCEPTION(ConfigError, config.validate());
    config = modelPreset("tiny", FlowType::Local);
    QCOMPARE(config.numScales, 1);
    config.numScales = 2;
    QVERIFY_THROWS_EXCEPTION(ConfigError, config.validate());
    QVERIFY_THROWS_EXCEPTION(ConfigError, modelPreset("huge"));
  }

  void presets() {
    ModelConfig paper = modelPreset("paper");
    QCOMPARE(paper.stepsPerScale, 32);
    QCOMPARE(paper.hiddenChannels, 512);
    QCOMPARE(paper.numScales, 3);
    ModelConfig small = modelPreset("small", FlowType::Conv, 3);
    QCOMPARE(small.stepsPerScale, 8);
    QCOMPARE(small.hiddenChannels, 128);
    QCOMPARE(small.imageDims(), 3072);
  }

  void analyticCountsMatchTheReferenceTable() {
    // Measured on the reference implementation (docs/flows.md, parameter count).
    QCOMPARE(analyticParameterCount(modelPreset("small", FlowType::Conv, 1)), 801120);
    QCOMPARE(analyticParameterCount(modelPreset("small", FlowType::Conv, 3)), 1624608);
    QCOMPARE(analyticParameterCount(modelPreset("paper", FlowType::Conv, 1)), 31583616);
    QCOMPARE(analyticParameterCount(modelPreset("paper", FlowType::Conv, 3)), 44155008);
  }
};

QTEST_APPLESS_MAIN(TestModelConfig)
#include "tst_model_config.moc"
