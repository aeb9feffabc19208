// PNG complexity: the bits are exactly those of OpenCV's level-9 PNG of the HWC image, headers
// included, and a flat image costs far fewer bits than noise.
#include <QtTest>
#include <cmath>
#include <numbers>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <random>
#include <vector>

#include "core/scoring/png_complexity.h"
#include "core/util/errors.h"

namespace glowscope {
namespace {

std::vector<std::uint8_t> randomPlanar(const PlanarImageShape& shape, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> byte(0, 255);
  std::vector<std::uint8_t> image(shape.dims());
  for (auto& v : image) v = static_cast<std::uint8_t>(byte(rng));
  return image;
}

/// Interleaves by explicit indexing, independently of the library's cv::merge.
cv::Mat toHwcByHand(const std::vector<std::uint8_t>& planar, const PlanarImageShape& s) {
  cv::Mat hwc(s.height, s.width, CV_8UC(s.channels));
  for (int y = 0; y < s.height; ++y) {
    for (int x = 0; x < s.width; ++x) {
      for (int c = 0; c < s.channels; ++c) {
        hwc.ptr<std::uint8_t>(y)[x * s.channels + c] =
            planar[(static_cast<std::size_t>(c) * s.height + y) * s.width + x];
      }
    }
  }
  return hwc;
}

std::vector<std::uint8_t> opencvPng(const cv::Mat& hwc) {
  std::vector<std::uint8_t> bytes;
  cv::imencode(".png", hwc, bytes, {cv::IMWRITE_PNG_COMPRESSION, 9});
  return bytes;
}

struct PngLayout {
  std::size_t chunkBytes = 0;   ///< Signature + every chunk with its length, type and CRC.
  std::size_t idatPayload = 0;  ///< Compressed pixel data only.
};

PngLayout parsePng(const std::vector<std::uint8_t>& png) {
  PngLayout layout;
  layout.chunkBytes = 8;
  for (std::size_t pos = 8; pos + 12 <= png.size();) {
    const std::size_t length = (std::size_t{png[pos]} << 24) | (std::size_t{png[pos + 1]} << 16) |
                               (std::size_t{png[pos + 2]} << 8) | png[pos + 3];
    if (std::string(png.begin() + pos + 4, png.begin() + pos + 8) == "IDAT") {
      layout.idatPayload += length;
    }
    layout.chunkBytes += 12 + length;
    pos += 12 + length;
  }
  return layout;
}

}  // namespace

class TstPngComplexity : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void zeroGreyImageMatchesOpenCv() {
    const PlanarImageShape shape{1, 32, 32};
    const std::vector<std::uint8_t> zeros(shape.dims(), 0);
    const std::vector<std::uint8_t> expected = opencvPng(cv::Mat::zeros(32, 32, CV_8UC1));
    QCOMPARE(encodePngForComplexity(zeros, shape), expected);
    QCOMPARE(pngBits(zeros, shape), 8.0 * static_cast<double>(expected.size()));
  }

  void rgbImageIsInterleavedLikeTheReference() {
    const PlanarImageShape shape{3, 32, 32};
    const std::vector<std::uint8_t> planar = randomPlanar(shape, 1);
    const std::vector<std::uint8_t> png = encodePngForComplexity(planar, shape);
    QCOMPARE(png, opencvPng(toHwcByHand(planar, shape)));
    // Lossless and channel order kept: decoding gives the hand-interleaved pixels back.
    const cv::Mat decoded = cv::imdecode(png, cv::IMREAD_UNCHANGED);
    QCOMPARE(cv::norm(decoded, toHwcByHand(planar, shape), cv::NORM_INF), 0.0);
    QCOMPARE(pngBitsPerDim(planar, shape), 8.0 * static_cast<double>(png.size()) / 3072.0);
  }

  void bitsIncludeHeaders() {
    const PlanarImageShape shape{3, 32, 32};
    const std::vector<std::uint8_t> planar = randomPlanar(shape, 2);
    const std::vector<std::uint8_t> png = encodePngForComplexity(planar, shape);
    const PngLayout layout = parsePng(png);
    QCOMPARE(layout.chunkBytes, png.size());  // nothing but signature and chunks
    QVERIFY(layout.idatPayload > 0);
    QCOMPARE(pngBits(planar, shape), 8.0 * static_cast<double>(layout.chunkBytes));
    QVERIFY(pngBits(planar, shape) > 8.0 * static_cast<double>(layout.idatPayload));
  }

  void flatImageIsFarCheaperThanNoise() {
    const PlanarImageShape shape{3, 32, 32};
    const std::vector<std::uint8_t> flat(shape.dims(), 128);
    const std::vector<std::uint8_t> noise = randomPlanar(shape, 3);
    const double flatBits = pngBits(flat, shape);
    const double noiseBits = pngBits(noise, shape);
    QVERIFY2(10 * flatBits < noiseBits,
             qPrintable(QString("%1 vs %2").arg(flatBits).arg(noiseBits)));
    QVERIFY(noiseBits / 3072.0 > 7.5);  // uniform noise does not compress below ~8 bits/dim
  }

  void logLikelihoodIsMinusBitsTimesLn2() {
    QCOMPARE(pngLogLikelihoodNats(1000.0), -1000.0 * std::numbers::ln2);
  }

  void batchScoresEachImage() {
    const PlanarImageShape shape{1, 8, 8};
    const std::vector<std::uint8_t> a = randomPlanar(shape, 4);
    const std::vector<std::uint8_t> b(shape.dims(), 7);
    std::vector<std::uint8_t> batch(a);
    batch.insert(batch.end(), b.begin(), b.end());
    QCOMPARE(pngBitsPerImage(batch, shape),
             (std::vector<double>{pngBits(a, shape), pngBits(b, shape)}));
  }

  void rejectsBadShapes() {
    const std::vector<std::uint8_t> data(2 * 4 * 4, 0);
    QVERIFY_THROWS_EXCEPTION(ConfigError, pngBits(data, PlanarImageShape{2, 4, 4}));
    QVERIFY_THROWS_EXCEPTION(ConfigError, pngBits(data, PlanarImageShape{1, 4, 4}));
    QVERIFY_THROWS_EXCEPTION(ConfigError, pngBits(data, PlanarImageShape{1, 0, 32}));
    QVERIFY_THROWS_EXCEPTION(ConfigError, pngBitsPerImage(data, PlanarImageShape{3, 4, 4}));
  }
};

}  // namespace glowscope

QTEST_APPLESS_MAIN(glowscope::TstPngComplexity)
#include "tst_png_complexity.moc"
