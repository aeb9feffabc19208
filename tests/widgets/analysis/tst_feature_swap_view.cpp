// The z_L swapping view on a tiny model saved in the test: it shows what the torch-free wrapper
// computes, animates and scrubs the fixed-z_L optimisation, pauses and stops it, and exports.
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLocale>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <random>

#include "core/analysis/latent_analyses.h"
#include "core/analysis/model_handle.h"
#include "core/analysis/model_images.h"
#include "core/flows/flow_model.h"
#include "core/flows/preprocess.h"
#include "tests/core/analysis/tiny_model.h"
#include "widgets/analysis/feature_swap_view.h"
#include "widgets/analysis/image_picker.h"
#include "widgets/analysis/image_set_cache.h"
#include "widgets/analysis/image_strip.h"
#include "widgets/analysis/latent_optimisation_view.h"
#include "widgets/analysis/model_picker.h"
#include "widgets/base/image_conversion.h"
#include "widgets/views/score_histogram_view.h"

using namespace glowscope;
using namespace glowscope::analysis;

namespace {

constexpr int kTimeoutMs = 20000;

ImageSet testImages(const std::string& name, int64_t count, unsigned seed, bool noise) {
  ImageSet set;
  set.name = name;
  set.count = count;
  set.channels = 1;
  set.height = 16;
  set.width = 16;
  set.pixels.resize(std::size_t(count * 256));
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> level(0, 255);
  for (int64_t n = 0; n < count; ++n)
    for (int y = 0; y < 16; ++y)
      for (int x = 0; x < 16; ++x)
        set.image(n)[y * 16 + x] = uint8_t(
            noise ? level(rng)
                  : std::clamp(int(128 + 60 * std::sin(0.3 * x + n) + 4 * (y - 8)), 0, 255));
  return set;
}

// Sets live for the whole program: the pickers' first registry request may still be loading
// when a test ends, and its worker reports back to this cache.
ImageSetCache* testCache() {
  static ImageSetCache* cache = [] {
    auto* made = new ImageSetCache(100);
    made->insert("test:smooth",
                 std::make_shared<const ImageSet>(testImages("smooth", 4, 1, false)));
    made->insert("test:noise", std::make_shared<const ImageSet>(testImages("noise", 4, 2, true)));
    return made;
  }();
  return cache;
}

QString saveTinyModel(const QTemporaryDir& dir) {
  const QString path = dir.filePath("model.glow");
  analysis::testing::saveTinyConvModel(path.toStdString(), testImages("init", 16, 3, false), 5);
  return path;
}

ImageSet imageOf(const QString& set, int index) {
  const auto images = testCache()->get(set);
  ImageSet one = *images;
  one.count = 1;
  one.pixels.assign(images->image(index), images->image(index) + images->imageBytes());
  return one;
}

int maxGreyDifference(const QImage& a, const QImage& b) {
  if (a.size() != b.size()) return 256;
  int worst = 0;
  for (int y = 0; y < a.height(); ++y)
    for (int x = 0; x < a.width(); ++x)
      worst = std::max(worst, std::abs(qGray(a.pixel(x, y)) - qGray(b.pixel(x, y))));
  return worst;
}

int lineCount(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return -1;
  return int(file.readAll().count('\n'));
}

// A view with the tiny model, a = smooth #1, b = noise #2, its first (automatic) swap done.
struct Fixture {
  QTemporaryDir dir;
  QString modelPath = saveTinyModel(dir);
  FeatureSwapView view{testCache()};

  bool start(const QString& setB = "test:noise", int indexB = 2) {
    view.setSetNames({"test:smooth", "test:noise"});
    view.pickerA()->setCurrent("test:smooth", 1);
    view.pickerB()->setCurrent(setB, indexB);
    view.setModels({{"tiny", modelPath}});
    return QTest::qWaitFor(
        [this] { return view.model() && !view.isBusy() && view.swapResult().has_value(); },
        kTimeoutMs);
  }
};

}  // namespace

