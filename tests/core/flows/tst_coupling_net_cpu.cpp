#include <QtTest/QtTest>

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <ATen/core/grad_mode.h>

#include <cmath>
#include <limits>

#include "core/flows/coupling.h"
#include "core/flows/coupling_net_cpu.h"
#include "core/flows/flow_model.h"
#include "core/flows/model_config.h"
#include "flow_test_util.h"

using namespace glowscope;

namespace {

/// The net as three at::conv2d calls in double: the reference the fused kernel must match.
at::Tensor referenceNet(const at::Tensor& x, const FoldedCouplingNet& net) {
  auto d = [](const at::Tensor& t) { return t.to(at::kDouble); };
  at::Tensor h = at::relu(at::conv2d(d(x), d(net.conv1Weight), d(net.bias1), 1, 1));
  h = at::relu(at::conv2d(h, d(net.conv2Weight), d(net.bias2)));
  return at::conv2d(h, d(net.conv3Weight), d(net.bias3), 1, 1);
}

FoldedCouplingNet randomNet(int64_t cin, int64_t hidden, int64_t cout, at::Generator& g) {
  auto r = [&](at::IntArrayRef shape, double std) { return at::randn(shape, g) * std; };
  return {r({hidden, cin, 3, 3}, 0.3),    r({hidden}, 0.5),
          r({hidden, hidden, 1, 1}, 0.1), r({hidden}, 0.5),
          r({cout, hidden, 3, 3}, 0.05),  r({cout}, 0.5)};
}

}  // namespace

