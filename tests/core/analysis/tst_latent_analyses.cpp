// The torch-free wrappers of feature swapping and the fixed-z_L optimisation give exactly what
// core's torch-level functions give on the same model, plus the reconstructions and live updates.
#include <QTemporaryDir>
#include <QtTest>
#include <atomic>
#include <cmath>

#include "core/analysis/feature_swap.h"
#include "core/analysis/latent_analyses.h"
#include "core/analysis/latent_optimisation.h"
#include "core/analysis/model_handle.h"
#include "core/analysis/model_images.h"
#include "core/flows/flow_model.h"
#include "core/flows/preprocess.h"
#include "core/scoring/model_input.h"
#include "core/util/errors.h"
#include "test_images.h"
#include "tiny_model.h"

using namespace glowscope;
using namespace glowscope::analysis;

namespace {

// K=2, hidden 16, L=3 on 1x16x16, ActNorms initialised on smooth images, saved and reloaded.
std::shared_ptr<ModelHandle> tinyModelHandle(const QTemporaryDir& dir) {
  const std::filesystem::path file = dir.filePath("model.glow").toStdString();
  testing::saveTinyConvModel(file, testing::smoothImages(16, 1, 16, 16, 7), 3);
  return ModelHandle::load(file, "cpu");
}

int maxByteDifference(const ImageSet& a, int64_t i, const ImageSet& b, int64_t j) {
  int worst = 0;
  for (int64_t k = 0; k < a.imageBytes(); ++k)
    worst = std::max(worst, std::abs(int{a.image(i)[k]} - int{b.image(j)[k]}));
  return worst;
}

bool close(double a, double b) { return std::abs(a - b) <= 1e-5 * (1.0 + std::abs(b)); }

}  // namespace

