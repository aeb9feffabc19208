// Fourier amplitude/phase mixing (supp. S3).
#include <QtTest>
#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/analysis/fourier_mixing.h"
#include "core/util/errors.h"
#include "test_images.h"

using namespace glowscope;
using namespace glowscope::analysis;

namespace {

std::vector<double> planeAsDoubles(const uint8_t* plane, int64_t size) {
  return {plane, plane + size};
}

}  // namespace

class TestFourierMixing : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void mixingAnImageWithItselfReturnsIt() {
    const ImageSet set = testing::smoothImages(3, 3, 12, 10, 5);
    const FourierMixResult result = mixAmplitudePhase(set, set);
    QCOMPARE(result.mixed.count, set.count);
    QCOMPARE(result.mixed.pixels, set.pixels);  // exact after rounding: error ~1e-12 grey levels
    QCOMPARE(result.clippedFraction, 0.0);
    const ImageSet noise = testing::noiseImages(2, 1, 9, 9);
    QCOMPARE(mixAmplitudePhase(noise, noise).mixed.pixels, noise.pixels);
  }

  void mixKeepsTheAmplitudesOfTheAmplitudeSource_data() {
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("width");
    QTest::newRow("even 16x16") << 16 << 16;
    QTest::newRow("odd 9x7") << 9 << 7;
  }
  void mixKeepsTheAmplitudesOfTheAmplitudeSource() {
    QFETCH(int, height);
    QFETCH(int, width);
    const ImageSet a = testing::smoothImages(1, 3, height, width, 11);
    const ImageSet b = testing::noiseImages(1, 3, height, width, 12);
    const std::vector<double> mixed = mixAmplitudePhaseUnquantised(a, 0, b, 0);
    const int64_t planeSize = int64_t{height} * width;
    QCOMPARE(static_cast<int64_t>(mixed.size()), 3 * planeSize);
    for (int64_t c = 0; c < 3; ++c) {
      const std::vector<double> mixedPlane(mixed.begin() + c * planeSize,
                                           mixed.begin() + (c + 1) * planeSize);
      const std::vector<double> expected =
          fourierAmplitudes(planeAsDoubles(a.image(0) + c * planeSize, planeSize), height, width);
      const std::vector<double> actual = fourierAmplitudes(mixedPlane, height, width);
      for (size_t i = 0; i < expected.size(); ++i) {
        QVERIFY2(std::abs(actual[i] - expected[i]) <= 1e-8 * (1.0 + expected[i]),
                 qPrintable(QString("bin %1: %2 vs %3").arg(i).arg(actual[i]).arg(expected[i])));
      }
    }
  }

  void quantisedMixKeepsAmplitudesWithinTolerance() {
    // Rounding adds e in [-0.5, 0.5] per pixel; a DFT bin of e has |.| ~ Rayleigh with sigma
    // sqrt(H*W/24) = 3.3 here, so 32 grey levels is ~3x the expected worst bin over 256 bins.
    const ImageSet a = testing::smoothImages(1, 1, 16, 16, 21);
    const ImageSet b = testing::smoothImages(1, 1, 16, 16, 22);
    const FourierMixResult result = mixAmplitudePhase(a, b);
    const auto amplitudes = [](const ImageSet& set) {
      return fourierAmplitudes(planeAsDoubles(set.image(0), 256), 16, 16);
    };
    const std::vector<double> expected = amplitudes(a);
    const std::vector<double> actual = amplitudes(result.mixed);
    const std::vector<double> phaseSource = amplitudes(b);
    double worst = 0.0, worstAgainstPhaseSource = 0.0;
    for (size_t i = 0; i < expected.size(); ++i) {
      worst = std::max(worst, std::abs(actual[i] - expected[i]));
      worstAgainstPhaseSource =
          std::max(worstAgainstPhaseSource, std::abs(actual[i] - phaseSource[i]));
    }
    const double clippedLevels = result.clippedFraction * 256 * 255;
    QVERIFY2(worst <= 32.0 + clippedLevels, qPrintable(QString::number(worst)));
    QVERIFY2(worstAgainstPhaseSource > 32.0 + clippedLevels,
             qPrintable(QString::number(worstAgainstPhaseSource)));
  }

  void phasesComeFromThePhaseSource() {
    // A pure cosine of frequency (0, 2) has amplitude only at +-2; shifting it by one pixel only
    // changes the phase. Mixing (amplitude a, phase of shifted a) gives the shifted image.
    ImageSet a = testing::emptySet("cos", 1, 1, 8, 8);
    ImageSet shifted = a;
    for (int y = 0; y < 8; ++y) {
      for (int x = 0; x < 8; ++x) {
        a.pixels[y * 8 + x] = static_cast<uint8_t>(
            std::lround(128 + 100 * std::cos(2 * std::numbers::pi * 2 * x / 8)));
        shifted.pixels[y * 8 + x] = static_cast<uint8_t>(
            std::lround(128 + 100 * std::cos(2 * std::numbers::pi * 2 * (x - 1) / 8)));
      }
    }
    QCOMPARE(mixAmplitudePhase(a, shifted).mixed.pixels, shifted.pixels);
  }

  void rescaleQuantisationSpansTheFullRange() {
    const ImageSet a = testing::noiseImages(1, 1, 8, 8, 31);
    const ImageSet b = testing::smoothImages(1, 1, 8, 8, 32);
    FourierMixOptions options;
    options.quantisation = MixQuantisation::RescaleRound;
    const FourierMixResult result = mixAmplitudePhase(a, b, options);
    const auto [lowest, highest] =
        std::minmax_element(result.mixed.pixels.begin(), result.mixed.pixels.end());
    QCOMPARE(int{*lowest}, 0);
    QCOMPARE(int{*highest}, 255);
    QCOMPARE(result.clippedFraction, 0.0);
  }

  void mismatchedSetsThrow() {
    const ImageSet a = testing::smoothImages(2, 1, 8, 8);
    QVERIFY_THROWS_EXCEPTION(ConfigError, mixAmplitudePhase(a, testing::smoothImages(3, 1, 8, 8)));
    QVERIFY_THROWS_EXCEPTION(ConfigError, mixAmplitudePhase(a, testing::smoothImages(2, 3, 8, 8)));
    QVERIFY_THROWS_EXCEPTION(ConfigError, mixAmplitudePhaseUnquantised(a, 2, a, 0));
  }
};

QTEST_APPLESS_MAIN(TestFourierMixing)
#include "tst_fourier_mixing.moc"
