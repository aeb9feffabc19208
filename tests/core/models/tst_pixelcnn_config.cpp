// PixelCnnConfig: presets, JSON, validation, and the closed forms for parameters and
// multiply-adds checked against the built model.
#include <QtTest/QtTest>

#include <ATen/Parallel.h>
#include <ATen/core/grad_mode.h>

#include <nlohmann/json.hpp>

#include "core/models/pixelcnn.h"
#include "core/util/errors.h"

using namespace glowscope;

class TestPixelCnnConfig : public QObject {
  Q_OBJECT

  static QString configErrorField(const nlohmann::json& json) {
    try {
      PixelCnnConfig::fromJson(json);
    } catch (const ConfigError& e) {
      return QString::fromStdString(e.field());
    }
    return {};
  }

 private Q_SLOTS:
  // Tiny models gain nothing from a second thread, and on a busy 2-core machine OpenMP's
  // spinning made this suite 30x slower with two (3 s against 90 s).
  void initTestCase() { at::set_num_threads(1); }

  void presets() {
    const PixelCnnConfig paper = pixelCnnPreset("paper", 3);
    QCOMPARE(paper.resnetBlocks, 5);
    QCOMPARE(paper.filters, 160);
    QCOMPARE(paper.logistics, 10);
    QCOMPARE(paper.dropout, 0.5);
    QCOMPARE(paper.outputChannels(), 100);  // 10 per logistic for RGB
    QCOMPARE(pixelCnnPreset("small", 1).outputChannels(), 3 * pixelCnnPreset("small", 1).logistics);
    QCOMPARE(pixelCnnPreset("tiny", 3, 8, 8).imageDims(), std::int64_t{192});
    QVERIFY_THROWS_EXCEPTION(ConfigError, pixelCnnPreset("huge"));
    QCOMPARE(pixelCnnPresetNames().size(), std::size_t{3});
  }

  void jsonRoundTrip() {
    PixelCnnConfig config = pixelCnnPreset("small", 3, 16, 24);
    config.seed = 77;
    config.dropout = 0.125;
    const nlohmann::json json = config.toJson();
    QCOMPARE(QString::fromStdString(json.at("type").get<std::string>()), QString("pixelcnn"));
    QVERIFY(PixelCnnConfig::fromJson(json) == config);
    QVERIFY(PixelCnnConfig::fromJson(nlohmann::json::object()) == PixelCnnConfig{});
  }

  void badJsonNamesTheField() {
    QCOMPARE(configErrorField({{"filterz", 3}}), QString("filterz"));
    QCOMPARE(configErrorField({{"type", "conv"}}), QString("type"));
    QCOMPARE(configErrorField({{"filters", "many"}}), QString("filters"));
    QCOMPARE(configErrorField({{"height", 30}}), QString("height"));
    QCOMPARE(configErrorField({{"channels", 5}}), QString("channels"));
    QCOMPARE(configErrorField({{"dropout", 1.0}}), QString("dropout"));
    QCOMPARE(configErrorField({{"logistics", 0}}), QString("logistics"));
    QCOMPARE(configErrorField({{"seed", -1}}), QString("seed"));
    QCOMPARE(configErrorField(nlohmann::json::array()), QString("model"));
  }

  // The closed form of docs/pixelcnn.md equals the built model's parameter count.
  void parameterCountMatchesTheModel_data() {
    QTest::addColumn<QString>("preset");
    QTest::addColumn<int>("channels");
    for (const char* preset : {"tiny", "small", "paper"})
      for (int channels : {1, 3})
        QTest::newRow(qPrintable(QString("%1 %2").arg(preset).arg(channels)))
            << QString(preset) << channels;
  }
  void parameterCountMatchesTheModel() {
    QFETCH(QString, preset);
    QFETCH(int, channels);
    const PixelCnnConfig config = pixelCnnPreset(preset.toStdString(), channels);
    PixelCnn model(config);
    QCOMPARE(model->numParameters(), pixelCnnParameterCount(config));
  }

  // The closed form for multiply-adds equals what the layers count while running.
  void multiplyAddsMatchTheModel_data() {
    QTest::addColumn<QString>("preset");
    QTest::addColumn<int>("channels");
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("width");
    QTest::newRow("tiny grey 8x8") << "tiny" << 1 << 8 << 8;
    QTest::newRow("tiny rgb 12x8") << "tiny" << 3 << 12 << 8;
    QTest::newRow("small grey 32x32") << "small" << 1 << 32 << 32;
    QTest::newRow("small rgb 32x32") << "small" << 3 << 32 << 32;
  }
  void multiplyAddsMatchTheModel() {
    QFETCH(QString, preset);
    QFETCH(int, channels);
    QFETCH(int, height);
    QFETCH(int, width);
    const PixelCnnConfig config = pixelCnnPreset(preset.toStdString(), channels, height, width);
    PixelCnn model(config);
    at::NoGradGuard noGrad;
    CountMultiplyAdds counter;
    model->forward(at::zeros({2, channels, height, width}, at::kByte));
    QCOMPARE(counter.perImage(), pixelCnnForwardMultiplyAdds(config));
  }
};

QTEST_GUILESS_MAIN(TestPixelCnnConfig)
#include "tst_pixelcnn_config.moc"
