// The discretised logistic mixture on hand-made parameters (no network): values computed by hand,
// normalisation over the 256 values of a sub-pixel, and the sampler against the probabilities.
#include <QtTest/QtTest>

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>

#include <cmath>
#include <vector>

#include "core/models/logistic_mixture.h"
#include "core/util/errors.h"

using namespace glowscope;

namespace {

// One pixel's network output (1, P, 1, 1) from its values in the documented order.
at::Tensor pixelOutput(const std::vector<float>& values) {
  return at::tensor(values).view({1, static_cast<std::int64_t>(values.size()), 1, 1});
}

at::Tensor onePixel(const std::vector<int>& subPixels) {
  std::vector<std::int64_t> values(subPixels.begin(), subPixels.end());
  return at::tensor(values).to(at::kByte).view({1, static_cast<std::int64_t>(values.size()), 1, 1});
}

// log P(x_c = v | x_<c) of one pixel for v = 0..255 with the other sub-pixels fixed: (256).
at::Tensor conditionalOverValues(const LogisticMixture& mixture, std::vector<int> subPixels,
                                 int channel) {
  std::vector<at::Tensor> rows;
  for (int v = 0; v < 256; ++v) {
    subPixels[channel] = v;
    rows.push_back(subPixelLogProbabilities(mixture, onePixel(subPixels)).flatten()[channel]);
  }
  return at::stack(rows);
}

// The same pixel's mixture repeated n times along the batch.
LogisticMixture expandMixture(const LogisticMixture& m, std::int64_t n) {
  LogisticMixture many;
  many.logWeights = m.logWeights.expand({n, -1, -1, -1});
  many.means = m.means.expand({n, -1, -1, -1, -1});
  many.logScales = m.logScales.expand({n, -1, -1, -1, -1});
  many.coefficients = m.coefficients.expand({n, -1, -1, -1, -1});
  return many;
}

}  // namespace

