// PixelCNN++ model files: bit-identical round trips, the family of a file, and clear FileErrors
// for every kind of bad file (never a crash, never a half-loaded model).
#include <QtTest/QtTest>

#include <ATen/Parallel.h>
#include <torch/serialize/output-archive.h>

#include <QTemporaryDir>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>

#include "core/flows/flow_model.h"
#include "core/flows/model_archive.h"
#include "core/util/atomic_file.h"
#include "core/util/errors.h"
#include "pixelcnn_test_util.h"

using namespace glowscope;
using namespace glowscope::testing;

class TestPixelCnnIo : public QObject {
  Q_OBJECT

  QTemporaryDir dir_;
  std::filesystem::path file(const char* name) const {
    return std::filesystem::path(dir_.path().toStdString()) / name;
  }

  // The FileError message of `action`, or an empty string when it throws none.
  static QString fileErrorOf(const std::function<void()>& action) {
    try {
      action();
    } catch (const FileError& e) {
      return QString::fromStdString(e.what());
    }
    return {};
  }

  void writeBytes(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
  }

 private Q_SLOTS:
  // Tiny models gain nothing from a second thread, and on a busy 2-core machine OpenMP's
  // spinning made this suite 30x slower with two (3 s against 90 s).
  void initTestCase() { at::set_num_threads(1); }

  void saveLoadIsBitIdentical_data() {
    QTest::addColumn<int>("channels");
    QTest::newRow("grey") << 1;
    QTest::newRow("rgb") << 3;
  }
  void saveLoadIsBitIdentical() {
    QFETCH(int, channels);
    PixelCnnConfig config = tinyPixelCnnConfig(channels, 8, 3);
    config.dropout = 0.25;
    config.seed = 42;
    PixelCnn model(config);
    perturbParameters(*model, 0.05, 1);
    model->save(file("model.pcnn"));
    QVERIFY(readPixelCnnConfig(file("model.pcnn")) == config);
    QVERIFY(readModelFileFamily(file("model.pcnn")) == ModelFamily::PixelCnn);
    PixelCnn loaded = loadPixelCnn(file("model.pcnn"));
    QVERIFY(loaded->config() == config);
    auto expected = model->named_parameters();
    QCOMPARE(loaded->named_parameters().size(), expected.size());
    for (const auto& p : loaded->named_parameters())
      QVERIFY2(at::equal(p.value(), expected[p.key()]), p.key().c_str());
    model->eval();
    loaded->eval();
    const at::Tensor pixels = randomPixels(3, config, 2);
    QVERIFY(at::equal(model->logLikelihood(pixels).logLikelihoodNats,
                      loaded->logLikelihood(pixels).logLikelihoodNats));
    // Saving the loaded model again gives the same bytes.
    loaded->save(file("again.pcnn"));
    QVERIFY(readWholeFile(file("model.pcnn")) == readWholeFile(file("again.pcnn")));
  }

  void flowFilesAreToldApart() {
    ModelConfig flowConfig = modelPreset("tiny", FlowType::Conv, 1, 8, 8);
    flowConfig.numScales = 2;
    FlowModel flow = createFlowModel(flowConfig);
    saveFlowModel(*flow, file("flow.glow"));
    QVERIFY(readModelFileFamily(file("flow.glow")) == ModelFamily::Flow);
    const QString message = fileErrorOf([&] { loadPixelCnn(file("flow.glow")); });
    QVERIFY2(message.contains("holds a conv model, not a PixelCNN++"), qPrintable(message));
  }

  void corruptFilesRaiseFileError() {
    PixelCnn model(tinyPixelCnnConfig(1, 8, 2));
    model->save(file("good.pcnn"));
    const std::string good = readWholeFile(file("good.pcnn"));
    writeBytes(file("empty.pcnn"), "");
    writeBytes(file("garbage.pcnn"), std::string(3000, 'x'));
    writeBytes(file("truncated.pcnn"), good.substr(0, good.size() / 2));
    struct Case {
      const char* name;
      const char* reason;
    };
    for (const Case& c : {Case{"missing.pcnn", "missing.pcnn"}, Case{"empty.pcnn", "empty"},
                          Case{"garbage.pcnn", "not a Glowscope model file"},
                          Case{"truncated.pcnn", "not a Glowscope model file"}}) {
      const QString message = fileErrorOf([&] { loadPixelCnn(file(c.name)); });
      QVERIFY2(message.contains(c.reason), qPrintable(QString(c.name) + ": " + message));
      QVERIFY(!fileErrorOf([&] { readModelFileFamily(file(c.name)); }).isEmpty());
    }
  }

  // Files whose container is fine but whose content is not: weights of another size than the
  // stored config, a config of a newer format, a bad config, a config without a type.
  void inconsistentFilesRaiseFileError() {
    PixelCnn model(tinyPixelCnnConfig(1, 8, 2));
    PixelCnnConfig wider = model->config();
    wider.filters = 12;
    writeModelArchive(*model, kPixelCnnFormatVersion, wider.toJson(), file("shapes.pcnn"));
    QVERIFY2(fileErrorOf([&] { loadPixelCnn(file("shapes.pcnn")); }).contains("do not match"),
             "weights that do not fit the config");
    writeModelArchive(*model, kPixelCnnFormatVersion + 1, model->config().toJson(),
                      file("newer.pcnn"));
    QVERIFY(fileErrorOf([&] { loadPixelCnn(file("newer.pcnn")); }).contains("version"));
    nlohmann::json bad = model->config().toJson();
    bad["filters"] = -3;
    writeModelArchive(*model, kPixelCnnFormatVersion, bad, file("bad.pcnn"));
    QVERIFY(fileErrorOf([&] { loadPixelCnn(file("bad.pcnn")); }).contains("filters"));
    nlohmann::json untyped = model->config().toJson();
    untyped.erase("type");
    writeModelArchive(*model, kPixelCnnFormatVersion, untyped, file("untyped.pcnn"));
    QVERIFY(!fileErrorOf([&] { readModelFileFamily(file("untyped.pcnn")); }).isEmpty());
    QVERIFY(!fileErrorOf([&] { loadPixelCnn(file("untyped.pcnn")); }).isEmpty());
  }

  // Saving onto a folder fails with a FileError and leaves nothing behind (writeFileAtomically;
  // that an old file survives a failed write is tested in tests/core/util/tst_atomic_file).
  void failedSaveRaisesFileError() {
    PixelCnn model(tinyPixelCnnConfig(1, 8, 2));
    std::filesystem::create_directories(file("folder"));
    QVERIFY(!fileErrorOf([&] { model->save(file("folder")); }).isEmpty());
    QVERIFY(std::filesystem::is_directory(file("folder")));
    for (const auto& entry : std::filesystem::directory_iterator(file("")))
      QVERIFY2(entry.path().filename().string().find(".tmp") == std::string::npos,
               entry.path().c_str());
  }
};

QTEST_GUILESS_MAIN(TestPixelCnnIo)
#include "tst_pixelcnn_io.moc"