class TestCouplingNetCpu : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void init() {
    setFusedCouplingNetEnabled(true);
    at::NoGradGuard noGrad;
    if (!fusedCouplingNetApplies(at::zeros({1, 2, 4, 4}), 16))
      QSKIP("this CPU has no AVX-512: the fused kernel never runs here");
  }
  void cleanup() { setFusedCouplingNetEnabled(true); }

  // Shapes of the small preset's three scales, the paper's hidden width on RGB, and odd ones:
  // image rows that are not a multiple of the six-pixel register tile, single pixels, channel
  // counts that are not multiples of anything, taps that fill a partial register.
  void matchesConv2dInDouble_data() {
    QTest::addColumn<int>("cin");
    QTest::addColumn<int>("hidden");
    QTest::addColumn<int>("cout");
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("width");
    QTest::newRow("scale 1") << 2 << 128 << 4 << 16 << 16;
    QTest::newRow("scale 2") << 4 << 128 << 8 << 8 << 8;
    QTest::newRow("scale 3") << 8 << 128 << 16 << 4 << 4;
    QTest::newRow("RGB, hidden 512") << 6 << 512 << 12 << 8 << 8;
    QTest::newRow("odd sizes") << 3 << 48 << 6 << 5 << 7;
    QTest::newRow("one pixel") << 1 << 16 << 2 << 1 << 1;
    QTest::newRow("a column") << 2 << 16 << 2 << 7 << 1;
  }
  void matchesConv2dInDouble() {
    QFETCH(int, cin);
    QFETCH(int, hidden);
    QFETCH(int, cout);
    QFETCH(int, height);
    QFETCH(int, width);
    at::Generator g = at::detail::createCPUGenerator(11);
    const FoldedCouplingNet net = randomNet(cin, hidden, cout, g);
    // a channel slice, as the coupling passes its conditioning half
    const at::Tensor x = at::randn({3, 2 * cin, height, width}, g).slice(1, 0, cin);
    at::NoGradGuard noGrad;
    QVERIFY(fusedCouplingNetApplies(x, hidden));
    const at::Tensor expected = referenceNet(x, net);
    const at::Tensor actual = fusedCouplingNet(x, net);
    QCOMPARE(actual.sizes(), expected.sizes());
    QVERIFY(actual.is_contiguous());
    const double scale = expected.abs().max().item<double>();
    QVERIFY(scale > 0.1);  // the check below is not vacuous
    QVERIFY((actual.to(at::kDouble) - expected).abs().max().item<double>() < 1e-5 * scale);
  }

  // The coupling's elementwise part inside the kernel (its own exp and log): output and log-det
  // against the ATen route, with raw scales from about -18 to 30 (both branches of the sigmoid,
  // exp(-|r|) from 1 down to 1e-13) on 35 pixels (a masked tail); a NaN in the conditioning half
  // stays a NaN in that image's log-det and nowhere else.
  void affineCouplingMatchesTheAtenRoute() {
    at::Generator g = at::detail::createCPUGenerator(3);
    auto net = std::make_shared<ConvCouplingNetImpl>(6, 32, g);
    AffineCoupling coupling(net);
    {
      at::NoGradGuard noGrad;
      for (auto& p : coupling->parameters()) p.add_(at::randn(p.sizes(), g) * 0.2);
      net->zeroBias.copy_(at::linspace(-30, 30, 6));
    }
    at::Tensor x = at::randn({5, 6, 5, 7}, g);
    at::NoGradGuard noGrad;
    const FlowResult fused = coupling->forward(x);
    setFusedCouplingNetEnabled(false);
    const FlowResult plain = coupling->forward(x);
    QVERIFY(plain.logDet.std().item<double>() > 0.1);  // depends on the input
    auto worst = [](const at::Tensor& a, const at::Tensor& b) {
      return (a - b).abs().max().item<double>() / b.abs().max().item<double>();
    };
    QVERIFY(worst(fused.output, plain.output) < 1e-5);
    QVERIFY(worst(fused.logDet, plain.logDet) < 1e-5);
    setFusedCouplingNetEnabled(true);
    x[2][0][1][1] = std::numeric_limits<float>::quiet_NaN();
    const at::Tensor logDet = coupling->forward(x).logDet;
    QVERIFY(std::isnan(logDet[2].item<float>()));
    for (int image : {0, 1, 3, 4}) QVERIFY(std::isfinite(logDet[image].item<float>()));
  }

  void refusesWeightsOfAnotherType() {
    at::Generator g = at::detail::createCPUGenerator(4);
    FoldedCouplingNet net = randomNet(2, 16, 4, g);
    net.conv2Weight = net.conv2Weight.to(at::kDouble);
    at::NoGradGuard noGrad;
    QVERIFY_THROWS_EXCEPTION(c10::Error, fusedCouplingNet(at::zeros({1, 2, 4, 4}), net));
  }

  void appliesOnlyWithoutGradientsOnFloatCpuTensors() {
    const at::Tensor x = at::zeros({1, 2, 4, 4});
    QVERIFY(!fusedCouplingNetApplies(x, 16));  // gradients recorded (the test's default)
    at::NoGradGuard noGrad;
    QVERIFY(fusedCouplingNetApplies(x, 16));
    QVERIFY(!fusedCouplingNetApplies(x.to(at::kDouble), 16));
    QVERIFY(!fusedCouplingNetApplies(x, 24));  // hidden not a whole number of registers
    setFusedCouplingNetEnabled(false);
    QVERIFY(!fusedCouplingNetApplies(x, 16));
  }

  // The default experiment's architecture (the `small` conv preset, 1x32x32) with the coupling
  // nets perturbed away from their zero initialisation: log p and every c_i with the fused nets
  // equal those through oneDNN to float rounding.
  void glowScoresMatchTheOneDnnRoute() {
    FlowModel model = createFlowModel(modelPreset("small", FlowType::Conv, 1, 32, 32));
    initializeActNorms(*model, at::rand({16, 1, 32, 32}) - 0.5);
    testing::perturbParameters(*model, 0.01, 5);
    const at::Tensor x = at::rand({8, 1, 32, 32}) - 0.5;
    c10::InferenceMode inference;
    const FlowOutput fused = model->forward(x);
    setFusedCouplingNetEnabled(false);
    const FlowOutput plain = model->forward(x);
    const double spread =
        (plain.logLikelihoodNats.max() - plain.logLikelihoodNats.min()).item<double>();
    QVERIFY(spread > 1.0);  // the couplings depend on their input
    // float rounding of sums over ~10^3 terms of a log p of several thousand nats
    const double tolerance = 1e-5 * plain.logLikelihoodNats.abs().max().item<double>();
    QVERIFY((fused.logLikelihoodNats - plain.logLikelihoodNats).abs().max().item<double>() <
            tolerance);
    QCOMPARE(fused.scaleLogLikelihoodNats.size(), plain.scaleLogLikelihoodNats.size());
    for (size_t i = 0; i < plain.scaleLogLikelihoodNats.size(); ++i) {
      const at::Tensor difference =
          fused.scaleLogLikelihoodNats[i] - plain.scaleLogLikelihoodNats[i];
      QVERIFY(difference.abs().max().item<double>() < tolerance);
    }
  }
};

QTEST_APPLESS_MAIN(TestCouplingNetCpu)
#include "tst_coupling_net_cpu.moc"
