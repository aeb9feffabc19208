// Model-based analyses on a tiny conv Glow built in the test: quantisation, feature swapping,
// fixed-z_L optimisation, cross-model correlations, sampling, Fourier likelihoods.
#include <ATen/ATen.h>
#include <QtTest>
#include <cmath>

#include "core/analysis/correlations.h"
#include "core/analysis/feature_swap.h"
#include "core/analysis/latent_optimisation.h"
#include "core/analysis/model_images.h"
#include "core/analysis/sampling.h"
#include "core/flows/flow_model.h"
#include "core/flows/preprocess.h"
#include "core/util/errors.h"
#include "test_images.h"

using namespace glowscope;
using namespace glowscope::analysis;

namespace {

// K=2, hidden 16, L=3 on 1x16x16, ActNorms initialised on smooth images (like real data).
FlowModel tinyModel(uint64_t seed, int channels = 1) {
  ModelConfig config = modelPreset("tiny", FlowType::Conv, channels, 16, 16);
  config.seed = seed;
  FlowModel model = createFlowModel(config);
  const ImageSet init = testing::smoothImages(32, channels, 16, 16, 100 + seed);
  initializeActNorms(*model, preprocessImages(uint8Batch(init, 0, init.count, at::kCPU),
                                              PreprocessMode::TrainingNoise));
  return model;
}

int maxByteDifference(const uint8_t* a, const uint8_t* b, int64_t size) {
  int worst = 0;
  for (int64_t i = 0; i < size; ++i) worst = std::max(worst, std::abs(int{a[i]} - int{b[i]}));
  return worst;
}

}  // namespace

