#include <QtTest/QtTest>

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <ATen/core/grad_mode.h>

#include "core/flows/invconv.h"

using namespace glowscope;

class TestInvConv : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void initialWeightIsOrthogonal() {
    at::Generator generator = at::detail::createCPUGenerator(1);
    InvConvLU conv(6, generator);
    at::Tensor w = conv->weight();
    QVERIFY((w.matmul(w.t()) - at::eye(6)).abs().max().item<float>() < 1e-5f);
  }

  void logDetIsSlogdetTimesPositions() {
    at::Generator generator = at::detail::createCPUGenerator(2);
    InvConvLU conv(4, generator);
    {
      at::NoGradGuard noGrad;  // move away from the orthogonal init: |det| != 1
      for (auto& p : conv->parameters()) p.add_(at::randn(p.sizes(), generator) * 0.3);
      conv->logS.add_(0.25);
    }
    at::Tensor x = at::randn({3, 4, 5, 7});
    FlowResult out = conv->forward(x);
    const double slogdet =
        std::get<1>(at::linalg_slogdet(conv->weight().to(at::kDouble))).item<double>();
    QVERIFY(std::abs(slogdet) > 0.1);
    QVERIFY(std::abs(out.logDet[2].item<double>() - slogdet * 35) < 1e-3);
    // y_c = sum_k W[c,k] x_k at each position.
    at::Tensor expected = at::einsum("ck,bkhw->bchw", {conv->weight(), x});
    QVERIFY((out.output - expected).abs().max().item<float>() < 1e-5f);
    FlowResult back = conv->inverse(out.output);
    QVERIFY((back.output - x).abs().max().item<float>() < 1e-4f);
    QVERIFY(at::allclose(back.logDet, out.logDet));
  }

  void parametersAreLuFactors() {
    at::Generator generator = at::detail::createCPUGenerator(3);
    InvConvLU conv(5, generator);
    QCOMPARE(conv->parameters().size(), size_t{3});
    QCOMPARE(conv->lower.numel() + conv->upper.numel() + conv->logS.numel(), int64_t{55});
  }

  void fixedOrthogonal() {
    at::Generator generator = at::detail::createCPUGenerator(4);
    FixedOrthogonal mixing(32, generator);
    QVERIFY(mixing->parameters().empty());
    at::Tensor x = at::randn({4, 32});
    FlowResult out = mixing->forward(x);
    QVERIFY(std::abs(out.logDet[0].item<float>()) < 1e-4f);
    QVERIFY((mixing->inverse(out.output).output - x).abs().max().item<float>() < 1e-5f);
  }
};

QTEST_APPLESS_MAIN(TestInvConv)
#include "tst_invconv.moc"
