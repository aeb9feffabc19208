#include <QtTest/QtTest>

#include <ATen/ATen.h>

#include "core/flows/actnorm.h"

using namespace glowscope;

class TestActNorm : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void dataInitPerChannel() {
    ActNorm actNorm(ActNormOptions{3});
    at::Tensor x = at::randn({16, 3, 5, 5}) * at::tensor({2.0f, 0.5f, 7.0f}).view({1, 3, 1, 1}) +
                   at::tensor({1.0f, -3.0f, 0.2f}).view({1, 3, 1, 1});
    QVERIFY(!actNorm->initialized());
    actNorm->armDataInit();
    at::Tensor y = actNorm->forward(x).output;
    QVERIFY(actNorm->initialized());
    at::Tensor mean = y.mean({0, 2, 3});
    at::Tensor std = y.std({0, 2, 3}, true);
    QVERIFY(mean.abs().max().item<float>() < 1e-5f);
    QVERIFY((std - 1).abs().max().item<float>() < 1e-5f);
    // Disarmed after one forward: a second batch does not re-initialise.
    at::Tensor before = actNorm->bias.clone();
    actNorm->forward(x * 3);
    QVERIFY(at::equal(before, actNorm->bias));
  }

  void dataInitPerDimension() {
    ActNorm actNorm(ActNormOptions{6, 1e-8});
    at::Tensor x = at::randn({32, 6}) * 4 + 2;
    actNorm->armDataInit();
    at::Tensor y = actNorm->forward(x).output;
    QVERIFY(y.mean(0).abs().max().item<float>() < 1e-5f);
    QVERIFY((y.std(0, true) - 1).abs().max().item<float>() < 1e-4f);
  }

  void logDetAndInverse() {
    ActNorm actNorm(ActNormOptions{2});
    actNorm->logScale.data().copy_(at::tensor({0.3f, -1.1f}));
    actNorm->bias.data().copy_(at::tensor({0.5f, 2.0f}));
    at::Tensor x = at::randn({4, 2, 3, 5});
    FlowResult forward = actNorm->forward(x);
    QCOMPARE(forward.logDet.sizes(), (at::IntArrayRef{4}));
    QVERIFY(std::abs(forward.logDet[0].item<float>() - 15 * (0.3f - 1.1f)) < 1e-5f);
    at::Tensor expected = (x + at::tensor({0.5f, 2.0f}).view({1, 2, 1, 1})) *
                          at::tensor({0.3f, -1.1f}).exp().view({1, 2, 1, 1});
    QVERIFY((forward.output - expected).abs().max().item<float>() < 1e-6f);
    FlowResult back = actNorm->inverse(forward.output);
    QVERIFY((back.output - x).abs().max().item<float>() < 1e-5f);
    QVERIFY(at::allclose(back.logDet, forward.logDet));
  }

  void epsVariantUsesLogOfScale() {
    ActNorm actNorm(ActNormOptions{3, 0.5});
    actNorm->logScale.data().copy_(at::tensor({0.0f, 1.0f, -2.0f}));
    FlowResult out = actNorm->forward(at::randn({2, 3}));
    const double expected =
        std::log(1.5) + std::log(std::exp(1.0) + 0.5) + std::log(std::exp(-2.0) + 0.5);
    QVERIFY(std::abs(out.logDet[1].item<double>() - expected) < 1e-5);
  }
};

QTEST_APPLESS_MAIN(TestActNorm)
#include "tst_actnorm.moc"
