#include <QtTest/QtTest>

#include "core/flows/local_glow.h"
#include "flow_test_util.h"

using namespace glowscope;
using namespace glowscope::testing;

class TestLocalGlow : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void patchOrderIsRowMajor() {
    at::Tensor image = at::arange(64, at::kFloat).view({1, 1, 8, 8});
    at::Tensor patches = LocalGlowImpl::toPatches(image, 4);
    QCOMPARE(patches.sizes(), (at::IntArrayRef{4, 1, 4, 4}));
    QCOMPARE(patches[1][0][0][0].item<float>(), 4.0f);   // top-right patch
    QCOMPARE(patches[2][0][0][0].item<float>(), 32.0f);  // bottom-left patch
    QVERIFY(at::equal(LocalGlowImpl::fromPatches(patches, 8, 8), image));
  }

  void imageLikelihoodIsSumOfPatchLikelihoods() {
    auto model = createFlowModel(tinyConfig(FlowType::Local, 2, 8, 12, 1));
    auto& local = dynamic_cast<LocalGlowImpl&>(*model);
    QCOMPARE(local.numPatches(), std::int64_t{6});
    initializeActNorms(*model, at::rand({8, 2, 8, 12}) - 0.5);
    perturbParameters(*model, 0.05, 1);
    at::Tensor x = at::rand({2, 2, 8, 12}) - 0.5;
    FlowOutput out = model->forward(x);
    double expected = 0;
    for (int i = 0; i < 2; ++i)
      for (int j = 0; j < 3; ++j) {
        at::Tensor patch =
            x.index({at::indexing::Slice(1, 2), at::indexing::Slice(),
                     at::indexing::Slice(4 * i, 4 * i + 4), at::indexing::Slice(4 * j, 4 * j + 4)});
        expected += local.patchModel().forward(patch).logLikelihoodNats.item<double>();
      }
    QVERIFY(std::abs(out.logLikelihoodNats[1].item<double>() - expected) < 1e-3);
    QVERIFY(at::allclose(out.scaleLogLikelihoodNats[0], out.logLikelihoodNats));
    QCOMPARE(out.latents[0].sizes(), (at::IntArrayRef{2, 6 * 8 * 2 * 2}));
  }

  void inverseOfForwardAndSampling() {
    auto model = createFlowModel(tinyConfig(FlowType::Local, 1, 8, 8, 1));
    initializeActNorms(*model, at::rand({8, 1, 8, 8}) - 0.5);
    perturbParameters(*model, 0.05, 2);
    at::Tensor x = at::rand({3, 1, 8, 8}) - 0.5;
    FlowOutput out = model->forward(x);
    InverseOutput back = model->inverse(out.latents);
    QVERIFY((back.images - x).abs().max().item<float>() < 1e-4f);
    QVERIFY((back.logLikelihoodNats - out.logLikelihoodNats).abs().max().item<float>() < 1e-2f);
    QCOMPARE(model->sample(2, 0.7).images.sizes(), (at::IntArrayRef{2, 1, 8, 8}));
  }

  void parameterCountMatchesFormula() {
    ModelConfig config = modelPreset("small", FlowType::Local, 3);
    QCOMPARE(createFlowModel(config)->numParameters(), analyticParameterCount(config));
  }
};

QTEST_APPLESS_MAIN(TestLocalGlow)
#include "tst_local_glow.moc"
