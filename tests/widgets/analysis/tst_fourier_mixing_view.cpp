// Fourier mixing view on a tiny conv Glow saved in the test and image sets put into a private
// cache: the pair's images and log p against core and ModelHandle, the batch scatter against
// core's mixing, scoring and Spearman, export, cancel.
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <cmath>

#include "core/analysis/fourier_mixing.h"
#include "core/analysis/model_handle.h"
#include "core/analysis/model_images.h"
#include "core/flows/flow_model.h"
#include "core/flows/preprocess.h"
#include "core/metrics/correlation.h"
#include "tests/core/analysis/test_images.h"
#include "tests/core/analysis/tiny_model.h"
#include "widgets/analysis/fourier_mixing_view.h"
#include "widgets/analysis/image_picker.h"
#include "widgets/analysis/image_set_cache.h"
#include "widgets/analysis/model_picker.h"
#include "widgets/views/plot_export.h"

using namespace glowscope;
namespace testing = glowscope::analysis::testing;

namespace {

ImageSet oneImage(const ImageSet& set, std::int64_t index) {
  ImageSet one = set;
  one.count = 1;
  one.pixels.assign(set.image(index), set.image(index) + set.imageBytes());
  return one;
}

ImageSet joined(const std::vector<ImageSet>& parts) {
  ImageSet all = parts.front();
  all.count = 0;
  all.pixels.clear();
  for (const ImageSet& part : parts) {
    all.pixels.insert(all.pixels.end(), part.pixels.begin(), part.pixels.end());
    all.count += part.count;
  }
  return all;
}

// Relative agreement of two log p: the view scores in other batch sizes than the reference.
bool close(double a, double b) { return std::abs(a - b) <= 1e-5 * std::max(1.0, std::abs(b)); }

}  // namespace

