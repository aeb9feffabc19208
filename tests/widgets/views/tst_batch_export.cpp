// Batch export of every view of a results folder: the files for each score, their sizes in every
// format, the data CSVs, the index, cancel and an unwritable folder.
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>
#include <cmath>

#include "core/util/errors.h"
#include "results_test_folder.h"
#include "widgets/views/batch_export.h"
#include "widgets/views/batch_export_dialog.h"

using namespace glowscope;
using glowscope::testing::writeFile;
using glowscope::testing::writeResultsFolder;

namespace {

QByteArray readAll(const QString& path) {
  QFile file(path);
  return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList csvDataLines(const QString& path) {
  QStringList lines = QString::fromUtf8(readAll(path)).split('\n', Qt::SkipEmptyParts);
  if (!lines.isEmpty()) lines.removeFirst();  // the header
  return lines;
}

BatchExportOptions smallFigures() {
  BatchExportOptions options;
  options.figure = {60, 40, 100};
  return options;
}

// Finite (x, y) pairs of two score columns over every set of a seed.
int finitePairs(const ResultsFolder& results, std::uint64_t seed, const std::string& x,
                const std::string& y) {
  int pairs = 0;
  for (const auto& [set, columns] : *results.scoresOf(seed))
    for (std::size_t i = 0; i < columns.at(x).size(); ++i)
      pairs += std::isfinite(columns.at(x)[i]) && std::isfinite(columns.at(y)[i]);
  return pairs;
}

// A folder whose scores include the scales c_1, c_2 and c_L of one model (seed 3).
void writeScalesFolder(const QString& folder) {
  ExperimentResults results;
  results.spec.name = "scales";
  results.spec.inDistribution = "in";
  results.spec.oodSets = {"out"};
  results.spec.seeds = {3};
  results.spec.models = {{"m", "m", "m.glow", {}, false}};
  results.spec.scores = {{"Raw", ScoreKind::Raw, "m", "", 0},
                         {"c1", ScoreKind::Scale, "m", "", 1},
                         {"c2", ScoreKind::Scale, "m", "", 2},
                         {"cL", ScoreKind::Scale, "m", "", -1}};
  SeedResults& seed = results.seeds.emplace_back();
  seed.seed = 3;
  seed.scoreValues["in"] = {{"Raw", {1, 2}}, {"c1", {10, 11}}, {"c2", {20, 21}}, {"cL", {5, 6}}};
  seed.scoreValues["out"] = {{"Raw", {0}}, {"c1", {1}}, {"c2", {2}}, {"cL", {3}}};
  for (const char* score : {"Raw", "c1", "c2", "cL"})
    seed.metrics["out"][score].metrics = testing::tinyMetrics(0.5, 0.5, 0.5, 0.5);
  writeExperimentResults(results, folder.toStdString());
}

}  // namespace

class TestBatchExport : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

  void writesEveryViewOfEachScore() {
    QTemporaryDir dir;
    writeResultsFolder(dir.path() + "/results");
    const ResultsFolder results = loadResultsFolder((dir.path() + "/results").toStdString());
    const QString out = dir.path() + "/out";
    const BatchExportResult result = exportAllViews(results, out, smallFigures());
    QVERIFY2(result.ok(), qPrintable(result.error));
    QStringList expected;
    for (const QString table : {"auroc", "aupr-in", "aupr-out", "fpr95"})
      for (const QString suffix : {"csv", "md", "tex"}) expected << "table-" + table + '.' + suffix;
    for (const QString figure : {"histogram-Raw_x", "histogram-Diff", "roc-Raw_x", "roc-Diff",
                                 "scatter-Diff-vs-Raw_x", "correlations-spearman"})
      for (const QString suffix : {"png", "svg", "pdf", "csv"}) expected << figure + '.' + suffix;
    expected << "index.md";
    QStringList written;
    for (const QString& file : result.files) {
      QVERIFY2(QFileInfo(file).size() > 0, qPrintable(file));
      QCOMPARE(QFileInfo(file).absolutePath(), QDir(out).absolutePath());
      written << QFileInfo(file).fileName();
    }
    QCOMPARE(written.size(), expected.size());
    for (const QString& name : expected) QVERIFY2(written.contains(name), qPrintable(name));
    QCOMPARE(written.last(), QString("index.md"));
    QCOMPARE(QDir(out).entryList(QDir::Files).size(), expected.size());  // nothing else
  }

  void indexListsEveryFileWithACaption() {
    QTemporaryDir dir;
    writeResultsFolder(dir.path());
    const BatchExportResult result = exportAllViews(loadResultsFolder(dir.path().toStdString()),
                                                    dir.path() + "/out", smallFigures());
    QVERIFY2(result.ok(), qPrintable(result.error));
    const QString index = QString::fromUtf8(readAll(dir.path() + "/out/index.md"));
    QVERIFY(index.contains("tiny"));
    QVERIFY(index.contains("seed 0"));
    for (const QString& file : result.files) {
      const QString name = QFileInfo(file).fileName();
      if (name == "index.md") continue;
      const QRegularExpression line("^- \\[" + QRegularExpression::escape(name) + "\\]\\(" +
                                        QRegularExpression::escape(name) + "\\): \\S.*$",
                                    QRegularExpression::MultilineOption);
      QVERIFY2(line.match(index).hasMatch(), qPrintable(name));
    }
    QVERIFY(index.contains("Histogram of Raw, x"));
  }

