// `glowscope-cli train` with a PixelCNN++ config (docs/training-config.md): it trains and saves a
// PixelCNN++ model file; a flow-only option is refused with the field and the reason.
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include "core/models/likelihood_model.h"
#include "core/util/atomic_file.h"

#ifndef GLOWSCOPE_CLI_PATH
#error "GLOWSCOPE_CLI_PATH must name the built glowscope-cli"
#endif

using namespace glowscope;

namespace {

nlohmann::json tinyPixelCnnRun(const QString& outputDir) {
  return {{"trainSet", "fashion-mnist:train"},
          {"trainLimit", 128},
          {"steps", 3},
          {"batchSize", 8},
          {"threads", 1},
          {"model",
           {{"type", "pixelcnn"}, {"preset", "tiny"}, {"channels", 1}, {"height", 32},
            {"width", 32}}},
          {"checkpointEverySteps", 0},
          {"logEverySteps", 1},
          {"outputDir", outputDir.toStdString()}};
}

struct Finished {
  int exitCode = -1;
  QString output;
};

Finished train(const QString& configPath) {
  QProcess cli;
  cli.setProcessChannelMode(QProcess::MergedChannels);
  cli.start(GLOWSCOPE_CLI_PATH, {"train", "--config", configPath});
  Finished finished;
  if (!cli.waitForFinished(240000) || cli.exitStatus() != QProcess::NormalExit) return finished;
  finished.exitCode = cli.exitCode();
  finished.output = QString::fromUtf8(cli.readAll());
  return finished;
}

}  // namespace

class TestCliTrainPixelCnn : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void trainsAndSavesAPixelCnn() {
    QTemporaryDir dir;
    const QString configPath = dir.filePath("pixelcnn.json");
    writeFileAtomically(configPath.toStdString(), tinyPixelCnnRun(dir.filePath("run")).dump());
    const Finished run = train(configPath);
    QVERIFY2(run.exitCode == 0, qPrintable(run.output));
    const std::filesystem::path model = dir.filePath("run/model.glow").toStdString();
    QVERIFY(readModelFileFamily(model) == ModelFamily::PixelCnn);
  }

  void refusesAFlowOnlyOption() {
    QTemporaryDir dir;
    nlohmann::json config = tinyPixelCnnRun(dir.filePath("run"));
    config["freezeScales"] = 1;
    const QString configPath = dir.filePath("frozen.json");
    writeFileAtomically(configPath.toStdString(), config.dump());
    const Finished run = train(configPath);
    QVERIFY2(run.exitCode > 0, qPrintable(run.output));
    QVERIFY2(run.output.contains("freezeScales") && run.output.contains("PixelCNN++"),
             qPrintable(run.output));
  }
};

QTEST_GUILESS_MAIN(TestCliTrainPixelCnn)
#include "tst_cli_train_pixelcnn.moc"