class TestFourierMixingView : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  QString modelPath_;
  ImageSetCache* cache_ = nullptr;
  std::shared_ptr<analysis::ModelHandle> handle_;
  ImageSet smooth_, noise_;

  void openModel(FourierMixingView& view) {
    view.setSetNames({"smooth", "noise"});
    view.setModels({{"tiny", modelPath_}});
    QTRY_VERIFY_WITH_TIMEOUT(view.modelPicker()->model() != nullptr, 20000);
  }

  void waitForPair(FourierMixingView& view) {
    QTRY_VERIFY_WITH_TIMEOUT(!view.isComputingPair() && view.pairResult().images.count == 4 &&
                                 view.pairResult().logLikelihoodNats.size() == 4,
                             20000);
  }

 private Q_SLOTS:
  void initTestCase() {
    modelPath_ = dir_.filePath("model.glow");
    testing::saveTinyConvModel(modelPath_.toStdString(), testing::smoothImages(32, 1, 16, 16, 7));
    handle_ = analysis::ModelHandle::load(modelPath_.toStdString(), "cpu");
    smooth_ = testing::smoothImages(40, 1, 16, 16, 11);
    noise_ = testing::noiseImages(40, 1, 16, 16, 12);
    cache_ = new ImageSetCache(2000, this);
    cache_->insert("smooth", std::make_shared<const ImageSet>(smooth_));
    cache_->insert("noise", std::make_shared<const ImageSet>(noise_));
  }

  void mixingAnImageWithItselfGivesItBack() {
    FourierMixingView view(cache_);
    openModel(view);
    view.pickerA()->setCurrent("smooth", 3);
    view.pickerB()->setCurrent("smooth", 3);
    waitForPair(view);
    const FourierPairResult& pair = view.pairResult();
    const ImageSet a = oneImage(smooth_, 3);
    for (std::int64_t i = 0; i < 4; ++i)
      QCOMPARE(std::vector<uint8_t>(pair.images.image(i), pair.images.image(i) + 256), a.pixels);
    QCOMPARE(pair.clippedFractionAB, 0.0);
    // The four spectra are those of a; the centre pixel is the DC term log(1 + sum of pixels).
    double sum = 0;
    for (uint8_t v : a.pixels) sum += v;
    QVERIFY(std::abs(pair.logAmplitudeSpectra[2][8 * 16 + 8] - std::log1p(sum)) < 1e-9);
    QCOMPARE(pair.logAmplitudeSpectra[3], pair.logAmplitudeSpectra[0]);
  }

  void shownLogLikelihoodsAreThoseOfModelHandle() {
    FourierMixingView view(cache_);
    openModel(view);
    view.pickerA()->setCurrent("smooth", 1);
    view.pickerB()->setCurrent("noise", 2);
    waitForPair(view);
    const ImageSet a = oneImage(smooth_, 1), b = oneImage(noise_, 2);
    const auto ab = analysis::mixAmplitudePhase(a, b), ba = analysis::mixAmplitudePhase(b, a);
    const ImageSet four = joined({a, b, ab.mixed, ba.mixed});
    QCOMPARE(view.pairResult().images.pixels, four.pixels);
    QCOMPARE(view.pairResult().clippedFractionAB, ab.clippedFraction);
    const ModelScores expected = handle_->score(four);
    const std::vector<double> bpd = expected.bitsPerDim();
    const QList<QLabel*> labels = view.findChildren<QLabel*>();
    for (int i = 0; i < 4; ++i) {
      QVERIFY(close(view.pairResult().logLikelihoodNats[std::size_t(i)],
                    expected.logLikelihoodNats[std::size_t(i)]));
      const QString text = QString("%L1 nats\n%L2 bits/dim")
                               .arg(expected.logLikelihoodNats[std::size_t(i)], 0, 'f', 1)
                               .arg(bpd[std::size_t(i)], 0, 'f', 3);
      QCOMPARE(view.scoreText(i), text);
      QVERIFY2(std::any_of(labels.begin(), labels.end(),
                           [&](const QLabel* label) { return label->text() == text; }),
               qPrintable(text));
    }
    // The mixes differ from their sources, so the four values are not all one value.
    QVERIFY(expected.logLikelihoodNats[2] != expected.logLikelihoodNats[0]);

    view.setQuantisation(analysis::MixQuantisation::RescaleRound);
    QTRY_VERIFY_WITH_TIMEOUT(!view.isComputingPair() && view.pairResult().clippedFractionAB == 0.0,
                             20000);
    const auto rescaled =
        analysis::mixAmplitudePhase(a, b, {analysis::MixQuantisation::RescaleRound});
    QCOMPARE(std::vector<uint8_t>(view.pairResult().images.image(2),
                                  view.pairResult().images.image(2) + 256),
             rescaled.mixed.pixels);

    const QString png = dir_.filePath("pair.png");
    view.exportPairFigure(png, 64);
    const QImage saved(png);
    QCOMPARE(saved.size(), view.pairFigure(64).size());
    QVERIFY(saved.width() >= 4 * 64 && saved.height() >= 2 * 64);
  }

  void batchScatterMatchesCore() {
    FourierMixingView view(cache_);
    openModel(view);
    QSignalSpy finished(&view, &FourierMixingView::batchFinished);
    const int n = 24;
    view.setBatch("smooth", "noise", n);
    view.runBatch();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QVERIFY2(view.batchResult().error.isEmpty(), qPrintable(view.batchResult().error));
    QCOMPARE(view.batchResult().count(), std::size_t(n));
    const analysis::FourierLikelihoodResult& batch = view.batchResult().scores;

    ImageSet a = smooth_, b = noise_;
    a.count = b.count = n;
    a.pixels.resize(n * 256);
    b.pixels.resize(n * 256);
    const auto mix = analysis::mixAmplitudePhase(a, b);
    const auto mixed = handle_->score(mix.mixed).logLikelihoodNats;
    const auto amplitude = handle_->score(a).logLikelihoodNats;
    const auto phase = handle_->score(b).logLikelihoodNats;
    for (int i = 0; i < n; ++i) {
      QVERIFY(close(batch.mixedLogLikelihoodNats[std::size_t(i)], mixed[std::size_t(i)]));
      QVERIFY(
          close(batch.amplitudeSourceLogLikelihoodNats[std::size_t(i)], amplitude[std::size_t(i)]));
      QVERIFY(close(batch.phaseSourceLogLikelihoodNats[std::size_t(i)], phase[std::size_t(i)]));
    }
    const double rhoAmplitude =
        spearman(batch.mixedLogLikelihoodNats, batch.amplitudeSourceLogLikelihoodNats);
    const double rhoPhase =
        spearman(batch.mixedLogLikelihoodNats, batch.phaseSourceLogLikelihoodNats);
    QCOMPARE(batch.spearmanWithAmplitudeSource, rhoAmplitude);
    QCOMPARE(batch.spearmanWithPhaseSource, rhoPhase);

    const std::vector<ScatterSeries> series = view.batchPlotSeries();
    QCOMPARE(series.size(), std::size_t{2});
    QCOMPARE(series[0].x.size(), std::size_t(n));
    QCOMPARE(series[1].x.size(), std::size_t(n));
    QVERIFY2(series[0].setName.contains(QString::number(rhoAmplitude, 'f', 3)),
             qPrintable(series[0].setName));
    QVERIFY2(series[1].setName.contains(QString::number(rhoPhase, 'f', 3)),
             qPrintable(series[1].setName));
    // Each point pairs log p of a source (x) with log p of its own mix (y).
    const auto points = [](const std::vector<double>& x, const std::vector<double>& y) {
      std::vector<std::pair<double, double>> xy;
      for (std::size_t i = 0; i < x.size(); ++i) xy.emplace_back(x[i], y[i]);
      std::sort(xy.begin(), xy.end());
      return xy;
    };
    QVERIFY(points(series[0].x, series[0].y) ==
            points(batch.amplitudeSourceLogLikelihoodNats, batch.mixedLogLikelihoodNats));
    QVERIFY(points(series[1].x, series[1].y) ==
            points(batch.phaseSourceLogLikelihoodNats, batch.mixedLogLikelihoodNats));

    FigureOptions options;
    options.widthMm = 80;
    options.heightMm = 60;
    options.dpi = 150;
    const QString png = dir_.filePath("batch.png");
    exportFigure(view.batchPlot(), png, options);
    QCOMPARE(QImage(png).size(), QSize(options.pixelWidth(), options.pixelHeight()));
    QFile csv(csvPathBeside(png));
    QVERIFY(csv.open(QIODevice::ReadOnly | QIODevice::Text));
    const QStringList rows = QString::fromUtf8(csv.readAll()).trimmed().split('\n');
    QCOMPARE(rows.size(), 1 + 2 * n);
    QCOMPARE(rows.filter(QRegularExpression("^\"?vs amplitude")).size(), n);
    QCOMPARE(rows.filter(QRegularExpression("^\"?vs phase")).size(), n);
    exportFigure(view.batchPlot(), dir_.filePath("batch.pdf"), options);
    QVERIFY(QFileInfo(dir_.filePath("batch.pdf")).size() > 0);
  }

  void cancelStopsTheBatch() {
    auto big = std::make_shared<ImageSet>(testing::smoothImages(3000, 1, 16, 16, 5));
    cache_->insert("big smooth", big);
    FourierMixingView view(cache_);
    openModel(view);
    QSignalSpy finished(&view, &FourierMixingView::batchFinished);
    view.setBatch("big smooth", "big smooth", 3000);
    view.runBatch();
    QVERIFY(view.isBatchRunning());
    view.cancelBatch();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    QVERIFY(view.batchResult().cancelled);
    QCOMPARE(view.batchResult().count(), std::size_t{0});
    QVERIFY(view.batchPlotSeries().empty());
    QVERIFY(!view.isBatchRunning());
  }

  // A set that cannot load ends the wait: the error is shown and the view can run again.
  void aSetThatFailsToLoadEndsTheBatch() {
    FourierMixingView view(cache_);
    openModel(view);
    QSignalSpy finished(&view, &FourierMixingView::batchFinished);
    view.setBatch("smooth", "no-such-dataset:test", 8);
    view.runBatch();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    QVERIFY(view.batchResult().error.contains("no-such-dataset:test"));
    QVERIFY(view.batchStatus().contains(view.batchResult().error));
    QVERIFY(!view.isBatchRunning());
  }

  // The model goes away while the sets load: the batch ends with that error, not half-running.
  void aModelClearedWhileWaitingEndsTheBatch() {
    FourierMixingView view(cache_);
    openModel(view);
    QSignalSpy finished(&view, &FourierMixingView::batchFinished);
    view.setBatch("smooth", "loaded later", 8);
    view.runBatch();
    QVERIFY(view.isBatchRunning());  // waiting for "loaded later"
    view.modelPicker()->setModels({});
    cache_->insert("loaded later", std::make_shared<const ImageSet>(noise_));
    QCOMPARE(finished.count(), 1);
    QVERIFY(view.batchResult().error.contains("model"));
    QVERIFY(!view.isBatchRunning());
  }

  void aBatchWithoutModelSaysSo() {
    FourierMixingView view(cache_);
    view.setSetNames({"smooth", "noise"});
    QSignalSpy finished(&view, &FourierMixingView::batchFinished);
    view.runBatch();
    QCOMPARE(finished.count(), 1);
    QVERIFY(!view.batchResult().error.isEmpty());
    QVERIFY(view.batchStatus().contains(view.batchResult().error));
  }
};

QTEST_MAIN(TestFourierMixingView)
#include "tst_fourier_mixing_view.moc"