class TestFeatureSwapView : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void showsTheWrappersLogLikelihoods() {
    Fixture f;
    QVERIFY(f.start());
    QCOMPARE(f.view.modelSummary().numLatents, 3);
    QCOMPARE(f.view.highLatentBox()->value(), 3);  // z_L only, as in the paper
    const auto handle = ModelHandle::load(f.modelPath.toStdString(), "cpu");
    const PairSwapResult expected =
        swapPairFeatures(*handle, imageOf("test:smooth", 1), imageOf("test:noise", 2));
    for (int i = 0; i < kSwapImageCount; ++i) {
      const auto k = std::size_t(i);
      const QString caption = f.view.cells()[k]->caption();
      QVERIFY2(caption.startsWith(
                   formatLogLikelihood(expected.logLikelihoodNats[k], expected.bitsPerDim[k])),
               qPrintable(caption));
      QVERIFY(caption.contains(QLocale().toString(expected.quantisedLogLikelihoodNats[k], 'f', 1) +
                               " nats"));
      QCOMPARE(maxGreyDifference(f.view.cells()[k]->image(), imageSetThumbnail(expected.images, i)),
               0);
    }
    QVERIFY(f.view.statusLabel()->text().contains("test:smooth #1"));
    // Moving the boundary swaps again with z_2..z_3 as high level.
    f.view.highLatentBox()->setValue(2);
    QVERIFY(QTest::qWaitFor([&] { return !f.view.isBusy(); }, kTimeoutMs));
    QCOMPARE(f.view.swapResult()->firstHighLatent, 1);
    const PairSwapResult lower =
        swapPairFeatures(*handle, imageOf("test:smooth", 1), imageOf("test:noise", 2), 1);
    QVERIFY(f.view.cells()[kSwapLowAHighB]->caption().startsWith(formatLogLikelihood(
        lower.logLikelihoodNats[kSwapLowAHighB], lower.bitsPerDim[kSwapLowAHighB])));
  }

  void swappingAnImageWithItselfShowsTheOriginal() {
    Fixture f;
    QVERIFY(f.start("test:smooth", 1));
    const QImage original = imageSetThumbnail(imageOf("test:smooth", 1), 0);
    for (const int shown : {kSwapLowAHighB, kSwapLowBHighA, kSwapReconstructionA})
      QVERIFY(maxGreyDifference(f.view.cells()[std::size_t(shown)]->image(), original) <= 1);
    // A different b gives a different swap: the check above can fail.
    f.view.pickerB()->setCurrent("test:noise", 0);
    QVERIFY(QTest::qWaitFor([&] { return !f.view.isBusy(); }, kTimeoutMs));
    QVERIFY(maxGreyDifference(f.view.cells()[kSwapLowAHighB]->image(), original) > 1);
  }

  void optimisationAnimatesAndScrubs() {
    Fixture f;
    QVERIFY(f.start());
    LatentOptimisationView* view = f.view.optimisationView();
    view->stepsBox()->setValue(6);
    view->updateEveryBox()->setValue(2);
    view->learningRateBox()->setValue(0.02);
    QSignalSpy finished(view, &LatentOptimisationView::finished);
    view->start();
    QVERIFY(view->isRunning());
    QVERIFY(finished.wait(kTimeoutMs));
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QVERIFY(!view->isRunning());
    const OptimisationRecord& record = view->record();
    QCOMPARE(record.snapshotSteps, (std::vector<int>{0, 2, 4, 6}));
    QCOMPARE(view->plottedPoints(0), 7);
    QCOMPARE(view->plottedPoints(1), 7);

    // The same values as the wrapper on the same images.
    const auto handle = ModelHandle::load(f.modelPath.toStdString(), "cpu");
    ImageSet both = imageOf("test:smooth", 1);
    appendImages(both, imageOf("test:noise", 2));
    FixedLatentOptimisationOptions options;
    options.steps = 6;
    options.updateEvery = 2;
    options.learningRate = 0.02;
    const auto expected = optimiseWithFixedLatents(*handle, both, options);
    QCOMPARE(record.trace.size(), expected.logLikelihoodTrace.size());
    for (std::size_t s = 0; s < record.trace.size(); ++s)
      for (std::size_t i = 0; i < 2; ++i)
        QVERIFY(std::abs(record.trace[s][i] - expected.logLikelihoodTrace[s][i]) <
                1e-6 * (1 + std::abs(expected.logLikelihoodTrace[s][i])));
    QVERIFY(record.trace.back()[1] > record.trace.front()[1]);

    // The slider shows the chosen step's snapshot.
    view->slider()->setValue(1);
    QCOMPARE(view->shownSnapshot(), 1);
    QCOMPARE(
        maxGreyDifference(view->cells()[1]->image(), imageSetThumbnail(record.snapshots[1], 1)), 0);
    QVERIFY(view->cells()[1]->caption().startsWith("step 2\n"));
    // Play replays from the start to the last snapshot.
    view->slider()->setValue(3);
    view->play();
    QVERIFY(view->isPlaying());
    QCOMPARE(view->shownSnapshot(), 0);
    QVERIFY(QTest::qWaitFor([&] { return !view->isPlaying(); }, kTimeoutMs));
    QCOMPARE(view->shownSnapshot(), 3);
    QCOMPARE(
        maxGreyDifference(view->cells()[0]->image(), imageSetThumbnail(record.snapshots[3], 0)), 0);
  }

  void pauseHoldsAndStopCancelsMidway() {
    Fixture f;
    QVERIFY(f.start());
    LatentOptimisationView* view = f.view.optimisationView();
    view->stepsBox()->setValue(100000);
    QSignalSpy finished(view, &LatentOptimisationView::finished);
    view->start();
    QVERIFY(QTest::qWaitFor([&] { return view->record().snapshots.size() >= 2; }, kTimeoutMs));
    view->setPaused(true);
    QVERIFY(view->isPaused());
    QTest::qWait(200);  // the worker reaches its next update and waits there
    const std::size_t held = view->record().snapshots.size();
    QTest::qWait(300);
    QCOMPARE(view->record().snapshots.size(), held);
    view->stop();
    QVERIFY(finished.wait(kTimeoutMs));
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QVERIFY(finished.at(0).at(1).toString().isEmpty());
    QVERIFY(!view->isRunning());
    QVERIFY(view->record().trace.size() < 100001);
    QVERIFY(view->statusLabel()->text().startsWith("Stopped at step"));
    // The stopped part can be scrubbed, and the view runs again.
    view->slider()->setValue(0);
    QCOMPARE(view->shownSnapshot(), 0);
    view->stepsBox()->setValue(3);
    view->start();
    QVERIFY(finished.wait(kTimeoutMs));
    QCOMPARE(finished.at(1).at(0).toBool(), true);
    QCOMPARE(view->plottedPoints(0), 4);
    f.view.runSwap();
    QVERIFY(QTest::qWaitFor([&] { return !f.view.isBusy(); }, kTimeoutMs));
  }

  void exportsFiguresImagesAndCsv() {
    Fixture f;
    QVERIFY(f.start());
    LatentOptimisationView* view = f.view.optimisationView();
    view->stepsBox()->setValue(4);
    QSignalSpy finished(view, &LatentOptimisationView::finished);
    view->start();
    QVERIFY(finished.wait(kTimeoutMs));
    QTemporaryDir out;
    FigureOptions options;
    options.widthMm = 80;
    options.heightMm = 50;
    options.dpi = 150;
    view->exportTracePlot(out.filePath("trace.png"), options);
    const QImage trace(out.filePath("trace.png"));
    QCOMPARE(trace.size(), QSize(options.pixelWidth(), options.pixelHeight()));
    QCOMPARE(lineCount(out.filePath("trace.csv")), 1 + 2 * 5);

    view->exportSnapshotStrip(out.filePath("strip.png"), 3);
    QVERIFY(!QImage(out.filePath("strip.png")).isNull());
    QCOMPARE(lineCount(out.filePath("strip.csv")), 1 + 2 * 3);

    f.view.exportSwapImages(out.filePath("swap.png"));
    const QImage swap(out.filePath("swap.png"));
    QVERIFY(swap.width() > 6 * 128);
    QFile csv(out.filePath("swap.csv"));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QStringList rows = QString::fromUtf8(csv.readAll()).trimmed().split('\n');
    QCOMPARE(rows.size(), 1 + kSwapImageCount);
    const double shownNats = f.view.swapResult()->logLikelihoodNats[0];
    QVERIFY(std::abs(rows[1].section(',', 1, 1).toDouble() - shownNats) <
            1e-8 * std::abs(shownNats));
  }

  void aBadModelFileIsReportedNotFatal() {
    QTemporaryDir dir;
    QFile bad(dir.filePath("bad.glow"));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("not a model");
    bad.close();
    FeatureSwapView view(testCache());
    view.openModelFile(bad.fileName());
    QVERIFY(view.isBusy());
    QVERIFY(QTest::qWaitFor([&] { return !view.isBusy(); }, kTimeoutMs));
    QVERIFY(view.modelPicker()->statusLabel()->text().contains("bad.glow"));
    QVERIFY(!view.model());
    view.runSwap();  // nothing to run with: no crash, no worker
    QVERIFY(!view.isBusy());
  }
};

QTEST_MAIN(TestFeatureSwapView)
#include "tst_feature_swap_view.moc"
