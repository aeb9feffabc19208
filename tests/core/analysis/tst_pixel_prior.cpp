// Pixel-difference prior (Fig. 1A/B): differences, histogram density, pseudo-likelihoods.
#include <QtTest>
#include <algorithm>
#include <cmath>

#include "core/analysis/pixel_prior.h"
#include "core/util/errors.h"
#include "test_images.h"

using namespace glowscope;
using namespace glowscope::analysis;

class TestPixelPrior : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void constantImageHasZeroDifferences() {
    ImageSet set = testing::emptySet("flat", 2, 3, 6, 7);
    std::fill(set.pixels.begin(), set.pixels.end(), uint8_t{93});
    const std::vector<float> d = pixelDifferences(set);
    QCOMPARE(static_cast<int64_t>(d.size()), int64_t{2 * 3 * 6 * 7});
    for (const float value : d) QCOMPARE(value, 0.0F);
  }

  void singleBrightPixelDifferences() {
    // One pixel of 255 in a black 5x5 image: centre d = 255/256; its neighbours see it as one of
    // eight (or nine) neighbour values.
    ImageSet set = testing::emptySet("dot", 1, 1, 5, 5);
    set.pixels[2 * 5 + 2] = 255;
    const std::vector<float> eight = pixelDifferencesOfImage(set, 0);
    QVERIFY(std::abs(eight[2 * 5 + 2] - 255.0F / 256.0F) < 1e-6F);
    QVERIFY(std::abs(eight[1 * 5 + 1] + 255.0F / 8.0F / 256.0F) < 1e-6F);
    QCOMPARE(eight[0], 0.0F);
    PixelDifferenceOptions withCentre;
    withCentre.includeCentre = true;
    const std::vector<float> nine = pixelDifferencesOfImage(set, 0, withCentre);
    QVERIFY(std::abs(nine[2 * 5 + 2] - (255.0F - 255.0F / 9.0F) / 256.0F) < 1e-6F);
  }

  void borderHandlingChangesCountsAndEdges() {
    ImageSet set = testing::smoothImages(1, 1, 8, 9);
    PixelDifferenceOptions exclude;
    exclude.border = BorderHandling::Exclude;
    QCOMPARE(differencesPerImage(set, exclude), int64_t{6 * 7});
    QCOMPARE(static_cast<int64_t>(pixelDifferencesOfImage(set, 0, exclude).size()), int64_t{42});
    // Interior values do not depend on the border rule.
    const std::vector<float> reflect = pixelDifferencesOfImage(set, 0);
    QCOMPARE(pixelDifferencesOfImage(set, 0, exclude)[0], reflect[1 * 9 + 1]);
    // A vertical edge at the left border: reflect-101 mirrors column 1, replicate repeats column 0.
    ImageSet edge = testing::emptySet("edge", 1, 1, 3, 3);
    for (int y = 0; y < 3; ++y) edge.pixels[y * 3 + 1] = 64;
    PixelDifferenceOptions replicate;
    replicate.border = BorderHandling::Replicate;
    const float reflected = pixelDifferencesOfImage(edge, 0)[1 * 3 + 0];
    const float replicated = pixelDifferencesOfImage(edge, 0, replicate)[1 * 3 + 0];
    QVERIFY(std::abs(reflected - (0.0F - 6.0F * 64.0F / 8.0F) / 256.0F) < 1e-6F);
    QVERIFY(std::abs(replicated - (0.0F - 3.0F * 64.0F / 8.0F) / 256.0F) < 1e-6F);
  }

  void histogramIntegratesToOne_data() {
    QTest::addColumn<double>("pseudoCount");
    QTest::addColumn<bool>("fixedRange");
    QTest::newRow("plain, data range") << 0.0 << false;
    QTest::newRow("pseudo-count, data range") << 0.5 << false;
    QTest::newRow("pseudo-count, wide range") << 0.5 << true;
  }
  void histogramIntegratesToOne() {
    QFETCH(double, pseudoCount);
    QFETCH(bool, fixedRange);
    const std::vector<float> d = pixelDifferences(testing::smoothImages(20, 3, 16, 16));
    HistogramOptions options;
    options.pseudoCount = pseudoCount;
    if (fixedRange) {
      options.rangeMin = -1.0;
      options.rangeMax = 1.0;
    }
    const auto histogram = PixelDifferenceHistogram::fit(d, options);
    QCOMPARE(histogram.binCount(), 100);
    QVERIFY(std::abs(histogram.integral() - 1.0) < 1e-12);
    int64_t counted = 0;
    for (const int64_t count : histogram.counts()) counted += count;
    QCOMPARE(counted, static_cast<int64_t>(d.size()));
    if (!fixedRange) {
      QCOMPARE(histogram.rangeMin(), static_cast<double>(*std::min_element(d.begin(), d.end())));
      QCOMPARE(histogram.rangeMax(), static_cast<double>(*std::max_element(d.begin(), d.end())));
    }
  }

  void imageByImageFitMatchesTheInMemoryFit_data() {
    QTest::addColumn<bool>("fixedRange");
    QTest::newRow("data range") << false;
    QTest::newRow("fixed range") << true;
  }
  void imageByImageFitMatchesTheInMemoryFit() {
    QFETCH(bool, fixedRange);
    const ImageSet set = testing::smoothImages(7, 3, 9, 11, 13);
    PixelDifferenceOptions differences;
    differences.border = BorderHandling::Replicate;
    HistogramOptions options;
    options.binCount = 37;
    if (fixedRange) {
      options.rangeMin = -0.1;
      options.rangeMax = 0.2;
    }
    const auto inMemory =
        PixelDifferenceHistogram::fit(pixelDifferences(set, differences), options);
    const auto streamed = PixelDifferenceHistogram::fit(set, differences, options);
    QCOMPARE(streamed.rangeMin(), inMemory.rangeMin());
    QCOMPARE(streamed.rangeMax(), inMemory.rangeMax());
    QCOMPARE(streamed.counts(), inMemory.counts());
    QCOMPARE(streamed.densities(), inMemory.densities());
    QCOMPARE(streamed.sampleCount(), int64_t{7 * 3 * 9 * 11});
  }

  void emptyBinsHaveFiniteLogDensityOnlyWithPseudoCount() {
    const std::vector<float> d = {0.0F, 0.0F, 1.0F};  // bins 1..98 stay empty
    HistogramOptions plain;
    plain.pseudoCount = 0.0;
    QVERIFY(std::isinf(PixelDifferenceHistogram::fit(d, plain).logDensity(0.5)));
    const auto smoothed = PixelDifferenceHistogram::fit(d);
    QVERIFY(std::isfinite(smoothed.logDensity(0.5)));
    QVERIFY(smoothed.density(0.0) > smoothed.density(0.5));
    // Out-of-range values use the edge bins.
    QCOMPARE(smoothed.density(-5.0), smoothed.density(0.0));
    QCOMPARE(smoothed.density(7.0), smoothed.density(1.0));
  }

  void smoothImagesAreMoreLikelyThanNoise() {
    const ImageSet smooth = testing::smoothImages(30, 3, 16, 16, 7);
    const auto histogram = PixelDifferenceHistogram::fit(pixelDifferences(smooth));
    const ImageSet heldOut = testing::smoothImages(5, 3, 16, 16, 99);
    const ImageSet noise = testing::noiseImages(5, 3, 16, 16);
    const std::vector<double> smoothScores = pseudoLogLikelihoods(heldOut, histogram);
    const std::vector<double> noiseScores = pseudoLogLikelihoods(noise, histogram);
    QCOMPARE(static_cast<int64_t>(smoothScores.size()), int64_t{5});
    const double worstSmooth = *std::min_element(smoothScores.begin(), smoothScores.end());
    const double bestNoise = *std::max_element(noiseScores.begin(), noiseScores.end());
    QVERIFY2(worstSmooth > bestNoise,
             qPrintable(QString("%1 vs %2").arg(worstSmooth).arg(bestNoise)));
  }

  void pseudoLikelihoodIsSumOfLogDensities() {
    const ImageSet set = testing::smoothImages(2, 1, 8, 8, 3);
    const auto histogram = PixelDifferenceHistogram::fit(pixelDifferences(set));
    double expected = 0.0;
    for (const float d : pixelDifferencesOfImage(set, 1)) expected += histogram.logDensity(d);
    QVERIFY(std::abs(pseudoLogLikelihoods(set, histogram)[1] - expected) < 1e-9);
  }

  void badInputThrows() {
    QVERIFY_THROWS_EXCEPTION(ConfigError, PixelDifferenceHistogram::fit(std::vector<float>{}));
    HistogramOptions noBins;
    noBins.binCount = 0;
    QVERIFY_THROWS_EXCEPTION(ConfigError,
                             PixelDifferenceHistogram::fit(std::vector<float>{1.0F}, noBins));
    HistogramOptions inverted;
    inverted.rangeMin = 1.0;
    inverted.rangeMax = -1.0;
    QVERIFY_THROWS_EXCEPTION(ConfigError,
                             PixelDifferenceHistogram::fit(std::vector<float>{1.0F}, inverted));
    QVERIFY_THROWS_EXCEPTION(ConfigError, pixelDifferences(testing::emptySet("tiny", 1, 1, 2, 5)));
    QVERIFY_THROWS_EXCEPTION(ConfigError,
                             pixelDifferencesOfImage(testing::smoothImages(1, 1, 4, 4), 1));
  }

  void cancellationStops() {
    std::atomic<bool> cancel{true};
    TaskControl control;
    control.cancelRequested = &cancel;
    QVERIFY_THROWS_EXCEPTION(CancelledError,
                             pixelDifferences(testing::smoothImages(2, 1, 8, 8), {}, control));
    cancel = false;
    int reports = 0;
    control.onProgress = [&reports](double, const std::string&) { ++reports; };
    pixelDifferences(testing::smoothImages(2, 1, 8, 8), {}, control);
    QVERIFY(reports >= 2);
  }
};

QTEST_APPLESS_MAIN(TestPixelPrior)
#include "tst_pixel_prior.moc"