class TestLogisticMixture : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  // Tiny models gain nothing from a second thread, and on a busy 2-core machine OpenMP's
  // spinning made this suite 30x slower with two (3 s against 90 s).
  void initTestCase() { at::set_num_threads(1); }

  // Grey, one logistic, mean 0.1, log s = -3: P(k) = sigma((x_k + 1/255 - 0.1)/s) -
  // sigma((x_k - 1/255 - 0.1)/s) with x_k = k/127.5 - 1, the edge bins taking the tails. The
  // expected values were evaluated in double precision from that formula (python3 math).
  void handComputedGreyOneLogistic_data() {
    QTest::addColumn<int>("pixel");
    QTest::addColumn<double>("expectedNats");
    QTest::newRow("interior 140") << 140 << -3.235314693673642;
    QTest::newRow("interior 128") << 128 << -4.048678515013661;
    QTest::newRow("edge 0") << 0 << -22.01532380431766;
    QTest::newRow("edge 255") << 255 << -17.998216427829934;
  }
  void handComputedGreyOneLogistic() {
    QFETCH(int, pixel);
    QFETCH(double, expectedNats);
    const LogisticMixture mixture = splitMixtureOutput(pixelOutput({0.7f, 0.1f, -3.0f}), 1, 1);
    const double got = subPixelLogProbabilities(mixture, onePixel({pixel})).item<double>();
    QVERIFY2(std::abs(got - expectedNats) < 2e-5 * std::max(1.0, std::abs(expectedNats)),
             qPrintable(QString("got %1, expected %2").arg(got, 0, 'g', 10).arg(expectedNats)));
  }

  // RGB, one logistic: means (0.5, -0.2, 0.3), log-scales (-2, -2.5, -1.5), raw coefficients
  // (0.4, -0.3, 0.8) for (g|r, b|r, b|g); pixel (200, 100, 30). The G mean is
  // -0.2 + tanh(0.4) x_r and the B mean 0.3 + tanh(-0.3) x_r + tanh(0.8) x_g (Eq. 3).
  void handComputedRgbOneLogistic() {
    const LogisticMixture mixture = splitMixtureOutput(
        pixelOutput({0.0f, 0.5f, -0.2f, 0.3f, -2.0f, -2.5f, -1.5f, 0.4f, -0.3f, 0.8f}), 3, 1);
    const at::Tensor terms = subPixelLogProbabilities(mixture, onePixel({200, 100, 30})).flatten();
    const double expected[3] = {-4.298076162892245, -5.286419250730687, -6.801962199936813};
    for (int c = 0; c < 3; ++c)
      QVERIFY2(std::abs(terms[c].item<double>() - expected[c]) < 1e-4,
               qPrintable(QString("sub-pixel %1: %2 vs %3")
                              .arg(c)
                              .arg(terms[c].item<double>())
                              .arg(expected[c])));
  }

  // Grey, two logistics: logits (0.3, -0.5), means (-0.4, 0.2), log-scales (-2, -3), pixel 90:
  // log(pi_1 P_1(90) + pi_2 P_2(90)).
  void handComputedGreyMixture() {
    const LogisticMixture mixture =
        splitMixtureOutput(pixelOutput({0.3f, -0.5f, -0.4f, 0.2f, -2.0f, -3.0f}), 1, 2);
    const double got = subPixelLogProbabilities(mixture, onePixel({90})).item<double>();
    QVERIFY2(std::abs(got - -4.75454968962874) < 1e-5, qPrintable(QString::number(got)));
  }

  // Every parameter regime, including the ones where sigma(a) - sigma(b) cancels in float32: a
  // bin far in a tail, the smallest scale (log s = -7), a scale far wider than [-1, 1], means
  // outside the range.
  void singleLogisticSumsToOne_data() {
    QTest::addColumn<float>("mean");
    QTest::addColumn<float>("logScale");
    QTest::newRow("centre") << 0.0f << -2.0f;
    QTest::newRow("narrowest on a bin centre") << 0.2f << -7.0f;
    QTest::newRow("narrowest on a bin edge") << float(1.0 / 255.0) << -7.0f;
    QTest::newRow("clamped below -7") << -0.3f << -12.0f;
    QTest::newRow("near the top edge") << 0.97f << -4.0f;
    QTest::newRow("near the bottom edge") << -0.99f << -5.0f;
    QTest::newRow("mean far above") << 6.0f << -1.0f;
    QTest::newRow("mean far below") << -9.0f << -3.0f;
    QTest::newRow("very wide") << 0.1f << 4.0f;
    QTest::newRow("extremely wide") << -0.5f << 30.0f;
  }
  void singleLogisticSumsToOne() {
    QFETCH(float, mean);
    QFETCH(float, logScale);
    const at::Tensor values = at::arange(256, at::kInt);
    const at::Tensor logP = discretizedLogisticLogProb(values, at::full({256}, mean),
                                                       at::full({256}, logScale).clamp_min(-7.0));
    QVERIFY(at::isfinite(logP).all().item<bool>());
    const double total = logP.to(at::kDouble).exp().sum().item<double>();
    QVERIFY2(std::abs(total - 1.0) < 1e-5, qPrintable(QString::number(total - 1.0, 'g', 6)));
  }

  // The conditional of each sub-pixel given the earlier ones (the later ones fixed, as they do
  // not enter) is a distribution too, for random RGB mixtures: that is what makes the
  // per-sub-pixel terms conditionals of one joint distribution.
  void rgbConditionalsSumToOne() {
    at::Generator generator = at::detail::createCPUGenerator(3);
    for (int trial = 0; trial < 6; ++trial) {
      const at::Tensor raw = at::randn({1, 40, 1, 1}, generator) * 1.5;  // K = 4
      const LogisticMixture mixture = splitMixtureOutput(raw, 3, 4);
      const std::vector<int> pixel{static_cast<int>(trial * 40), 17 + trial * 35, 250 - trial * 9};
      for (int c = 0; c < 3; ++c) {
        const double total =
            conditionalOverValues(mixture, pixel, c).to(at::kDouble).exp().sum().item<double>();
        QVERIFY2(std::abs(total - 1.0) < 1e-5,
                 qPrintable(QString("trial %1 channel %2: %3").arg(trial).arg(c).arg(total - 1.0)));
      }
    }
  }

  // 40,000 draws of a grey two-logistic mixture: frequencies against probabilities (total
  // variation below 0.02; about 0.01 is expected from the sample size alone).
  void samplerMatchesGreyProbabilities() {
    const LogisticMixture mixture =
        splitMixtureOutput(pixelOutput({0.3f, -0.5f, -0.4f, 0.9f, -3.0f, -4.0f}), 1, 2);
    const std::int64_t n = 40000;
    const at::Tensor draws =
        sampleLogisticMixture(expandMixture(mixture, n), at::detail::createCPUGenerator(11));
    const at::Tensor frequency =
        at::bincount(draws.flatten().to(at::kLong), {}, 256).to(at::kDouble) / n;
    const at::Tensor values = at::arange(256).to(at::kByte).view({256, 1, 1, 1});
    const at::Tensor probability = subPixelLogProbabilities(expandMixture(mixture, 256), values)
                                       .flatten()
                                       .to(at::kDouble)
                                       .exp();
    const double totalVariation = 0.5 * (frequency - probability).abs().sum().item<double>();
    QVERIFY2(totalVariation < 0.02, qPrintable(QString::number(totalVariation)));
  }

  // RGB, two narrow logistics with strong sub-pixel coefficients: the joint mass lies on a few
  // dozen (r, g, b), so the frequency of every drawn pixel can be compared with its probability
  // (total variation, the undrawn mass counted; about 0.015 is expected from 50,000 draws). A
  // sampler that ignored or misapplied the coefficients would be off by nearly 1.
  void samplerMatchesRgbJointProbabilities() {
    const LogisticMixture mixture = splitMixtureOutput(
        pixelOutput({0.2f,  -0.1f,                                // logits
                     0.1f,  -0.3f, 0.2f,  0.4f,  -0.5f, -0.2f,    // means (k-major: r, g, b)
                     -6.5f, -6.5f, -6.5f, -6.5f, -6.5f, -6.5f,    // log-scales
                     0.9f,  -0.7f, 0.5f,  0.3f,  0.6f,  -0.8f}),  // raw (g|r, b|r, b|g) per k
        3, 2);
    const std::int64_t n = 50000;
    const at::Tensor draws =
        sampleLogisticMixture(expandMixture(mixture, n), at::detail::createCPUGenerator(5))
            .flatten(1)
            .to(at::kLong);
    const at::Tensor codes =
        draws.select(1, 0) * 65536 + draws.select(1, 1) * 256 + draws.select(1, 2);
    const auto [distinct, inverse, counts] = at::_unique2(codes, true, false, true);
    const std::int64_t m = distinct.size(0);
    QVERIFY2(m < 150, qPrintable(QString("%1 distinct pixels drawn").arg(m)));
    const at::Tensor pixels =
        at::stack({distinct.div(65536, "floor"), distinct.div(256, "floor").remainder(256),
                   distinct.remainder(256)},
                  1)
            .to(at::kByte)
            .view({m, 3, 1, 1});
    const at::Tensor probability = subPixelLogProbabilities(expandMixture(mixture, m), pixels)
                                       .sum(1)
                                       .flatten()
                                       .to(at::kDouble)
                                       .exp();
    const at::Tensor frequency = counts.to(at::kDouble) / n;
    const double undrawnMass = 1.0 - probability.sum().item<double>();
    const double totalVariation =
        0.5 * ((frequency - probability).abs().sum().item<double>() + undrawnMass);
    QVERIFY2(totalVariation < 0.03, qPrintable(QString::number(totalVariation)));
  }

  void temperatureMustBePositive() {
    const LogisticMixture mixture = splitMixtureOutput(pixelOutput({0.0f, 0.0f, -2.0f}), 1, 1);
    QVERIFY_THROWS_EXCEPTION(Error, sampleLogisticMixture(mixture, std::nullopt, 0.0));
  }

  void splitRejectsWrongChannelCount() {
    QVERIFY_THROWS_EXCEPTION(Error, splitMixtureOutput(at::zeros({1, 9, 2, 2}), 3, 1));
    QVERIFY_THROWS_EXCEPTION(Error, splitMixtureOutput(at::zeros({9, 2, 2}), 1, 3));
  }
};

QTEST_GUILESS_MAIN(TestLogisticMixture)
#include "tst_logistic_mixture.moc"
