// Scoring a model on an image set: batch size does not change the scores, per-scale
// contributions add up to log p, the ratio of a model to itself is 0, and inputs of another
// shape are prepared (resized, channel-converted) the same way as the model's own.
#include <QtTest>
#include <atomic>
#include <cmath>

#include "core/scoring/model_scores.h"
#include "core/scoring/score_definitions.h"
#include "core/util/errors.h"
#include "scoring_test_data.h"

namespace glowscope {

class TstModelScores : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void batchSizeDoesNotChangeScores() {
    FlowModel model = testing::tinyInitialisedModel(1);
    const ImageSet images = testing::randomImages(37, 1, 8, 2);
    ScoringOptions small;
    small.batchSize = 5;
    ScoringOptions large;
    large.batchSize = 64;
    const ModelScores a = scoreImages(*model, images, small);
    const ModelScores b = scoreImages(*model, images, large);
    QCOMPARE(a.count(), size_t{37});
    for (size_t i = 0; i < a.count(); ++i)
      QVERIFY(std::abs(a.logLikelihoodNats[i] - b.logLikelihoodNats[i]) < 1e-3);
  }

  void scalesSumToLogLikelihood() {
    FlowModel model = testing::tinyInitialisedModel(3);
    const ModelScores scores = scoreImages(*model, testing::randomImages(10, 1, 8, 4));
    QCOMPARE(scores.scaleLogLikelihoodNats.size(), size_t{3});
    for (size_t i = 0; i < scores.count(); ++i) {
      double sum = 0;
      for (const auto& column : scores.scaleLogLikelihoodNats) sum += column[i];
      QVERIFY(std::abs(sum - scores.logLikelihoodNats[i]) < 1e-2);
    }
    QCOMPARE(scores.dimsPerImage, int64_t{64});
    const double bits = scores.bitsPerDim()[0];
    QVERIFY(std::abs(bits - (8 - scores.logLikelihoodNats[0] / (64 * std::log(2.0)))) < 1e-9);
  }

  void ratioOfModelToItselfIsZero() {
    FlowModel model = testing::tinyInitialisedModel(5);
    const ModelScores scores = scoreImages(*model, testing::randomImages(12, 1, 8, 6));
    ScoreInputs inputs;
    inputs.modelScores = [&scores](const std::string&) -> const ModelScores& { return scores; };
    for (ScoreKind kind : {ScoreKind::Ratio, ScoreKind::ScaleRatio}) {
      ScoreDefinition definition{"self", kind, "m", "m", -1};
      for (double value : evaluateScore(definition, inputs)) QCOMPARE(value, 0.0);
    }
  }

  void preparesOtherShapes() {
    FlowModel model = testing::tinyInitialisedModel(7);
    // RGB 4x4 images: converted to grey and resized to the model's 8x8, scores stay finite.
    const ModelScores scores = scoreImages(*model, testing::randomImages(6, 3, 4, 8));
    QCOMPARE(scores.count(), size_t{6});
    for (double value : scores.logLikelihoodNats) QVERIFY(std::isfinite(value));
  }

  void trainingNoiseIsSeeded() {
    FlowModel model = testing::tinyInitialisedModel(9);
    const ImageSet images = testing::randomImages(8, 1, 8, 10);
    ScoringOptions noisy;
    noisy.mode = PreprocessMode::TrainingNoise;
    noisy.noiseSeed = 42;
    const ModelScores a = scoreImages(*model, images, noisy);
    const ModelScores b = scoreImages(*model, images, noisy);
    QCOMPARE(a.logLikelihoodNats, b.logLikelihoodNats);
    const ModelScores paper = scoreImages(*model, images);
    QVERIFY(a.logLikelihoodNats != paper.logLikelihoodNats);
  }

  void cancelStopsWithinABatch() {
    FlowModel model = testing::tinyInitialisedModel(11);
    std::atomic<bool> cancel{false};
    int batchesSeen = 0;
    ScoringOptions options;
    options.batchSize = 4;
    options.cancel = &cancel;
    options.progress = [&](int64_t, int64_t) {
      ++batchesSeen;
      cancel = true;
    };
    QVERIFY_THROWS_EXCEPTION(CancelledError,
                             scoreImages(*model, testing::randomImages(40, 1, 8, 12), options));
    QCOMPARE(batchesSeen, 1);
  }
};

}  // namespace glowscope

QTEST_GUILESS_MAIN(glowscope::TstModelScores)
#include "tst_model_scores.moc"
