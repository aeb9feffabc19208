// Adamax against a hand-computed update (two steps, coupled weight decay) and state round trip.
#include <ATen/ATen.h>
#include <torch/serialize/archive.h>
#include <QtTest>

#include <cmath>
#include <sstream>

#include "core/training/adamax.h"

using namespace glowscope;

class TestAdamax : public QObject {
  Q_OBJECT

 private:
  // Loss sum(a·p): gradient a; wd 0.1 adds 0.1·p. Element 1 has a large gradient so that in step
  // two |g|+eps beats β2·u (the max picks the new gradient); element 0 keeps the decayed u.
  static at::Tensor slopes() { return at::tensor({0.5, 20.0}, at::kDouble); }
  static void backwardLinear(const at::Tensor& p) {
    if (p.grad().defined()) p.mutable_grad().zero_();
    (p * slopes()).sum().backward();
  }

 private Q_SLOTS:
  void twoStepsMatchHandComputation() {
    at::Tensor p = at::tensor({1.0, -2.0}, at::kDouble).set_requires_grad(true);
    Adamax optimizer({p}, AdamaxOptions(0.1).weight_decay(0.1));
    // Hand computation, element by element, of torch.optim.Adamax's rule.
    const double lr = 0.1, wd = 0.1, b1 = 0.9, b2 = 0.999, eps = 1e-8;
    double param[2] = {1.0, -2.0}, m[2] = {0, 0}, u[2] = {0, 0};
    const double a[2] = {0.5, 20.0};
    bool newGradientWon[2] = {false, false};
    for (int step = 1; step <= 2; ++step) {
      for (int i = 0; i < 2; ++i) {
        const double g = a[i] + wd * param[i];
        m[i] = b1 * m[i] + (1 - b1) * g;
        const double decayed = b2 * u[i], fresh = std::fabs(g) + eps;
        newGradientWon[i] = fresh > decayed;
        u[i] = std::max(decayed, fresh);
        param[i] -= lr / (1 - std::pow(b1, step)) * m[i] / u[i];
      }
      backwardLinear(p);
      optimizer.step();
      QVERIFY(std::fabs(p[0].item<double>() - param[0]) < 1e-12);
      QVERIFY(std::fabs(p[1].item<double>() - param[1]) < 1e-12);
    }
    QVERIFY(!newGradientWon[0]);  // both branches of the max were exercised
    QVERIFY(newGradientWon[1]);
    // Step one moves every weight by ≈ lr·sign(g) (the fine-tuning hazard in the spec).
    QVERIFY(std::fabs(param[0] - 0.8) < 0.05);
  }

  void stateRoundTripContinuesIdentically() {
    at::Tensor p = at::tensor({0.3, -0.7, 1.1}, at::kDouble).set_requires_grad(true);
    Adamax optimizer({p}, AdamaxOptions(0.01).weight_decay(5e-5));
    for (int i = 0; i < 3; ++i) {
      if (p.grad().defined()) p.mutable_grad().zero_();
      (p * p * p).sum().backward();
      optimizer.step();
    }
    torch::serialize::OutputArchive out;
    optimizer.save(out);
    std::ostringstream bytes;
    out.save_to(bytes);

    at::Tensor q = p.detach().clone().set_requires_grad(true);
    Adamax restored({q}, AdamaxOptions(0.5));  // options must come from the archive
    torch::serialize::InputArchive in;
    std::istringstream stream(bytes.str());
    in.load_from(stream);
    restored.load(in);
    QCOMPARE(restored.param_groups()[0].options().get_lr(), 0.01);
    for (auto* pair : {&p, &q}) {
      if (pair->grad().defined()) pair->mutable_grad().zero_();
      ((*pair) * (*pair) * (*pair)).sum().backward();
    }
    optimizer.step();
    restored.step();
    QVERIFY(at::equal(p, q));
  }

  // Float parameters on the CPU take the fused one-pass update; a non-contiguous one takes the
  // ATen ops. Both must follow the same rule (the hand computation above checks the ATen path).
  void fusedUpdateMatchesTheAtenOps() {
    at::manual_seed(7);  // the draws below do not depend on what earlier test functions drew
    at::Tensor start = at::randn({5, 7}) * 0.5;
    at::Tensor fused = start.clone().set_requires_grad(true);
    at::Tensor strided = start.t().contiguous().t().set_requires_grad(true);  // same values
    QVERIFY(!strided.is_contiguous());
    Adamax a({fused}, AdamaxOptions(0.05).weight_decay(0.01));
    Adamax b({strided}, AdamaxOptions(0.05).weight_decay(0.01));
    const at::Tensor slopes = at::randn({5, 7}) * at::linspace(0.1, 30, 35).view({5, 7});
    at::Tensor largestMove = at::zeros({5, 7});
    for (int step = 0; step < 4; ++step) {
      for (at::Tensor* p : {&fused, &strided}) {
        if (p->grad().defined()) p->mutable_grad().zero_();
        ((*p) * (*p) * slopes).sum().backward();
      }
      QVERIFY(!strided.grad().is_contiguous());
      a.step();
      b.step();
      const double difference = (fused - strided).abs().max().item<double>();
      QVERIFY2(difference < 1e-6, qPrintable(QString::number(difference)));
      largestMove = at::maximum(largestMove, (fused - start).abs().detach());
    }
    // Every weight moved at some step (a weight may oscillate back near its start by step 4).
    QVERIFY(largestMove.min().item<double>() > 1e-3);
  }

  void parametersWithoutGradientStayPut() {
    at::Tensor used = at::ones({2}, at::kFloat).set_requires_grad(true);
    at::Tensor unused = at::ones({2}, at::kFloat).set_requires_grad(true);
    Adamax optimizer({used, unused}, AdamaxOptions(0.1).weight_decay(0.1));
    (used * 2).sum().backward();
    optimizer.step();
    QVERIFY(at::equal(unused, at::ones({2})));
    QVERIFY(!at::equal(used, at::ones({2})));
  }
};

QTEST_APPLESS_MAIN(TestAdamax)
#include "tst_adamax.moc"
