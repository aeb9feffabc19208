// The images behind a results folder's scores: loaded as the runner loads them (one definition
// of the subset), checked against metadata.json, delivered from a worker thread, and attached to
// the main window's results browser, whose File > Export All Views… follows the open folder.
#include <QAction>
#include <QDir>
#include <QListWidget>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <nlohmann/json.hpp>

#include "app/gui/main_window.h"
#include "app/gui/results_images.h"
#include "core/experiments/experiment_data.h"
#include "core/experiments/experiment_spec.h"
#include "core/experiments/results_folder.h"
#include "core/scoring/score_cache.h"
#include "core/util/atomic_file.h"
#include "widgets/views/results_browser.h"
#include "widgets/views/score_histogram_view.h"

using namespace glowscope;

namespace {

// `count` 4x4 images; every pixel of image i is 10 * i.
void writeIdx(const QString& path, int count) {
  std::string bytes = {0, 0, 8, 3};
  for (int dim : {count, 4, 4})
    for (int shift : {24, 16, 8, 0}) bytes.push_back(static_cast<char>((dim >> shift) & 0xff));
  for (int i = 0; i < count; ++i) bytes.append(16, static_cast<char>(10 * i));
  writeFileAtomically(path.toStdString(), bytes);
}

void writeText(const QString& path, const std::string& text) {
  writeFileAtomically(path.toStdString(), text);
}

// A results folder of two IDX sets (10 and 6 images, 4 scored of each) with one score.
class ImagesFolder {
 public:
  explicit ImagesFolder(const QString& root) : root_(root) {
    writeIdx(root + "/in-idx3-ubyte", 10);
    writeIdx(root + "/out-idx3-ubyte", 6);
    inSet = "idx:" + root + "/in-idx3-ubyte";
    outSet = "idx:" + root + "/out-idx3-ubyte";
    spec = {{"name", "images"},
            {"inDistribution", inSet.toStdString()},
            {"oodSets", {outSet.toStdString()}},
            {"imagesPerSet", 4},
            {"models", {{{"id", "m"}, {"modelFile", "/nowhere/model.glow"}}}},
            {"scores", {{{"name", "Raw"}, {"kind", "raw"}, {"model", "m"}}}}};
    QDir(root).mkpath("scores");
    for (const QString& set : {inSet, outSet})
      writeText(root + "/" + QString::fromStdString(scoresFilePath(set.toStdString(), 0).string()),
                "index,Raw\n0,1\n1,2\n2,3\n3,4\n");
    writeText(root + "/summary.json", R"({"name": "images", "seeds": [{"seed": 0, "metrics": {")" +
                                          outSet.toStdString() +
                                          R"(": {"Raw": {"auroc": 0.5}}}}]})");
    writeMetadata(true);
  }

  // With `recorded`, the count and fingerprint of the scored images, as the runner writes them.
  void writeMetadata(bool recorded, const std::string& fingerprint = {}) {
    nlohmann::json metadata = {{"spec", spec}};
    if (recorded)
      for (const QString& set : {inSet, outSet}) {
        const ImageSet images =
            loadExperimentSet(set.toStdString(), ExperimentSpec::fromJson(spec));
        metadata["data"][set.toStdString()] = {
            {"images", images.count},
            {"fingerprint", fingerprint.empty() ? fingerprintImages(images) : fingerprint}};
      }
    writeText(root_ + "/metadata.json", metadata.dump(1));
  }

  QString inSet, outSet;
  nlohmann::json spec;

 private:
  QString root_;
};

}  // namespace

