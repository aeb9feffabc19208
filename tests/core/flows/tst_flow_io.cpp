#include <QtTest/QtTest>

#include <torch/serialize/output-archive.h>

#include <QTemporaryDir>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/util/atomic_file.h"
#include "core/util/errors.h"
#include "flow_test_util.h"

using namespace glowscope;
using namespace glowscope::testing;

class TestFlowIo : public QObject {
  Q_OBJECT

  QTemporaryDir dir_;
  std::filesystem::path file(const char* name) const {
    return std::filesystem::path(dir_.path().toStdString()) / name;
  }

  static bool failsWithFileError(const std::function<void()>& action, QString* message) {
    try {
      action();
    } catch (const FileError& e) {
      *message = QString::fromStdString(e.what());
      return true;
    }
    return false;
  }

 private Q_SLOTS:
  void saveLoadIsBitIdentical_data() {
    QTest::addColumn<int>("type");
    QTest::addColumn<int>("classes");
    QTest::newRow("conv") << int(FlowType::Conv) << 0;
    QTest::newRow("dense") << int(FlowType::Dense) << 0;
    QTest::newRow("local") << int(FlowType::Local) << 0;
    QTest::newRow("conv with classes") << int(FlowType::Conv) << 3;
  }
  void saveLoadIsBitIdentical() {
    QFETCH(int, type);
    QFETCH(int, classes);
    ModelConfig config =
        tinyConfig(static_cast<FlowType>(type), 1, 8, 8, type == int(FlowType::Local) ? 1 : 2);
    config.numClasses = classes;
    auto model = createFlowModel(config);
    initializeActNorms(*model, at::rand({8, 1, 8, 8}) - 0.5);
    perturbParameters(*model, 0.05, 1);
    saveFlowModel(*model, file("model.glow"));
    QVERIFY(readFlowModelConfig(file("model.glow")) == config);
    auto loaded = loadFlowModel(file("model.glow"));
    QVERIFY(actNormsInitialized(*loaded));
    at::Tensor x = at::rand({3, 1, 8, 8}) - 0.5;
    FlowOutput a = model->forward(x), b = loaded->forward(x);
    QVERIFY(at::equal(a.logLikelihoodNats, b.logLikelihoodNats));
    for (std::size_t i = 0; i < a.latents.size(); ++i)
      QVERIFY(at::equal(a.latents[i], b.latents[i]));
    // Loading weights into an existing model of the same architecture.
    auto fresh = createFlowModel(config);
    loadFlowModelWeights(*fresh, file("model.glow"));
    QVERIFY(at::equal(fresh->forward(x).logLikelihoodNats, a.logLikelihoodNats));
  }

  void wrongArchitectureIsRejected() {
    auto model = createFlowModel(tinyConfig(FlowType::Conv, 1, 8, 8, 2));
    saveFlowModel(*model, file("conv.glow"));
    auto other = createFlowModel(tinyConfig(FlowType::Conv, 1, 8, 8, 2, 3));
    QString message;
    QVERIFY(failsWithFileError([&] { loadFlowModelWeights(*other, file("conv.glow")); }, &message));
    QVERIFY2(message.contains("K=2"), qPrintable(message));
  }

  void truncatedAndGarbageFilesAreRejected() {
    auto model = createFlowModel(tinyConfig(FlowType::Conv, 1, 8, 8, 2));
    saveFlowModel(*model, file("good.glow"));
    const std::string bytes = readWholeFile(file("good.glow"));
    QString message;
    for (std::size_t keep : {bytes.size() / 2, bytes.size() - 30, std::size_t{10}}) {
      writeFileAtomically(file("cut.glow"), std::string_view(bytes).substr(0, keep));
      QVERIFY(failsWithFileError([&] { loadFlowModel(file("cut.glow")); }, &message));
    }
    writeFileAtomically(file("garbage.glow"), std::string(5000, 'x'));
    QVERIFY(failsWithFileError([&] { loadFlowModel(file("garbage.glow")); }, &message));
    QVERIFY2(message.contains("garbage.glow"), qPrintable(message));
    writeFileAtomically(file("empty.glow"), std::string());
    QVERIFY(failsWithFileError([&] { loadFlowModel(file("empty.glow")); }, &message));
    QVERIFY(failsWithFileError([&] { loadFlowModel(file("missing.glow")); }, &message));
  }

  void weightsThatContradictTheirConfigAreRejected() {
    ModelConfig wide = tinyConfig(FlowType::Conv, 1, 8, 8, 2, 2, 16);
    auto model = createFlowModel(wide);
    ModelConfig narrow = wide;
    narrow.hiddenChannels = 8;
    torch::serialize::OutputArchive archive;
    model->save(archive);
    archive.write("glowscope_format_version", c10::IValue(kFlowModelFormatVersion));
    archive.write("glowscope_model_config", c10::IValue(narrow.toJson().dump()));
    writeFileAtomically(file("lying.glow"), [&](std::ostream& out) { archive.save_to(out); });
    QString message;
    QVERIFY(failsWithFileError([&] { loadFlowModel(file("lying.glow")); }, &message));
    QVERIFY2(message.contains("do not match"), qPrintable(message));

    torch::serialize::OutputArchive future;
    model->save(future);
    future.write("glowscope_format_version", c10::IValue(kFlowModelFormatVersion + 1));
    future.write("glowscope_model_config", c10::IValue(wide.toJson().dump()));
    writeFileAtomically(file("future.glow"), [&](std::ostream& out) { future.save_to(out); });
    QVERIFY(failsWithFileError([&] { loadFlowModel(file("future.glow")); }, &message));
    QVERIFY2(message.contains("version"), qPrintable(message));
  }

  void cloneIsIndependent() {
    auto model = createFlowModel(tinyConfig(FlowType::Conv, 1, 8, 8, 2));
    perturbParameters(*model, 0.05, 2);
    auto copy = cloneFlowModel(*model);
    at::Tensor x = at::rand({2, 1, 8, 8}) - 0.5;
    QVERIFY(at::equal(copy->forward(x).logLikelihoodNats, model->forward(x).logLikelihoodNats));
    perturbParameters(*copy, 0.05, 3);
    QVERIFY(!at::equal(copy->forward(x).logLikelihoodNats, model->forward(x).logLikelihoodNats));
  }
};

QTEST_GUILESS_MAIN(TestFlowIo)
#include "tst_flow_io.moc"