  void figuresHaveTheRequestedSize() {
    QTemporaryDir dir;
    writeResultsFolder(dir.path());
    BatchExportOptions options = smallFigures();
    options.figure = {70, 45, 150};
    const BatchExportResult result =
        exportAllViews(loadResultsFolder(dir.path().toStdString()), dir.path() + "/out", options);
    QVERIFY2(result.ok(), qPrintable(result.error));
    const QString stem = dir.path() + "/out/histogram-Diff";
    const QImage png(stem + ".png");
    QCOMPARE(png.width(), static_cast<int>(std::lround(70 / 25.4 * 150)));
    QCOMPARE(png.height(), static_cast<int>(std::lround(45 / 25.4 * 150)));
    QCOMPARE(png.dotsPerMeterX(), static_cast<int>(std::lround(150 / 0.0254)));

    QSvgRenderer svg(stem + ".svg");
    QVERIFY(svg.isValid());
    QCOMPARE(svg.viewBox().size(),
             QSize(options.figure.logicalWidth(), options.figure.logicalHeight()));
    QXmlStreamReader xml(readAll(stem + ".svg"));
    while (!xml.isStartElement() && !xml.atEnd()) xml.readNext();
    QCOMPARE(xml.name().toString(), QString("svg"));
    const double widthMm = xml.attributes().value("width").toString().remove("mm").toDouble();
    const double heightMm = xml.attributes().value("height").toString().remove("mm").toDouble();
    QVERIFY2(std::abs(widthMm - 70) < 0.5, qPrintable(QString::number(widthMm)));
    QVERIFY2(std::abs(heightMm - 45) < 0.5, qPrintable(QString::number(heightMm)));

    const QByteArray pdf = readAll(stem + ".pdf");
    QVERIFY(pdf.startsWith("%PDF"));
    const QRegularExpression mediaBox(R"(/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\])");
    const QRegularExpressionMatch box = mediaBox.match(QString::fromLatin1(pdf));
    QVERIFY(box.hasMatch());
    QVERIFY2(std::abs(box.captured(1).toDouble() - 70 / 25.4 * 72) < 0.5,
             qPrintable(box.captured(0)));
    QVERIFY2(std::abs(box.captured(2).toDouble() - 45 / 25.4 * 72) < 0.5,
             qPrintable(box.captured(0)));
  }

  void dataCsvsHoldThePlottedData() {
    QTemporaryDir dir;
    writeResultsFolder(dir.path());
    const ResultsFolder results = loadResultsFolder(dir.path().toStdString());
    QVERIFY(exportAllViews(results, dir.path() + "/out", smallFigures()).ok());
    const QString out = dir.path() + "/out/";
    // Scatter: one row per finite point, i.e. per image with finite scores.
    QCOMPARE(csvDataLines(out + "scatter-Diff-vs-Raw_x.csv").size(),
             finitePairs(results, 0, "Raw, x", "Diff"));
    // Histogram: one row per bin and set.
    QCOMPARE(csvDataLines(out + "histogram-Raw_x.csv").size(), 50 * 3);
    // ROC: (FPR, TPR) points inside the unit square, not the curve parameter.
    for (const QString& line : csvDataLines(out + "roc-Diff.csv")) {
      const QStringList fields = line.split(',');
      const double x = fields.at(fields.size() - 2).toDouble(), y = fields.last().toDouble();
      QVERIFY2(x >= 0 && x <= 1 && y >= 0 && y <= 1, qPrintable(line));
    }
    // Heat map: the matrix with the score names.
    const QStringList heat = QString::fromUtf8(readAll(out + "correlations-spearman.csv"))
                                 .split('\n', Qt::SkipEmptyParts);
    QCOMPARE(heat.size(), 3);
    QCOMPARE(heat[0], QString("score,\"Raw, x\",Diff"));
    QVERIFY(heat[1].startsWith("\"Raw, x\",1,"));
    // Tables exactly as the table view copies them.
    QCOMPARE(QString::fromUtf8(readAll(out + "table-auroc.csv")),
             QString::fromStdString(metricTable(results, TableMetric::Auroc).toCsv()));
    QCOMPARE(QString::fromUtf8(readAll(out + "table-fpr95.tex")),
             QString::fromStdString(metricTable(results, TableMetric::FprAt95).toLatex()));
  }

  void scalesGiveTheSumOfTheFirstTwoAgainstTheLast() {
    QTemporaryDir dir;
    writeScalesFolder(dir.path());
    const BatchExportResult result = exportAllViews(loadResultsFolder(dir.path().toStdString()),
                                                    dir.path() + "/out", smallFigures());
    QVERIFY2(result.ok(), qPrintable(result.error));
    const QStringList rows = csvDataLines(dir.path() + "/out/scatter-c1+c2-vs-cL-m.csv");
    QCOMPARE(rows.size(), 3);
    QVERIFY2(rows.contains("in,30,5") && rows.contains("in,32,6") && rows.contains("out,3,3"),
             qPrintable(rows.join(" | ")));
    QVERIFY(QFile::exists(dir.path() + "/out/scatter-cL-vs-Raw.png"));
  }

