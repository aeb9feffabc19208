// `glowscope-cli evaluate --figures` run as a process without a display, on a tiny experiment
// (IDX files written here, one tiny model trained for two steps): the results folder gets its
// tables and the figures folder every view, and stdout says where both went. Without --figures
// nothing is rendered.
#include <QDateTime>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QtTest>
#include <random>

#include "cli_process.h"

namespace {

void writeIdxImages(const QString& path, int count, bool smooth, unsigned seed) {
  QByteArray bytes("\0\0\x08\x03", 4);
  for (int dim : {count, 8, 8})
    for (int shift : {24, 16, 8, 0}) bytes.append(static_cast<char>((dim >> shift) & 0xff));
  std::mt19937 rng(seed);
  for (int i = 0; i < count; ++i) {
    const int base = static_cast<int>(rng() % 200);
    for (int p = 0; p < 64; ++p)
      bytes.append(static_cast<char>(smooth ? base + (p % 8) * 2 : rng() % 256));
  }
  QFile file(path);
  QVERIFY(file.open(QIODevice::WriteOnly));
  file.write(bytes);
}

QString writeSpec(const QString& dir) {
  writeIdxImages(dir + "/smooth-idx3-ubyte", 40, true, 1);
  writeIdxImages(dir + "/noise-idx3-ubyte", 30, false, 2);
  const QString in = "idx:" + dir + "/smooth-idx3-ubyte";
  const QString ood = "idx:" + dir + "/noise-idx3-ubyte";
  const QString spec = QString(R"({
    "name": "figures-test", "inDistribution": "%1", "oodSets": ["%2"],
    "bootstrapResamples": 20,
    "models": [{"id": "a", "training": {
      "model": {"preset": "tiny", "type": "conv", "channels": 1, "height": 8, "width": 8},
      "trainSet": "%1", "steps": 2, "batchSize": 8, "actNormInitImages": 16}}],
    "scores": [{"name": "Raw", "kind": "raw", "model": "a"}, {"name": "PNG", "kind": "png"}]
  })")
                           .arg(in, ood);
  QFile file(dir + "/spec.json");
  if (file.open(QIODevice::WriteOnly)) file.write(spec.toUtf8());
  return dir + "/spec.json";
}

}  // namespace

using glowscope::testing::runCli;

class TestCliEvaluateFigures : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void writesTablesAndFigures() {
    QTemporaryDir dir;
    const QString spec = writeSpec(dir.path());
    const QString results = dir.path() + "/results";
    const QString figures = dir.path() + "/figures";
    const auto run = runCli({"evaluate", "--experiment", spec, "--output", results, "--figures",
                             figures, "--threads", "1"},
                            300000);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(QFileInfo::exists(results + "/auroc.md"));
    // Both scores get a histogram and ROC curves, as PNG, SVG, PDF and CSV.
    for (const char* stem : {"histogram-Raw", "histogram-PNG", "roc-Raw", "roc-PNG"})
      for (const char* suffix : {".png", ".svg", ".pdf", ".csv"})
        QVERIFY2(QFileInfo::exists(figures + "/" + stem + suffix), stem);
    QVERIFY(!QImage(figures + "/histogram-Raw.png").isNull());
    QVERIFY(QFileInfo::exists(figures + "/index.md"));
    QVERIFY2(run.out.contains(results), qPrintable(run.out));
    QVERIFY2(run.out.contains(figures), qPrintable(run.out));
    // A second run never replaces those figures: it writes figures-2 and says so.
    const QDateTime written = QFileInfo(figures + "/histogram-Raw.png").lastModified();
    const auto again = runCli({"evaluate", "--experiment", spec, "--output", results, "--figures",
                               figures, "--threads", "1"},
                              300000);
    QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    QCOMPARE(QFileInfo(figures + "/histogram-Raw.png").lastModified(), written);
    QVERIFY(QFileInfo::exists(figures + "-2/histogram-Raw.png"));
    QVERIFY2(again.out.contains(figures + "-2"), qPrintable(again.out));
  }

  void noFiguresUnlessAsked() {
    QTemporaryDir dir;
    const QString spec = writeSpec(dir.path());
    const auto run = runCli(
        {"evaluate", "--experiment", spec, "--output", dir.path() + "/results", "--threads", "1"});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(QFileInfo::exists(dir.path() + "/results/auroc.md"));
    QVERIFY(!run.out.contains("Figures"));
    QVERIFY(QDir(dir.path()).entryList({"*.png"}, QDir::Files).isEmpty());
  }
};

QTEST_MAIN(TestCliEvaluateFigures)
#include "tst_cli_evaluate_figures.moc"
