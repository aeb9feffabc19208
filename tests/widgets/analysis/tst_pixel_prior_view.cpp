// Pixel-difference prior view on a tiny conv Glow saved in the test and image sets put into a
// private cache: normalised histograms on the prior's bins, pseudo-likelihoods and Spearman equal
// to core's, smooth images above noise, cancel.
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <cmath>

#include "core/analysis/model_handle.h"
#include "core/analysis/model_images.h"
#include "core/analysis/pixel_prior.h"
#include "core/flows/flow_model.h"
#include "core/flows/preprocess.h"
#include "core/metrics/correlation.h"
#include "tests/core/analysis/test_images.h"
#include "tests/core/analysis/tiny_model.h"
#include "widgets/analysis/image_set_cache.h"
#include "widgets/analysis/model_picker.h"
#include "widgets/analysis/pixel_prior_view.h"
#include "widgets/views/plot_export.h"

using namespace glowscope;
namespace testing = glowscope::analysis::testing;

class TestPixelPriorView : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  QString modelPath_;
  ImageSetCache* cache_ = nullptr;
  std::shared_ptr<analysis::ModelHandle> handle_;
  ImageSet smooth_, noise_, prior_;

  static PixelPriorSettings smallRun(int images) {
    PixelPriorSettings settings;
    settings.sets = {"smooth", "noise"};
    settings.priorSet = "prior";
    settings.imagesPerSet = images;
    settings.histogram.binCount = 40;
    settings.histogram.pseudoCount = 0.5;
    return settings;
  }

  void openModel(PixelPriorView& view) {
    view.setSetNames({"smooth", "noise", "prior"});
    view.setModels({{"tiny", modelPath_}});
    QTRY_VERIFY_WITH_TIMEOUT(view.modelPicker()->model() != nullptr, 20000);
  }

 private Q_SLOTS:
  void initTestCase() {
    modelPath_ = dir_.filePath("model.glow");
    testing::saveTinyConvModel(modelPath_.toStdString(), testing::smoothImages(32, 1, 16, 16, 7));
    handle_ = analysis::ModelHandle::load(modelPath_.toStdString(), "cpu");
    smooth_ = testing::smoothImages(60, 1, 16, 16, 11);
    noise_ = testing::noiseImages(60, 1, 16, 16, 12);
    prior_ = testing::smoothImages(60, 1, 16, 16, 13);
    cache_ = new ImageSetCache(2000, this);
    cache_->insert("smooth", std::make_shared<const ImageSet>(smooth_));
    cache_->insert("noise", std::make_shared<const ImageSet>(noise_));
    cache_->insert("prior", std::make_shared<const ImageSet>(prior_));
  }

  void histogramsAndScatterMatchCore() {
    PixelPriorView view(cache_);
    openModel(view);
    view.setSettings(smallRun(50));
    QCOMPARE(view.settings().sets, (QStringList{"smooth", "noise"}));
    QCOMPARE(view.settings().histogram.binCount, 40);
    QSignalSpy finished(&view, &PixelPriorView::finished);
    view.run();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    const PixelPriorResult& result = view.result();
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));

    // Histograms: the prior's bins, each integrating to 1, drawn as computed (the prior dashed
    // as a third curve, since it is not one of the checked sets).
    const std::vector<ScatterSeries> curves = view.histogramPlotSeries();
    QCOMPARE(curves.size(), std::size_t{3});
    const double width = result.prior->binWidth();
    for (const ScatterSeries& curve : curves) {
      QCOMPARE(curve.x.size(), std::size_t{40});
      QVERIFY(std::abs(curve.x.front() - (result.prior->rangeMin() + width / 2)) < 1e-12);
      double integral = 0;
      for (double density : curve.y) integral += density * width;
      QVERIFY2(std::abs(integral - 1) < 1e-9, qPrintable(QString::number(integral)));
    }

    // Pseudo-likelihoods and log p as core computes them on the first 50 images.
    const auto first = [](ImageSet set) {
      set.count = 50;
      set.pixels.resize(50 * 256);
      return set;
    };
    const auto fitted = analysis::PixelDifferenceHistogram::fit(
        first(prior_), analysis::PixelDifferenceOptions{}, smallRun(50).histogram);
    QCOMPARE(result.prior->densities(), fitted.densities());
    const std::vector<ScatterSeries> points = view.scatterPlotSeries();
    QCOMPARE(points.size(), std::size_t{2});
    const ImageSet sets[] = {first(smooth_), first(noise_)};
    for (std::size_t s = 0; s < 2; ++s) {
      const auto pseudo = analysis::pseudoLogLikelihoods(sets[s], fitted);
      QCOMPARE(result.pseudoLogLikelihoodNats[s], pseudo);
      const auto logp = handle_->score(sets[s]).logLikelihoodNats;
      for (std::size_t i = 0; i < 50; ++i)
        QVERIFY(std::abs(result.logLikelihoodNats[s][i] - logp[i]) <= 1e-5 * std::abs(logp[i]));
      const double rho = spearman(result.pseudoLogLikelihoodNats[s], result.logLikelihoodNats[s]);
      QCOMPARE(result.spearman[s], rho);
      QVERIFY2(points[s].setName.contains(QString::number(rho, 'f', 3)),
               qPrintable(points[s].setName));
      QCOMPARE(points[s].x.size(), std::size_t{50});
    }
    // Under a prior fitted on smooth images, every smooth image beats every noise image.
    QVERIFY(*std::min_element(points[0].x.begin(), points[0].x.end()) >
            *std::max_element(points[1].x.begin(), points[1].x.end()));

    FigureOptions options;
    options.widthMm = 70;
    options.heightMm = 50;
    options.dpi = 120;
    const QString png = dir_.filePath("histograms.png");
    exportFigure(view.histogramPlot(), png, options);
    QCOMPARE(QImage(png).size(), QSize(options.pixelWidth(), options.pixelHeight()));
    QVERIFY(QFileInfo(csvPathBeside(png)).size() > 0);
  }

  void withoutModelOnlyTheHistograms() {
    PixelPriorView view(cache_);
    view.setSetNames({"smooth", "noise", "prior"});
    PixelPriorSettings settings = smallRun(20);
    settings.priorSet = "smooth";
    settings.differences.includeCentre = true;
    settings.differences.border = analysis::BorderHandling::Exclude;
    view.setSettings(settings);
    QSignalSpy finished(&view, &PixelPriorView::finished);
    view.run();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QVERIFY2(view.result().error.isEmpty(), qPrintable(view.result().error));
    QCOMPARE(view.histogramPlotSeries().size(), std::size_t{2});  // the prior is a checked set
    QVERIFY(view.scatterPlotSeries().empty());
    QVERIFY(std::isnan(view.result().spearman[0]));
    // 20 images of (16-2)^2 interior differences each.
    QCOMPARE(view.result().prior->sampleCount(), std::int64_t{20 * 14 * 14});
    QVERIFY(view.status().contains("No model"));
  }

  // A set that cannot load ends the wait: the error is shown and the view can run again.
  void aSetThatFailsToLoadEndsTheRun() {
    PixelPriorView view(cache_);
    view.setSetNames({"smooth", "no-such-dataset:test"});
    PixelPriorSettings settings = smallRun(20);
    settings.sets = {"smooth", "no-such-dataset:test"};
    settings.priorSet = "smooth";
    view.setSettings(settings);
    QSignalSpy finished(&view, &PixelPriorView::finished);
    view.run();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    QVERIFY(view.result().error.contains("no-such-dataset:test"));
    QVERIFY(view.status().contains(view.result().error));
    QVERIFY(!view.isRunning());
  }

  void cancelStopsAComputation() {
    cache_->insert("many",
                   std::make_shared<const ImageSet>(testing::noiseImages(20000, 1, 16, 16)));
    PixelPriorView view(cache_);
    openModel(view);
    PixelPriorSettings settings = smallRun(20000);
    settings.sets = {"many"};
    settings.priorSet = "many";
    view.setSettings(settings);
    QSignalSpy finished(&view, &PixelPriorView::finished);
    view.run();
    QVERIFY(view.isRunning());
    view.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    QVERIFY(view.result().cancelled);
    QVERIFY(view.result().histograms.empty());
    QVERIFY(view.histogramPlotSeries().empty());
    QVERIFY(view.status().contains("Cancelled"));
    // The view runs again afterwards.
    view.setSettings(smallRun(10));
    view.run();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
    QVERIFY(!view.result().cancelled);
    QCOMPARE(view.result().histograms.size(), std::size_t{2});
  }
};

QTEST_MAIN(TestPixelPriorView)
#include "tst_pixel_prior_view.moc"