class TestModelAnalysis : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void quantisationInvertsPreprocessing() {
    const ImageSet set = testing::noiseImages(3, 3, 4, 4);
    const at::Tensor x =
        preprocessImages(uint8Batch(set, 0, 3, at::kCPU), PreprocessMode::PaperEvaluation);
    QCOMPARE(quantiseModelImages(x, "q").pixels, set.pixels);
    // Any x inside bin k maps to k; values beyond the range clamp.
    const at::Tensor edges =
        at::tensor({-0.5f, -0.5f + 0.999f / 256, 0.49f, 0.7f, -0.9f}).reshape({1, 1, 1, 5});
    const ImageSet q = quantiseModelImages(edges, "edges");
    QCOMPARE(q.pixels, (std::vector<uint8_t>{0, 0, 253, 255, 0}));
  }

  void scoresMatchTheForwardPass() {
    FlowModel model = tinyModel(1);
    const ImageSet set = testing::smoothImages(5, 1, 16, 16, 3);
    analysis::ScoringOptions options;
    options.batchSize = 2;  // several batches
    const ImageScores scores = analysis::scoreImages(*model, set, options);
    QCOMPARE(static_cast<int64_t>(scores.logLikelihoodNats.size()), int64_t{5});
    QCOMPARE(static_cast<int>(scores.scaleLogLikelihoodNats.size()), 3);
    for (size_t i = 0; i < 5; ++i) {
      double sum = 0.0;
      for (const auto& scale : scores.scaleLogLikelihoodNats) sum += scale[i];
      QVERIFY(std::abs(sum - scores.logLikelihoodNats[i]) < 1e-2 * (1 + std::abs(sum)));
    }
    QVERIFY_THROWS_EXCEPTION(ConfigError,
                             analysis::scoreImages(*model, testing::smoothImages(1, 3, 16, 16)));
  }

  void swappingWithItsOwnTopLatentReproducesTheImage() {
    FlowModel model = tinyModel(2);
    const ImageSet set = testing::smoothImages(3, 1, 16, 16, 4);
    const FeatureSwapResult result = swapFeatures(*model, set, set);
    QCOMPARE(result.images.count, int64_t{12});
    QCOMPARE(static_cast<int64_t>(result.logLikelihoodNats.size()), int64_t{12});
    const int64_t bytes = set.imageBytes();
    for (int64_t i = 0; i < 3; ++i) {
      for (int64_t k = 0; k < 4; ++k) {
        QVERIFY(maxByteDifference(result.images.image(4 * i + k), set.image(i), bytes) <= 1);
        QVERIFY(std::abs(result.logLikelihoodNats[4 * i + k] - result.logLikelihoodNats[4 * i]) <
                1e-2 * (1 + std::abs(result.logLikelihoodNats[4 * i])));
      }
    }
  }

  void swappingTwoImagesMixesTheirLatents() {
    FlowModel model = tinyModel(3);
    const ImageSet a = testing::smoothImages(2, 1, 16, 16, 5);
    const ImageSet b = testing::noiseImages(2, 1, 16, 16, 6);
    const FeatureSwapResult result = swapFeatures(*model, a, b);
    const int64_t bytes = a.imageBytes();
    QCOMPARE(maxByteDifference(result.images.image(0), a.image(0), bytes), 0);
    QCOMPARE(maxByteDifference(result.images.image(1), b.image(0), bytes), 0);
    // The swaps differ from both sources.
    QVERIFY(maxByteDifference(result.images.image(2), a.image(0), bytes) > 1);
    QVERIFY(maxByteDifference(result.images.image(2), b.image(0), bytes) > 1);
    QCOMPARE(static_cast<int64_t>(result.quantisedLogLikelihoodNats.size()), int64_t{8});
    FeatureSwapOptions bad;
    bad.firstHighLatent = 3;
    QVERIFY_THROWS_EXCEPTION(ConfigError, swapFeatures(*model, a, b, bad));
  }

  void fixedTopOptimisationRaisesLikelihoodAndKeepsTopLatent() {
    FlowModel model = tinyModel(4);
    const ImageSet set = testing::noiseImages(2, 1, 16, 16, 8);
    FixedTopOptimisationOptions options;
    options.steps = 12;
    options.snapshotEvery = 5;
    options.learningRate = 0.02;
    std::vector<at::Tensor> parametersBefore;
    for (const auto& p : model->parameters()) parametersBefore.push_back(p.detach().clone());
    const FixedTopOptimisationResult result = optimiseWithFixedTopLatents(*model, set, options);
    QCOMPARE(result.snapshotSteps, (std::vector<int>{0, 5, 10, 12}));
    QCOMPARE(result.snapshots.count, int64_t{8});
    QCOMPARE(static_cast<int>(result.logLikelihoodTrace.size()), 13);
    for (size_t i = 0; i < 2; ++i) {
      QVERIFY2(result.logLikelihoodTrace.back()[i] > result.logLikelihoodTrace.front()[i] + 1.0,
               qPrintable(QString("%1 -> %2")
                              .arg(result.logLikelihoodTrace.front()[i])
                              .arg(result.logLikelihoodTrace.back()[i])));
    }
    const at::Tensor x =
        preprocessImages(uint8Batch(set, 0, 2, at::kCPU), PreprocessMode::PaperEvaluation);
    const FlowOutput encoded = model->forward(x);
    QVERIFY(at::equal(result.finalLatents.back(), encoded.latents.back()));
    QVERIFY(!at::equal(result.finalLatents.front(), encoded.latents.front()));
    // Step 0's snapshot is the input itself (within quantisation); the model is unchanged.
    QVERIFY(maxByteDifference(result.snapshots.image(0), set.image(0), set.imageBytes()) <= 1);
    const auto parametersAfter = model->parameters();
    for (size_t i = 0; i < parametersBefore.size(); ++i) {
      QVERIFY(at::equal(parametersBefore[i], parametersAfter[i]));
      QVERIFY(parametersAfter[i].requires_grad());
    }
  }

  void sgdAlsoRaisesLikelihood() {
    FlowModel model = tinyModel(5);
    FixedTopOptimisationOptions options;
    options.optimizer = LatentOptimizer::Sgd;
    options.steps = 5;
    options.learningRate = 1e-3;
    const auto result =
        optimiseWithFixedTopLatents(*model, testing::noiseImages(1, 1, 16, 16, 9), options);
    QVERIFY(result.logLikelihoodTrace.back()[0] > result.logLikelihoodTrace.front()[0]);
  }

  void correlationMatrixOfAModelWithItselfIsAllOnes() {
    FlowModel model = tinyModel(6);
    ImageSet images = testing::smoothImages(12, 1, 16, 16, 10);
    appendImages(images, testing::noiseImages(4, 1, 16, 16, 11));
    const ImageScores scores = analysis::scoreImages(*model, images);
    const ModelCorrelations same = correlateModels({"m", "m again"}, {scores, scores});
    QCOMPARE(static_cast<int>(same.scaleTerms.size()), 3);
    for (const auto* matrix :
         {&same.logLikelihood, &same.scaleTerms[0], &same.scaleTerms[2], &same.lowerScalesSum}) {
      for (const auto& row : matrix->values) {
        for (const double rho : row) QCOMPARE(rho, 1.0);
      }
    }
    // Another model on the same images is not identical on every scale.
    const ImageScores other = analysis::scoreImages(*tinyModel(7), images);
    const ModelCorrelations two = correlateModels({"a", "b"}, {scores, other});
    QCOMPARE(two.logLikelihood.values[0][0], 1.0);
    QCOMPARE(two.logLikelihood.values[0][1], two.logLikelihood.values[1][0]);
    bool anyBelowOne = false;
    for (const auto& matrix : two.scaleTerms) anyBelowOne |= matrix.values[0][1] < 1.0;
    QVERIFY(anyBelowOne);
    const ScaleSplit split = splitLastScale(scores);
    QVERIFY(std::abs(split.lowerScalesSumNats[0] + split.lastScaleNats[0] -
                     scores.logLikelihoodNats[0]) <
            1e-2 * (1 + std::abs(scores.logLikelihoodNats[0])));
  }

  void pseudoLikelihoodSpearmanUsesRanks() {
    QCOMPARE(pseudoLikelihoodSpearman({1, 2, 3, 4}, {10, 200, 3000, 40000}), 1.0);
    QCOMPARE(pseudoLikelihoodSpearman({1, 2, 3, 4}, {4, 3, 2, 1}), -1.0);
    QVERIFY_THROWS_EXCEPTION(ConfigError, pseudoLikelihoodSpearman({1, 2}, {1, 2, 3}));
  }

  void fourierLikelihoodOfSelfMixMatchesSource() {
    FlowModel model = tinyModel(8);
    const ImageSet set = testing::smoothImages(6, 1, 16, 16, 12);
    const FourierLikelihoodResult result = evaluateFourierMixing(*model, set, set);
    QCOMPARE(result.mix.mixed.pixels, set.pixels);
    QCOMPARE(result.mixedLogLikelihoodNats, result.amplitudeSourceLogLikelihoodNats);
    QCOMPARE(result.spearmanWithAmplitudeSource, 1.0);
    QCOMPARE(result.spearmanWithPhaseSource, 1.0);
  }

  void samplesAreSeededAndCancellable() {
    FlowModel model = tinyModel(9);
    SamplingOptions options;
    options.count = 5;
    options.batchSize = 2;
    options.temperature = 0.7;
    options.seed = 42;
    const SamplingResult first = sampleImages(*model, options);
    const SamplingResult second = sampleImages(*model, options);
    QCOMPARE(first.images.count, int64_t{5});
    QCOMPARE(first.images.channels, int64_t{1});
    QCOMPARE(first.images.pixels, second.images.pixels);
    options.seed = 43;
    QVERIFY(sampleImages(*model, options).images.pixels != first.images.pixels);
    std::atomic<bool> cancel{true};
    TaskControl control;
    control.cancelRequested = &cancel;
    QVERIFY_THROWS_EXCEPTION(CancelledError, sampleImages(*model, options, control));
  }
};

QTEST_APPLESS_MAIN(TestModelAnalysis)
#include "tst_model_analysis.moc"
