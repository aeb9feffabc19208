// The training losses (Eq. 2 and the others) on hand-made log-likelihoods: values, gradients and
// numerical stability.
#include <ATen/ATen.h>
#include <QtTest>

#include <cmath>

#include "core/flows/bits_per_dim.h"
#include "core/training/losses.h"

using namespace glowscope;

class TestLosses : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void likelihoodInNatsAndBitsPerDim() {
    const int64_t dims = 4;
    // log p = D ln 256 − 2·D ln 2  →  NLL = 2·D·ln 2 nats = 2 bits/dim.
    const double logp = dims * std::log(256.0) - 2 * dims * std::log(2.0);
    const at::Tensor nll = maximumLikelihoodLoss(at::full({3}, logp, at::kDouble), dims);
    QVERIFY(std::fabs(nll.item<double>() - 2 * dims * std::log(2.0)) < 1e-12);
    QVERIFY(std::fabs(bitsPerDim(logp, dims) - 2.0) < 1e-12);
  }

  void outlierLossSanityValue() {
    const at::Tensor value = outlierLoss(at::tensor({10.0}, at::kDouble),
                                         at::tensor({0.0}, at::kDouble), OutlierLossOptions{});
    QVERIFY2(std::fabs(value.item<double>() - 4188.96) < 0.01,
             qPrintable(QString::number(value.item<double>(), 'f', 4)));
  }

  void outlierGradientPushesTrainedDownAndMatchesFiniteDifference() {
    at::Tensor trained = at::tensor({10.0, -300.0, 2500.0}, at::kDouble).set_requires_grad(true);
    at::Tensor frozen = at::tensor({0.0, 100.0, -200.0}, at::kDouble).set_requires_grad(true);
    const OutlierLossOptions options;
    outlierLoss(trained, frozen, options).backward();
    QVERIFY(!frozen.grad().defined() || frozen.grad().abs().sum().item<double>() == 0);
    const at::Tensor grad = trained.grad();
    for (int64_t i = 0; i < 3; ++i) {
      QVERIFY(grad[i].item<double>() > 0);  // descent lowers log p_in(x_g) relative to log p_g
      const double h = 1e-3;
      at::Tensor plus = trained.detach().clone(), minus = trained.detach().clone();
      plus[i] += h;
      minus[i] -= h;
      const double numeric = (outlierLoss(plus, frozen, options).item<double>() -
                              outlierLoss(minus, frozen, options).item<double>()) /
                             (2 * h);
      QVERIFY2(
          std::fabs(numeric - grad[i].item<double>()) < 1e-6 * std::max(1.0, std::fabs(numeric)),
          qPrintable(QString("%1 vs %2").arg(numeric).arg(grad[i].item<double>())));
    }
  }

  void outlierLossStableForThousandsOfNats() {
    at::Tensor trained = at::tensor({60000.0f, -60000.0f, 5000.0f}).set_requires_grad(true);
    const at::Tensor frozen = at::zeros({3});
    const at::Tensor value = outlierLoss(trained, frozen, OutlierLossOptions{});
    value.backward();
    QVERIFY(std::isfinite(value.item<float>()));
    QVERIFY(at::isfinite(trained.grad()).all().item<bool>());
    // Linear regime: softplus(60) = 60, so that entry contributes 6000·60/3.
    QVERIFY(std::fabs(value.item<float>() - 6000.0f * (60.0f + 0.0f + 5.0067153f) / 3) < 1.0f);
    // Gradient λ/(T·B) in the linear regime, ≈ 0 far below.
    QVERIFY(std::fabs(trained.grad()[0].item<float>() - 2.0f) < 1e-5f);
    QVERIFY(std::fabs(trained.grad()[1].item<float>()) < 1e-10f);
  }

  void marginLossPairsFirstExamplesAndDetachesInliers() {
    at::Tensor inlier = at::tensor({100.0, 200.0, 300.0}, at::kDouble).set_requires_grad(true);
    at::Tensor outlier = at::tensor({150.0, 500.0}, at::kDouble).set_requires_grad(true);
    const at::Tensor value = marginLoss(inlier, outlier, 100.0);
    // pairs: relu(100+100−150)=50, relu(100+200−500)=0 → mean 25
    QCOMPARE(value.item<double>(), 25.0);
    value.backward();
    QVERIFY(!inlier.grad().defined());
    QCOMPARE(outlier.grad()[0].item<double>(), -0.5);
    QCOMPARE(outlier.grad()[1].item<double>(), 0.0);
  }

  void supervisedLossMeanOverAllEntries() {
    const int64_t dims = 2;
    const double shift = dims * std::log(256.0);
    // B=2, K=3; labels 0 and 2. General model log p = 0; class log-likelihoods in nats.
    const at::Tensor perClass =
        at::tensor({10.0, 1000.0, -2000.0, 5.0, 0.0, 3.0}, at::kDouble).view({2, 3});
    const at::Tensor labels = at::tensor({0, 2}, at::kLong);
    const at::Tensor general = at::zeros({2}, at::kDouble);
    const SupervisedLossParts parts = supervisedLoss(perClass, labels, general, dims, {});
    QVERIFY(std::fabs(parts.trueClassNll.item<double>() - (shift - 10.0 + shift - 3.0) / 2) < 1e-9);
    auto sp = [](double x) { return std::log1p(std::exp(x)); };
    const double expected = 6000 * (sp(1.0) + sp(-2.0) + sp(0.005) + sp(0.0)) / 6;
    QVERIFY(std::fabs(parts.wrongClassTerm.item<double>() - expected) < 1e-6);
    // An infinite true-class entry must not leak NaN into the wrong-class term.
    at::Tensor withInf = perClass.clone();
    withInf[0][0] = std::numeric_limits<double>::infinity();
    const auto inf = supervisedLoss(withInf, labels, general, dims, {});
    QVERIFY(std::isfinite(inf.wrongClassTerm.item<double>()));
  }

  void mixtureIsLogMeanExp() {
    const at::Tensor perClass = at::tensor({-1000.0, -1000.0}, at::kDouble).view({1, 2});
    QVERIFY(std::fabs(mixtureLogLikelihood(perClass).item<double>() + 1000.0) < 1e-9);
  }
};

QTEST_APPLESS_MAIN(TestLosses)
#include "tst_losses.moc"
