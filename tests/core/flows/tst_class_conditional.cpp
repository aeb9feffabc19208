#include <QtTest/QtTest>

#include <cmath>

#include "flow_test_util.h"

using namespace glowscope;
using namespace glowscope::testing;

class TestClassConditional : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void headsAtInitGiveTheUnconditionalLikelihood() {
    for (FlowType type : {FlowType::Conv, FlowType::Dense}) {
      auto base = createFlowModel(tinyConfig(type, 1, 8, 8, 2));
      initializeActNorms(*base, at::rand({16, 1, 8, 8}) - 0.5);
      perturbParameters(*base, 0.05, 1);
      auto supervised = addClassHeads(*base, 4);
      QCOMPARE(supervised->config().numClasses, 4);
      QCOMPARE(supervised->numParameters() - base->numParameters(), std::int64_t{4 * 4 * 64});
      at::Tensor x = at::rand({3, 1, 8, 8}) - 0.5;
      FlowOutput plain = base->forward(x);
      FlowOutput conditional = supervised->forward(x);
      QCOMPARE(conditional.classLogLikelihoodNats.sizes(), (at::IntArrayRef{3, 4}));
      QVERIFY((conditional.logLikelihoodNats - plain.logLikelihoodNats).abs().max().item<float>() <
              1e-3f);
      for (int k = 0; k < 4; ++k)
        QVERIFY((conditional.classLogLikelihoodNats.select(1, k) - plain.logLikelihoodNats)
                    .abs()
                    .max()
                    .item<float>() < 1e-3f);
      for (int s = 0; s < 2; ++s)
        QVERIFY(at::allclose(conditional.scaleLogLikelihoodNats[s], plain.scaleLogLikelihoodNats[s],
                             1e-4, 1e-3));
    }
  }

  void mixtureIsLogSumExpMinusLogK() {
    auto base = createFlowModel(tinyConfig(FlowType::Conv, 1, 8, 8, 2));
    auto supervised = addClassHeads(*base, 3);
    perturbParameters(*supervised, 0.1, 2);
    at::Tensor x = at::rand({4, 1, 8, 8}) - 0.5;
    FlowOutput out = supervised->forward(x);
    at::Tensor perClass = out.classLogLikelihoodNats;
    QVERIFY(perClass.std(1).min().item<float>() > 0);  // classes differ now
    at::Tensor expected = at::logsumexp(perClass, 1) - std::log(3.0);
    QVERIFY((out.logLikelihoodNats - expected).abs().max().item<float>() < 1e-4f);
    at::Tensor summed = out.scaleClassLogLikelihoodNats[0] + out.scaleClassLogLikelihoodNats[1];
    QVERIFY((summed - perClass).abs().max().item<float>() < 1e-3f);
    // Per-class head = ActNorm then N(mean, std). The rest of a class's scale term (flow and
    // shared ActNorm log-dets) is the same for every class, so term_k - head_k agrees over k.
    auto params = supervised->named_parameters();
    at::Tensor z = out.latents[1];
    auto head = [&](int k) {
      at::Tensor scale = params["scale1.prior.headLogScale"][k].exp() + 1e-8;
      at::Tensor y = (z + params["scale1.prior.headBias"][k]) * scale;
      at::Tensor logStd = params["scale1.prior.headLogStd"][k];
      at::Tensor u = (y - params["scale1.prior.headMean"][k]) / logStd.exp();
      return scale.log().sum() + (-0.5 * u.square() - logStd - 0.5 * std::log(2 * M_PI)).sum(1);
    };
    at::Tensor term = out.scaleClassLogLikelihoodNats[1];
    at::Tensor shared0 = term.select(1, 0) - head(0);
    for (int k = 1; k < 3; ++k)
      QVERIFY((term.select(1, k) - head(k) - shared0).abs().max().item<float>() < 1e-3f);
    QVERIFY((head(1) - head(0)).abs().max().item<float>() > 1e-2f);
  }

  void classSamplingAndInverse() {
    auto base = createFlowModel(tinyConfig(FlowType::Conv, 1, 8, 8, 2));
    auto supervised = addClassHeads(*base, 2);
    perturbParameters(*supervised, 0.05, 3);
    InverseOutput drawn = supervised->sample(5, 0.8, std::nullopt, 1);
    QCOMPARE(drawn.images.sizes(), (at::IntArrayRef{5, 1, 8, 8}));
    FlowOutput out = supervised->forward(drawn.images);
    QVERIFY((out.logLikelihoodNats - drawn.logLikelihoodNats).abs().max().item<float>() < 1e-2f);
    QVERIFY((supervised->inverse(out.latents).images - drawn.images).abs().max().item<float>() <
            1e-4f);
    QCOMPARE(supervised->sample(4, 1.0).images.size(0), std::int64_t{4});
  }
};

QTEST_APPLESS_MAIN(TestClassConditional)
#include "tst_class_conditional.moc"