class TestResultsImages : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

  void loadOptionsAreTheRunners() {
    ExperimentSpec spec;
    spec.imagesPerSet = 4;
    LoadOptions options = experimentLoadOptions(spec);
    QCOMPARE(options.limit, std::int64_t{4});
    QVERIFY(options.randomSubset);
    QCOMPARE(options.subsetSeed, std::uint64_t{0});
    QCOMPARE(options.outputSize, std::int64_t{0});
    spec.imagesPerSet = 0;
    options = experimentLoadOptions(spec);
    QCOMPARE(options.limit, std::int64_t{0});
    QVERIFY(!options.randomSubset);
  }

  void loadsTheScoredSubset() {
    QTemporaryDir dir;
    ImagesFolder folder(dir.path());
    const ResultsSetImages loaded = loadResultsSetImages(dir.path(), folder.inSet);
    QVERIFY2(loaded.images, qPrintable(loaded.error));
    QCOMPARE(loaded.setName, folder.inSet);
    QCOMPARE(loaded.images->count, std::int64_t{4});
    const ImageSet expected =
        loadExperimentSet(folder.inSet.toStdString(), ExperimentSpec::fromJson(folder.spec));
    QVERIFY(loaded.images->pixels == expected.pixels);
    // A subset kept in file order: image values increase.
    for (std::int64_t i = 1; i < 4; ++i)
      QVERIFY(loaded.images->image(i)[0] > loaded.images->image(i - 1)[0]);
  }

  void changedOrMissingDataIsAnError() {
    QTemporaryDir dir;
    ImagesFolder folder(dir.path());
    folder.writeMetadata(true, "0123456789abcdef");
    ResultsSetImages loaded = loadResultsSetImages(dir.path(), folder.inSet);
    QVERIFY(!loaded.images);
    QVERIFY2(loaded.error.contains("differ"), qPrintable(loaded.error));
    folder.writeMetadata(false);  // nothing recorded: nothing to check against
    QVERIFY(loadResultsSetImages(dir.path(), folder.inSet).images);
    folder.writeMetadata(true);
    nlohmann::json metadata =
        nlohmann::json::parse(readWholeFile((dir.path() + "/metadata.json").toStdString()));
    metadata["data"][folder.inSet.toStdString()]["images"] = 5;
    writeText(dir.path() + "/metadata.json", metadata.dump());
    loaded = loadResultsSetImages(dir.path(), folder.inSet);
    QVERIFY(!loaded.images);
    QVERIFY2(loaded.error.contains("5 were scored"), qPrintable(loaded.error));
    QFile::remove(dir.path() + "/out-idx3-ubyte");
    loaded = loadResultsSetImages(dir.path(), folder.outSet);
    QVERIFY(!loaded.images);
    QVERIFY2(loaded.error.contains("out-idx3-ubyte"), qPrintable(loaded.error));
    QFile::remove(dir.path() + "/metadata.json");
    loaded = loadResultsSetImages(dir.path(), folder.inSet);
    QVERIFY2(loaded.error.contains("metadata.json"), qPrintable(loaded.error));
  }

  void loaderDeliversEverySetOnTheGuiThread() {
    QTemporaryDir first, second;
    ImagesFolder a(first.path()), b(second.path());
    ResultsImagesLoader loader;
    QSignalSpy loaded(&loader, &ResultsImagesLoader::setLoaded);
    QSignalSpy finished(&loader, &ResultsImagesLoader::finished);
    loader.load(first.path(), {a.inSet, a.outSet});
    loader.load(second.path(), {b.inSet, b.outSet});  // replaces the first load
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toString(), second.path());
    QCOMPARE(loaded.count(), 2);
    for (const QList<QVariant>& signal : loaded) QCOMPARE(signal.at(0).toString(), second.path());
    QTRY_VERIFY(!loader.isLoading());
  }

  void mainWindowAttachesTheImagesOfAnOpenedFolder() {
    QTemporaryDir dir;
    ImagesFolder folder(dir.path());
    MainWindow window;
    auto* exportAll = window.findChild<QAction*>("actionExportAllViews");
    QVERIFY(exportAll);
    QVERIFY(!exportAll->isEnabled());
    QVERIFY(window.openResultsFolder(dir.path()));
    QVERIFY(exportAll->isEnabled());
    ResultsBrowser* browser = window.resultsBrowser();
    QTRY_VERIFY(browser->setImages(folder.inSet) && browser->setImages(folder.outSet));
    browser->histogramView()->setBinCount(1);
    browser->histogramView()->activateBin(0, 0);
    QCOMPARE(browser->histogramView()->thumbnails()->count(), 4);
  }
};

QTEST_MAIN(TestResultsImages)
#include "tst_results_images.moc"