class TestLatentAnalyses : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void summaryDescribesTheModel() {
    QTemporaryDir dir;
    const auto handle = tinyModelHandle(dir);
    const ModelSummary summary = summariseModel(*handle);
    QCOMPARE(summary.numLatents, 3);
    QCOMPARE(summary.height, int64_t{16});
    QCOMPARE(summary.description, handle->description());
  }

  void swappingAnImageWithItselfReproducesIt() {
    QTemporaryDir dir;
    const auto handle = tinyModelHandle(dir);
    const ImageSet a = testing::smoothImages(1, 1, 16, 16, 4);
    const PairSwapResult result = swapPairFeatures(*handle, a, a);
    QCOMPARE(result.images.count, int64_t{kSwapImageCount});
    QCOMPARE(result.firstHighLatent, 2);
    for (int64_t k = 0; k < kSwapImageCount; ++k)
      QVERIFY(maxByteDifference(result.images, k, a, 0) <= 1);
    // Core's own self-swap gives the same images and log p.
    const FeatureSwapResult core = swapFeatures(handle->model(), a, a);
    QVERIFY(maxByteDifference(result.images, kSwapLowAHighB, core.images, 2) <= 1);
    QVERIFY(close(result.logLikelihoodNats[kSwapLowAHighB], core.logLikelihoodNats[2]));
    QVERIFY(close(result.logLikelihoodNats[kSwapReconstructionA], core.logLikelihoodNats[2]));
  }

  void logLikelihoodsEqualCoresAndTheReconstructionsAreTheSelfSwaps() {
    QTemporaryDir dir;
    const auto handle = tinyModelHandle(dir);
    // a is larger than the model: the wrapper resizes it like every other code path.
    const ImageSet a = testing::smoothImages(1, 1, 28, 28, 5);
    const ImageSet b = testing::noiseImages(1, 1, 16, 16, 6);
    FeatureSwapOptions options;
    options.firstHighLatent = 1;
    const PairSwapResult result = swapPairFeatures(*handle, a, b, 1);
    QCOMPARE(result.firstHighLatent, 1);
    QCOMPARE(result.images.height, int64_t{16});
    const ImageSet preparedA = prepareImagesForModel(a, handle->model().config());
    const FeatureSwapResult pair = swapFeatures(handle->model(), preparedA, b, options);
    const FeatureSwapResult selfA = swapFeatures(handle->model(), preparedA, preparedA, options);
    const FeatureSwapResult selfB = swapFeatures(handle->model(), b, b, options);
    const std::vector<std::pair<int, std::pair<const FeatureSwapResult*, int>>> expected = {
        {kSwapImageA, {&pair, 0}},           {kSwapImageB, {&pair, 1}},
        {kSwapLowAHighB, {&pair, 2}},        {kSwapLowBHighA, {&pair, 3}},
        {kSwapReconstructionA, {&selfA, 2}}, {kSwapReconstructionB, {&selfB, 2}}};
    for (const auto& [shown, source] : expected) {
      const auto& [core, index] = source;
      QVERIFY2(
          close(result.logLikelihoodNats[size_t(shown)], core->logLikelihoodNats[size_t(index)]),
          qPrintable(QString("image %1").arg(shown)));
      // The wrapper swaps six images in one batch, core two per call: on some CPUs the batch
      // shape changes the last float bits, and a value near x.5 then rounds to the other byte.
      QVERIFY(maxByteDifference(result.images, shown, core->images, index) <= 1);
      QCOMPARE(result.bitsPerDim[size_t(shown)],
               bitsPerDim(result.logLikelihoodNats[size_t(shown)], 256));
    }
    // The quantised log p is the log p of exactly the bytes shown.
    const std::vector<double> shownLogLikelihoods =
        analysis::scoreImages(handle->model(), result.images).logLikelihoodNats;  // paper mode
    for (int k = 0; k < kSwapImageCount; ++k)
      QVERIFY2(close(result.quantisedLogLikelihoodNats[size_t(k)], shownLogLikelihoods[size_t(k)]),
               qPrintable(QString("image %1").arg(k)));
    // The swap differs from both of its sources.
    QVERIFY(maxByteDifference(result.images, kSwapLowAHighB, result.images, kSwapImageA) > 1);
    QVERIFY(maxByteDifference(result.images, kSwapLowAHighB, result.images, kSwapImageB) > 1);
    QVERIFY_THROWS_EXCEPTION(ConfigError, swapPairFeatures(*handle, a, b, 3));
    QVERIFY_THROWS_EXCEPTION(ConfigError,
                             swapPairFeatures(*handle, testing::smoothImages(2, 1, 16, 16), b));
  }

  void optimisationReportsEverySnapshotAndMatchesCore() {
    QTemporaryDir dir;
    const auto handle = tinyModelHandle(dir);
    ImageSet images = testing::noiseImages(1, 1, 16, 16, 8);
    appendImages(images, testing::smoothImages(1, 1, 16, 16, 9));
    FixedLatentOptimisationOptions options;
    options.steps = 7;
    options.updateEvery = 3;
    options.learningRate = 0.02;
    std::vector<FixedLatentOptimisationUpdate> updates;
    const FixedLatentOptimisationResult result = optimiseWithFixedLatents(
        *handle, images, options,
        [&](const FixedLatentOptimisationUpdate& update) { updates.push_back(update); });
    QCOMPARE(result.snapshotSteps, (std::vector<int>{0, 3, 6, 7}));
    QCOMPARE(updates.size(), std::size_t{4});
    std::vector<std::vector<double>> traceFromUpdates;
    for (std::size_t u = 0; u < updates.size(); ++u) {
      QCOMPARE(updates[u].step, result.snapshotSteps[u]);
      if (u > 0) QVERIFY(updates[u].step >= updates[u - 1].step);
      QCOMPARE(updates[u].firstNewStep, int(traceFromUpdates.size()));
      traceFromUpdates.insert(traceFromUpdates.end(), updates[u].newTraceRows.begin(),
                              updates[u].newTraceRows.end());
      QCOMPARE(updates[u].images.count, int64_t{2});
      QCOMPARE(maxByteDifference(updates[u].images, 1, result.snapshots, 2 * int64_t(u) + 1), 0);
    }
    QCOMPARE(traceFromUpdates, result.logLikelihoodTrace);
    QCOMPARE(result.logLikelihoodTrace.size(), std::size_t{8});
    for (std::size_t i = 0; i < 2; ++i)
      QVERIFY(result.logLikelihoodTrace.back()[i] > result.logLikelihoodTrace.front()[i]);

    FixedTopOptimisationOptions core;
    core.steps = 7;
    core.snapshotEvery = 3;
    core.learningRate = 0.02;
    const FixedTopOptimisationResult direct =
        optimiseWithFixedTopLatents(handle->model(), images, core);
    for (std::size_t s = 0; s < direct.logLikelihoodTrace.size(); ++s)
      for (std::size_t i = 0; i < 2; ++i)
        QVERIFY(close(result.logLikelihoodTrace[s][i], direct.logLikelihoodTrace[s][i]));
  }

  void cancellingFromAnUpdateStopsAndReleasesTheModel() {
    QTemporaryDir dir;
    const auto handle = tinyModelHandle(dir);
    const ImageSet images = testing::noiseImages(1, 1, 16, 16, 10);
    FixedLatentOptimisationOptions options;
    options.steps = 50;
    std::atomic<bool> cancel{false};
    TaskControl control;
    control.cancelRequested = &cancel;
    int lastStep = -1;
    QVERIFY_THROWS_EXCEPTION(CancelledError, optimiseWithFixedLatents(
                                                 *handle, images, options,
                                                 [&](const FixedLatentOptimisationUpdate& update) {
                                                   lastStep = update.step;
                                                   if (update.step == 4) cancel = true;
                                                 },
                                                 control));
    QCOMPARE(lastStep, 4);
    QCOMPARE(handle->score(images).count(), std::size_t{1});  // the lock was released
    options.updateEvery = 0;
    QVERIFY_THROWS_EXCEPTION(ConfigError, optimiseWithFixedLatents(*handle, images, options));
  }
};

QTEST_GUILESS_MAIN(TestLatentAnalyses)
#include "tst_latent_analyses.moc"
