#include <QtTest/QtTest>

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <ATen/core/grad_mode.h>
#include <torch/csrc/autograd/autograd.h>

#include <cmath>

#include "core/flows/coupling.h"
#include "core/flows/coupling_convs.h"

using namespace glowscope;

class TestCoupling : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void atInitScalesSecondHalfBySigmoidTwo() {
    at::Generator generator = at::detail::createCPUGenerator(1);
    AffineCoupling coupling(std::make_shared<ConvCouplingNetImpl>(4, 8, generator));
    at::Tensor x = at::randn({2, 4, 3, 3});
    FlowResult out = coupling->forward(x);
    const float s = 1.0f / (1.0f + std::exp(-2.0f));
    QVERIFY(at::equal(out.output.slice(1, 0, 2), x.slice(1, 0, 2)));
    QVERIFY((out.output.slice(1, 2, 4) - x.slice(1, 2, 4) * s).abs().max().item<float>() < 1e-6f);
    // -0.1269 nats per transformed element (2 channels x 9 positions).
    QVERIFY(std::abs(out.logDet[0].item<float>() - 18 * std::log(s)) < 1e-4f);
  }

  void evenChannelsShiftOddChannelsScale() {
    at::Generator generator = at::detail::createCPUGenerator(2);
    auto net = std::make_shared<ConvCouplingNetImpl>(4, 8, generator);
    AffineCoupling coupling(net);
    {
      at::NoGradGuard noGrad;  // NN output = bias: shifts (1, 2) and raw scales (0, -2)
      net->zeroBias.copy_(at::tensor({1.0f, 0.0f, 2.0f, -2.0f}));
    }
    at::Tensor x = at::randn({1, 4, 2, 2});
    FlowResult out = coupling->forward(x);
    const double s0 = 1.0 / (1.0 + std::exp(-2.0)), s1 = 0.5;
    at::Tensor y2 = out.output.slice(1, 2, 4);
    at::Tensor x2 = x.slice(1, 2, 4);
    QVERIFY(((x2[0][0] + 1.0) * s0 - y2[0][0]).abs().max().item<float>() < 1e-5f);
    QVERIFY(((x2[0][1] + 2.0) * s1 - y2[0][1]).abs().max().item<float>() < 1e-5f);
    QVERIFY(std::abs(out.logDet[0].item<double>() - 4 * (std::log(s0) + std::log(s1))) < 1e-4);
  }

  // The thin 3x3 convolutions run as columns + 1x1 (few inputs) or 1x1 to taps + tap sums (few
  // outputs): the same function as at::conv2d, and the same gradients for input and weight.
  void conv3x3SameMatchesConv2dWithGradients_data() {
    QTest::addColumn<int>("inChannels");
    QTest::addColumn<int>("outChannels");
    QTest::newRow("few inputs") << 2 << 16;
    QTest::newRow("few outputs") << 16 << 4;
    QTest::newRow("neither") << 8 << 8;
  }
  void conv3x3SameMatchesConv2dWithGradients() {
    QFETCH(int, inChannels);
    QFETCH(int, outChannels);
    at::Tensor x = at::randn({3, inChannels, 5, 7}, at::kDouble).requires_grad_(true);
    at::Tensor w = at::randn({outChannels, inChannels, 3, 3}, at::kDouble).requires_grad_(true);
    at::Tensor upstream = at::randn({3, outChannels, 5, 7}, at::kDouble);
    at::Tensor bias = at::randn({outChannels}, at::kDouble).requires_grad_(true);
    at::Tensor expected = at::conv2d(x, w, bias, 1, 1);
    const auto expectedGrads = torch::autograd::grad({expected}, {x, w, bias}, {upstream});
    at::Tensor actual = conv3x3Same(x, w, bias);
    const auto grads = torch::autograd::grad({actual}, {x, w, bias}, {upstream});
    QVERIFY((actual - expected).abs().max().item<double>() < 1e-12);
    for (int i = 0; i < 3; ++i)
      QVERIFY((grads[i] - expectedGrads[i]).abs().max().item<double>() < 1e-12);
    {
      at::NoGradGuard noGrad;  // the bias then goes into the convolution itself
      QVERIFY((conv3x3Same(x, w, bias) - expected).abs().max().item<double>() < 1e-12);
    }
    // float, the training precision, on a non-contiguous input (a channel slice, as the
    // coupling passes its conditioning half)
    at::Tensor wide = at::randn({3, 2 * inChannels, 5, 7});
    at::Tensor half = wide.slice(1, 0, inChannels);
    at::Tensor wf = w.detach().to(at::kFloat);
    QVERIFY((conv3x3Same(half, wf, {}) - at::conv2d(half, wf, {}, 1, 1)).abs().max().item<float>() <
            1e-4f);
  }

  void inverseRoundTripWithTrainedLookingNets() {
    at::Generator generator = at::detail::createCPUGenerator(3);
    for (bool dense : {false, true}) {
      std::shared_ptr<CouplingNetImpl> net;
      if (dense)
        net = std::make_shared<MlpCouplingNetImpl>(12, 16, generator);
      else
        net = std::make_shared<ConvCouplingNetImpl>(6, 16, generator);
      AffineCoupling coupling(net);
      {
        at::NoGradGuard noGrad;
        for (auto& p : coupling->parameters()) p.add_(at::randn(p.sizes(), generator) * 0.2);
      }
      at::Tensor x = dense ? at::randn({5, 12}) : at::randn({5, 6, 4, 4});
      FlowResult out = coupling->forward(x);
      FlowResult back = coupling->inverse(out.output);
      QVERIFY((back.output - x).abs().max().item<float>() < 1e-4f);
      QVERIFY(at::allclose(back.logDet, out.logDet));
      QVERIFY(out.logDet.std().item<float>() > 0);  // depends on the input now
    }
  }
};

QTEST_APPLESS_MAIN(TestCoupling)
#include "tst_coupling.moc"