  void seedIsChosen() {
    QTemporaryDir dir;
    writeResultsFolder(dir.path());
    const ResultsFolder results = loadResultsFolder(dir.path().toStdString());
    BatchExportOptions options = smallFigures();
    options.formats = {FigureFormat::Png};
    options.seed = 1;
    QVERIFY(exportAllViews(results, dir.path() + "/one", options).ok());
    QVERIFY(QString::fromUtf8(readAll(dir.path() + "/one/index.md")).contains("seed 1"));
    QVERIFY(!QFile::exists(dir.path() + "/one/histogram-Diff.svg"));
    options.seed = 7;
    const BatchExportResult bad = exportAllViews(results, dir.path() + "/seven", options);
    QVERIFY(bad.error.contains("7"));
    QVERIFY(bad.files.isEmpty());
  }

  void cancelStopsEarly() {
    QTemporaryDir dir;
    writeResultsFolder(dir.path());
    std::atomic<bool> cancel{false};
    BatchExportOptions options = smallFigures();
    options.cancel = &cancel;
    int calls = 0;
    options.progress = [&](int done, int total, const QString&) {
      ++calls;
      QVERIFY(done < total);
      if (done == 2) cancel = true;  // after the tables and one figure
    };
    const BatchExportResult result =
        exportAllViews(loadResultsFolder(dir.path().toStdString()), dir.path() + "/out", options);
    QVERIFY(result.cancelled);
    QVERIFY(!result.ok());
    QCOMPARE(calls, 3);
    QCOMPARE(result.files.size(), 12 + 2 * 4);  // tables + the first histogram and ROC curve
    QVERIFY(!QFile::exists(dir.path() + "/out/index.md"));
  }

  void unwritableFolderIsAnError() {
    QTemporaryDir dir;
    writeResultsFolder(dir.path());
    writeFile(dir.path() + "/plain-file", "not a folder");
    const QString out = dir.path() + "/plain-file/figures";
    const BatchExportResult result =
        exportAllViews(loadResultsFolder(dir.path().toStdString()), out, smallFigures());
    QVERIFY(!result.ok());
    QVERIFY(!result.cancelled);
    QVERIFY2(result.error.contains(out) && result.error.contains("cannot create"),
             qPrintable(result.error));
    QVERIFY(result.files.isEmpty());
  }

  void fileSafeStems() {
    QCOMPARE(fileSafeStem("Raw (conv)"), QString("Raw_conv"));
    QCOMPARE(fileSafeStem("8x8 Diff (conv c_2 - general c_2)"),
             QString("8x8_Diff_conv_c_2_-_general_c_2"));
    QCOMPARE(fileSafeStem("ü/:"), QString("figure"));
  }

  void formatLists() {
    BatchExportOptions options;
    setExportFormats("PDF, csv", options);
    QCOMPARE(options.formats, (QList<FigureFormat>{FigureFormat::Pdf}));
    QVERIFY(options.dataCsv);
    setExportFormats("svg,png", options);
    QCOMPARE(options.formats, (QList<FigureFormat>{FigureFormat::Svg, FigureFormat::Png}));
    QVERIFY(!options.dataCsv);
    QVERIFY_THROWS_EXCEPTION(ConfigError, setExportFormats("png,jpeg", options));
    QVERIFY_THROWS_EXCEPTION(ConfigError, setExportFormats("", options));
  }

  void dialogChoicesBecomeOptions() {
    QTemporaryDir dir;
    writeResultsFolder(dir.path());
    const ResultsFolder results = loadResultsFolder(dir.path().toStdString());
    BatchExportDialog dialog(results);
    QCOMPARE(dialog.outDir(), QDir(dir.path()).filePath("figures"));
    dialog.formatBox(FigureFormat::Svg)->setChecked(false);
    dialog.csvBox()->setChecked(false);
    dialog.seedBox()->setCurrentIndex(1);
    dialog.setFigureOptions({50, 30, 72});
    const BatchExportOptions options = dialog.options();
    QCOMPARE(options.formats, (QList<FigureFormat>{FigureFormat::Png, FigureFormat::Pdf}));
    QVERIFY(!options.dataCsv);
    QCOMPARE(options.seed.value(), std::uint64_t{1});
    QCOMPARE(options.figure.widthMm, 50.0);
    const BatchExportResult result =
        exportAllViewsWithProgress(&dialog, results, dialog.outDir(), options);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(QImage(dialog.outDir() + "/roc-Diff.png").width(),
             static_cast<int>(std::lround(50 / 25.4 * 72)));
    QVERIFY(!QFile::exists(dialog.outDir() + "/roc-Diff.csv"));
  }
};

QTEST_MAIN(TestBatchExport)
#include "tst_batch_export.moc"
