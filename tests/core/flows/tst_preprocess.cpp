#include <QtTest/QtTest>

#include <ATen/CPUGeneratorImpl.h>

#include <cmath>

#include "core/flows/preprocess.h"
#include "core/util/errors.h"

using namespace glowscope;

class TestPreprocess : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void paperEvaluationAddsHalfABin() {
    at::Tensor k = at::arange(256, at::kByte).view({1, 1, 16, 16});
    at::Tensor x = preprocessImages(k, PreprocessMode::PaperEvaluation);
    QCOMPARE(x.scalar_type(), at::kFloat);
    at::Tensor expected = k.to(at::kDouble) / 256.0 - 0.5 + 1.0 / 512.0;
    QVERIFY((x.to(at::kDouble) - expected).abs().max().item<double>() < 1e-7);
    QCOMPARE(preprocessImages(k, PreprocessMode::NoOffset).min().item<float>(), -0.5f);
  }

  void trainingNoiseStaysInsideTheBin() {
    at::Tensor k = at::randint(0, 256, {8, 3, 8, 8}, at::kByte);
    auto generator = at::detail::createCPUGenerator(3);
    at::Tensor x = preprocessImages(k, PreprocessMode::TrainingNoise, generator);
    at::Tensor offset = x.to(at::kDouble) - (k.to(at::kDouble) / 256.0 - 0.5);
    QVERIFY(offset.min().item<double>() >= -1e-7);
    QVERIFY(offset.max().item<double>() < 1.0 / 256.0 + 1e-7);
    // Uniform on [0,1/256): mean near 1/512 over 1536 draws.
    QVERIFY(std::abs(offset.mean().item<double>() - 1.0 / 512.0) < 2e-4);
    at::Tensor again =
        preprocessImages(k, PreprocessMode::TrainingNoise, at::detail::createCPUGenerator(3));
    QVERIFY(at::equal(x, again));
  }

  void rejectsBadInput() {
    QVERIFY_THROWS_EXCEPTION(
        Error, preprocessImages(at::zeros({2, 2}, at::kByte), PreprocessMode::NoOffset));
    QVERIFY_THROWS_EXCEPTION(
        Error, preprocessImages(at::zeros({1, 1, 2, 2}, at::kInt), PreprocessMode::NoOffset));
  }

  void bitsPerDimFormula() {
    // A uniform density over [-0.5,0.5)^D has log p = 0 -> exactly 8 bits/dim.
    QCOMPARE(bitsPerDim(0.0, 1024), 8.0);
    const double logP = 1234.5;
    QVERIFY(std::abs(bitsPerDim(logP, 3072) - (8.0 - logP / (3072 * std::log(2.0)))) < 1e-12);
    at::Tensor t = bitsPerDim(at::tensor({0.0, -1024.0 * std::log(2.0)}, at::kDouble), 1024);
    QVERIFY(std::abs(t[1].item<double>() - 9.0) < 1e-9);
  }

  void uint8RoundTrip() {
    at::Tensor k = at::arange(256, at::kByte).view({1, 1, 16, 16});
    QVERIFY(at::equal(imagesToUint8(preprocessImages(k, PreprocessMode::PaperEvaluation)), k));
  }
};

QTEST_APPLESS_MAIN(TestPreprocess)
#include "tst_preprocess.moc"
