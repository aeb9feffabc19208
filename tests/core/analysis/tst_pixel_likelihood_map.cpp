// Per-pixel log-likelihood maps of a tiny PixelCNN++: one value per pixel that sums to log P(x),
// the general model's map and the difference; flows and mismatched general models refused.
#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

#include "core/analysis/model_handle.h"
#include "core/analysis/pixel_likelihood_map.h"
#include "core/data/tensor_batches.h"
#include "core/models/pixelcnn.h"
#include "core/util/errors.h"
#include "tests/core/analysis/test_images.h"
#include "tests/core/analysis/tiny_model.h"

using namespace glowscope;
namespace testing = glowscope::analysis::testing;

namespace {

std::filesystem::path saveTinyPixelCnn(const QTemporaryDir& dir, const std::string& name,
                                       std::uint64_t seed, int size = 16, int channels = 1) {
  PixelCnnConfig config = pixelCnnPreset("tiny", channels, size, size);
  config.seed = seed;
  PixelCnn model = createPixelCnn(config);
  {
    at::NoGradGuard noGrad;  // non-trivial weights: a fresh model's gains hide differences
    at::manual_seed(seed);
    for (auto& p : model->parameters()) p.add_(at::randn(p.sizes()) * 0.1);
  }
  const std::filesystem::path path = dir.filePath(QString::fromStdString(name)).toStdString();
  savePixelCnn(*model, path);
  return path;
}

}  // namespace

