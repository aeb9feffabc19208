#include <QtTest/QtTest>

#include <ATen/CPUGeneratorImpl.h>

#include "core/flows/glow.h"
#include "core/util/errors.h"
#include "flow_test_util.h"

using namespace glowscope;
using namespace glowscope::testing;

class TestGlow : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void squeezeChannelOrder() {
    at::Tensor ramp = at::arange(32, at::kFloat).view({1, 2, 4, 4});
    at::Tensor squeezed = squeeze2x2(ramp);
    QCOMPARE(squeezed.sizes(), (at::IntArrayRef{1, 8, 2, 2}));
    at::Tensor atOrigin = squeezed.index({0, at::indexing::Slice(), 0, 0});
    QVERIFY(at::equal(atOrigin, at::tensor({0.f, 1.f, 4.f, 5.f, 16.f, 17.f, 20.f, 21.f})));
    QVERIFY(at::equal(unsqueeze2x2(squeezed), ramp));
  }

  void latentShapesRgb() {
    auto model = createFlowModel(modelPreset("tiny", FlowType::Conv, 3));
    QCOMPARE(model->latentDims(), (std::vector<std::int64_t>{1536, 768, 768}));
    QCOMPARE(model->latentShapes()[1], (std::vector<std::int64_t>{12, 8, 8}));
    FlowOutput out = model->forward(at::rand({2, 3, 32, 32}) - 0.5);
    QCOMPARE(out.latents[0].sizes(), (at::IntArrayRef{2, 1536}));
    QCOMPARE(out.scaleLogLikelihoodNats.size(), size_t{3});
  }

  void inverseOfForward() {
    auto model = createFlowModel(tinyConfig(FlowType::Conv, 3, 8, 8, 2));
    initializeActNorms(*model, at::rand({16, 3, 8, 8}) - 0.5);
    perturbParameters(*model, 0.05, 1);
    at::Tensor x = at::rand({4, 3, 8, 8}) - 0.5;
    FlowOutput out = model->forward(x);
    InverseOutput back = model->inverse(out.latents);
    QVERIFY((back.images - x).abs().max().item<float>() < 1e-4f);
    QVERIFY((back.logLikelihoodNats - out.logLikelihoodNats).abs().max().item<float>() < 1e-2f);
  }

  void logDetMatchesBruteForceJacobian_data() {
    QTest::addColumn<int>("channels");
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("scales");
    QTest::newRow("1x4x4, 1 scale") << 1 << 4 << 1;
    QTest::newRow("1x4x4, 2 scales") << 1 << 4 << 2;
    QTest::newRow("4x2x2, 1 scale") << 4 << 2 << 1;
  }
  void logDetMatchesBruteForceJacobian() {
    QFETCH(int, channels);
    QFETCH(int, size);
    QFETCH(int, scales);
    auto model = createFlowModel(tinyConfig(FlowType::Conv, channels, size, size, scales));
    model->to(at::kDouble);
    // No data init here: on 8 tiny images some ReLU channels are dead, their ActNorm scale
    // becomes 1e6, and the perturbed map is too ill-conditioned for a float slogdet.
    perturbParameters(*model, 0.3, 2);
    at::Tensor x = at::rand({1, channels, size, size}, at::kDouble) - 0.5;
    const double modelLogP = model->forward(x).logLikelihoodNats.item<double>();
    const double bruteForce = bruteForceLogLikelihood(*model, x);
    QVERIFY2(std::abs(modelLogP - bruteForce) < 1e-6,
             qPrintable(QString("%1 vs %2").arg(modelLogP).arg(bruteForce)));
  }

  void scaleContributionsSumAndMatchHandComputation() {
    auto model = createFlowModel(tinyConfig(FlowType::Conv, 2, 8, 8, 2));
    model->to(at::kDouble);
    initializeActNorms(*model, at::rand({8, 2, 8, 8}, at::kDouble) - 0.5);
    perturbParameters(*model, 0.1, 3);
    at::Tensor x = at::rand({3, 2, 8, 8}, at::kDouble) - 0.5;
    FlowOutput out = model->forward(x);
    at::Tensor sum = out.scaleLogLikelihoodNats[0] + out.scaleLogLikelihoodNats[1];
    QVERIFY((sum - out.logLikelihoodNats).abs().max().item<double>() < 1e-9);

    // c_1 by hand: scale-1 step log-dets + latent ActNorm log-det + log N(z1').
    auto& glow = dynamic_cast<GlowImpl&>(*model);
    at::Tensor h = squeeze2x2(x);
    at::Tensor flowLogDet = at::zeros({3}, x.options());
    for (const auto& layer : glow.scale(0).layers()) {
      FlowResult r = layer->forward(h);
      h = r.output;
      flowLogDet += r.logDet;
    }
    at::Tensor z1 = h.slice(1, 0, 4).flatten(1);  // FIRST half of 8 channels factored out
    auto& act = glow.scale(0).prior()->actNorm;
    at::Tensor scale = act->logScale.exp() + 1e-8;
    at::Tensor z1Prime = (z1 + act->bias) * scale;
    at::Tensor c1 = flowLogDet + scale.log().sum() + standardNormal(z1Prime);
    QVERIFY((c1 - out.scaleLogLikelihoodNats[0]).abs().max().item<double>() < 1e-9);
    QVERIFY((z1Prime - out.latents[0]).abs().max().item<double>() < 1e-12);
  }

  void actNormInitNormalisesLatents() {
    auto model = createFlowModel(tinyConfig(FlowType::Conv, 1, 8, 8, 2));
    QVERIFY(!actNormsInitialized(*model));
    at::Tensor batch = at::rand({64, 1, 8, 8}) * 0.3 - 0.4;
    initializeActNorms(*model, batch);
    QVERIFY(actNormsInitialized(*model));
    FlowOutput out = model->forward(batch);
    for (const auto& z : out.latents) {
      QVERIFY(z.mean(0).abs().max().item<float>() < 1e-4f);
      QVERIFY((z.std(0, true) - 1).abs().max().item<float>() < 1e-3f);
    }
  }

  void parameterCountsMatchFormula() {
    // Figures measured on the reference implementation (docs/flows.md, parameter count).
    const std::pair<const char*, std::int64_t> expected[] = {
        {"small", 801120}, {"paper", 31583616}, {"tiny", -1}};
    for (const auto& [preset, measured] : expected) {
      ModelConfig config = modelPreset(preset, FlowType::Conv, 1);
      const std::int64_t count = createFlowModel(config)->numParameters();
      QCOMPARE(count, analyticParameterCount(config));
      if (measured > 0) QCOMPARE(count, measured);
    }
  }

  void parametersOfScalePartitionTheModel() {
    auto model = createFlowModel(modelPreset("tiny", FlowType::Conv, 1));
    std::int64_t total = 0;
    for (int s = 0; s < model->numScales(); ++s)
      for (const auto& p : model->parametersOfScale(s)) total += p.numel();
    QCOMPARE(total, model->numParameters());
    QVERIFY_THROWS_EXCEPTION(Error, model->parametersOfScale(3));
  }

  void sampling() {
    auto model = createFlowModel(tinyConfig(FlowType::Conv, 1, 8, 8, 2));
    initializeActNorms(*model, at::rand({16, 1, 8, 8}) - 0.5);
    auto generator = at::detail::createCPUGenerator(5);
    InverseOutput cold = model->sample(6, 0.0, generator);
    QCOMPARE(cold.images.sizes(), (at::IntArrayRef{6, 1, 8, 8}));
    // Temperature 0: every sample is the image of the prior mean.
    QVERIFY((cold.images - cold.images[0]).abs().max().item<float>() < 1e-6f);
    InverseOutput warm = model->sample(6, 1.0, at::detail::createCPUGenerator(5));
    InverseOutput again = model->sample(6, 1.0, at::detail::createCPUGenerator(5));
    QVERIFY(at::equal(warm.images, again.images));
    FlowOutput check = model->forward(warm.images);
    QVERIFY((check.logLikelihoodNats - warm.logLikelihoodNats).abs().max().item<float>() < 1e-2f);
  }

  void sameSeedSameModel() {
    ModelConfig config = tinyConfig(FlowType::Conv, 1, 8, 8, 2);
    auto a = createFlowModel(config);
    auto b = createFlowModel(config);
    at::Tensor x = at::rand({2, 1, 8, 8}) - 0.5;
    QVERIFY(at::equal(a->forward(x).logLikelihoodNats, b->forward(x).logLikelihoodNats));
    config.seed += 1;
    auto c = createFlowModel(config);
    perturbParameters(*a, 0.1, 1);
    perturbParameters(*c, 0.1, 1);
    QVERIFY(!at::equal(a->forward(x).logLikelihoodNats, c->forward(x).logLikelihoodNats));
  }
};

QTEST_APPLESS_MAIN(TestGlow)
#include "tst_glow.moc"