class TestPixelLikelihoodMap : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() { at::set_num_threads(1); }

  void mapsSumToTheModelsLogLikelihood() {
    QTemporaryDir dir;
    const auto modelFile = saveTinyPixelCnn(dir, "model.glow", 1);
    const auto generalFile = saveTinyPixelCnn(dir, "general.glow", 2);
    const ImageSet images = testing::smoothImages(3, 1, 16, 16, 5);
    const analysis::PixelLikelihoodMaps maps =
        analysis::pixelLikelihoodMaps(modelFile, generalFile, images);
    QCOMPARE(maps.maps.size(), size_t{3});
    QCOMPARE(maps.height, 16);
    QCOMPARE(maps.width, 16);
    const LikelihoodModel model = loadLikelihoodModel(modelFile);
    const LikelihoodModel general = loadLikelihoodModel(generalFile);
    model->eval();
    general->eval();
    at::NoGradGuard noGrad;
    const at::Tensor pixels = toUint8Tensor(images);
    const at::Tensor logp = model->logLikelihood(pixels).logLikelihoodNats;
    const at::Tensor generalLogp = general->logLikelihood(pixels).logLikelihoodNats;
    const double offset = discretisationOffsetNats(256);
    for (size_t i = 0; i < 3; ++i) {
      const analysis::PixelLikelihoodMap& map = maps.maps[i];
      QCOMPARE(map.logProbNats.size(), size_t{256});
      double sum = 0, generalSum = 0, differenceSum = 0;
      for (size_t p = 0; p < 256; ++p) {
        QVERIFY(map.logProbNats[p] <= 0);  // a log probability of a discrete value
        QCOMPARE(map.differenceNats[p], map.logProbNats[p] - map.generalLogProbNats[p]);
        sum += map.logProbNats[p];
        generalSum += map.generalLogProbNats[p];
        differenceSum += map.differenceNats[p];
      }
      const auto row = static_cast<int64_t>(i);
      QVERIFY(std::abs(sum - (logp[row].item<double>() - offset)) < 1e-2);
      QVERIFY(std::abs(generalSum - (generalLogp[row].item<double>() - offset)) < 1e-2);
      QVERIFY(std::abs(differenceSum - (logp[row].item<double>() - generalLogp[row].item<double>())) <
              1e-2);
    }
  }

  /// A changed last pixel changes only the last entry of the map (raster order): the map is per
  /// pixel in the image's layout, not a reshaped or transposed sum.
  void aChangedPixelChangesOnlyItsOwnAndLaterEntries() {
    QTemporaryDir dir;
    const auto modelFile = saveTinyPixelCnn(dir, "model.glow", 3);
    ImageSet images = testing::smoothImages(1, 1, 16, 16, 9);
    const auto before = analysis::pixelLikelihoodMaps(modelFile, {}, images).maps[0].logProbNats;
    images.image(0)[5 * 16 + 7] ^= 0x40;  // row 5, column 7
    const auto after = analysis::pixelLikelihoodMaps(modelFile, {}, images).maps[0].logProbNats;
    for (size_t p = 0; p < 5 * 16 + 7; ++p) QCOMPARE(after[p], before[p]);
    QVERIFY(after[5 * 16 + 7] != before[5 * 16 + 7]);
  }

  /// The image panel's grey levels are the mean over the channels of the image as scored, and
  /// the totals are the sums of the maps (log P(x) and the "Diff" ratio).
  void greyLevelsAndTotalsComeWithTheMaps() {
    QTemporaryDir dir;
    const auto modelFile = saveTinyPixelCnn(dir, "rgb.glow", 4, 8, 3);
    const auto generalFile = saveTinyPixelCnn(dir, "rgb-general.glow", 5, 8, 3);
    ImageSet images = testing::smoothImages(2, 3, 8, 8, 6);
    for (int64_t p = 0; p < 64; ++p) {  // image 1: channel values 2p, 2p+30, 2p+90 (mean 2p+40)
      images.image(1)[p] = static_cast<uint8_t>(2 * p);
      images.image(1)[64 + p] = static_cast<uint8_t>(2 * p + 30);
      images.image(1)[128 + p] = static_cast<uint8_t>(2 * p + 90);
    }
    const analysis::PixelLikelihoodMaps maps =
        analysis::pixelLikelihoodMaps(modelFile, generalFile, images);
    QCOMPARE(maps.maps.size(), size_t{2});
    for (int64_t p = 0; p < 64; ++p) {
      const size_t at = static_cast<size_t>(p);
      QVERIFY(std::abs(maps.maps[1].greyLevels[at] - (2.0 * p + 40)) < 1e-9);
      const uint8_t* image = maps.images.image(0);
      const double mean = (image[p] + image[64 + p] + image[128 + p]) / 3.0;
      QVERIFY(std::abs(maps.maps[0].greyLevels[at] - mean) < 1e-9);
    }
    for (const analysis::PixelLikelihoodMap& map : maps.maps) {
      QCOMPARE(map.greyLevels.size(), size_t{64});
      double logProb = 0, difference = 0;
      for (double v : map.logProbNats) logProb += v;
      for (double v : map.differenceNats) difference += v;
      QVERIFY(std::abs(map.totalLogProbNats - logProb) < 1e-9);
      QVERIFY(std::abs(map.totalDifferenceNats - difference) < 1e-9);
      QVERIFY(map.totalDifferenceNats != 0);
    }
    const auto alone = analysis::pixelLikelihoodMaps(modelFile, {}, images);
    QCOMPARE(alone.maps[1].totalDifferenceNats, 0.0);
    QCOMPARE(alone.maps[1].greyLevels, maps.maps[1].greyLevels);
  }

  /// A loaded model (what the map view keeps between computations) gives the maps of its file,
  /// the same on every call; one model as its own general model gives a zero difference.
  void aLoadedModelGivesTheMapsOfItsFile() {
    QTemporaryDir dir;
    const auto modelFile = saveTinyPixelCnn(dir, "model.glow", 1);
    const auto generalFile = saveTinyPixelCnn(dir, "general.glow", 2);
    const ImageSet images = testing::smoothImages(2, 1, 16, 16, 5);
    const auto model = analysis::PixelMapModel::load(modelFile);
    const auto general = analysis::PixelMapModel::load(generalFile);
    QCOMPARE(model->path(), modelFile);
    const auto fromFiles = analysis::pixelLikelihoodMaps(modelFile, generalFile, images);
    for (int call = 0; call < 2; ++call) {
      const auto kept = analysis::pixelLikelihoodMaps(*model, general.get(), images);
      for (size_t i = 0; i < 2; ++i) {
        QCOMPARE(kept.maps[i].logProbNats, fromFiles.maps[i].logProbNats);
        QCOMPARE(kept.maps[i].differenceNats, fromFiles.maps[i].differenceNats);
      }
    }
    const auto itself = analysis::pixelLikelihoodMaps(*model, model.get(), images);
    for (double v : itself.maps[0].differenceNats) QCOMPARE(v, 0.0);
  }

  void flowModelsAreRefused() {
    QTemporaryDir dir;
    const std::filesystem::path flowFile = dir.filePath("flow.glow").toStdString();
    testing::saveTinyConvModel(flowFile, testing::smoothImages(8, 1, 16, 16, 7));
    const ImageSet images = testing::smoothImages(1, 1, 16, 16, 5);
    QVERIFY(!analysis::hasPixelLikelihoodMaps(flowFile));
    try {
      analysis::pixelLikelihoodMaps(flowFile, {}, images);
      QFAIL("a flow's map was computed");
    } catch (const Error& error) {
      QVERIFY2(std::string(error.what()).find("a flow has no per-pixel log-likelihood terms") !=
                   std::string::npos,
               error.what());
    }
    // The scale and latent analyses refuse a PixelCNN++ model with the reason.
    const auto pcnnFile = saveTinyPixelCnn(dir, "model.glow", 1);
    try {
      analysis::ModelHandle::load(pcnnFile, "cpu");
      QFAIL("a PixelCNN++ model was loaded for a flow-only analysis");
    } catch (const Error& error) {
      QVERIFY2(std::string(error.what()).find("a PixelCNN++ model has no scales") !=
                   std::string::npos,
               error.what());
    }
    const auto otherShape = saveTinyPixelCnn(dir, "small.glow", 2, 8);
    QVERIFY_THROWS_EXCEPTION(ConfigError, analysis::pixelLikelihoodMaps(pcnnFile, otherShape, images));
  }
};

QTEST_GUILESS_MAIN(TestPixelLikelihoodMap)
#include "tst_pixel_likelihood_map.moc"
