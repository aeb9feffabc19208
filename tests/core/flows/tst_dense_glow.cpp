#include <QtTest/QtTest>

#include "flow_test_util.h"

using namespace glowscope;
using namespace glowscope::testing;

class TestDenseGlow : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void inverseOfForward() {
    auto model = createFlowModel(tinyConfig(FlowType::Dense, 1, 8, 8, 3, 2, 16));
    initializeActNorms(*model, at::rand({32, 1, 8, 8}) - 0.5);
    perturbParameters(*model, 0.02, 1);
    at::Tensor x = at::rand({4, 1, 8, 8}) - 0.5;
    FlowOutput out = model->forward(x);
    QCOMPARE(model->latentDims(), (std::vector<std::int64_t>{32, 16, 16}));
    InverseOutput back = model->inverse(out.latents);
    QVERIFY((back.images - x).abs().max().item<float>() < 1e-4f);
    at::Tensor sum = out.scaleLogLikelihoodNats[0] + out.scaleLogLikelihoodNats[1] +
                     out.scaleLogLikelihoodNats[2];
    QVERIFY((sum - out.logLikelihoodNats).abs().max().item<float>() < 1e-3f);
  }

  void logDetMatchesBruteForceJacobian_data() {
    QTest::addColumn<int>("scales");
    QTest::newRow("1 scale") << 1;
    QTest::newRow("2 scales") << 2;
  }
  void logDetMatchesBruteForceJacobian() {
    QFETCH(int, scales);
    auto model = createFlowModel(tinyConfig(FlowType::Dense, 1, 4, 4, scales, 2, 8));
    model->to(at::kDouble);
    perturbParameters(*model, 0.3, 2);
    at::Tensor x = at::rand({1, 1, 4, 4}, at::kDouble) - 0.5;
    const double modelLogP = model->forward(x).logLikelihoodNats.item<double>();
    // The fixed mixing's stored log|det| comes from float32 weights: allow its round-off.
    QVERIFY(std::abs(modelLogP - bruteForceLogLikelihood(*model, x)) < 1e-4);
  }

  void mixingIsFixedAndCountMatchesFormula() {
    // 1x16x16 keeps the D x D mixing matrices (256, 128, 64) cheap to build.
    ModelConfig config = modelPreset("small", FlowType::Dense, 1, 16, 16);
    auto model = createFlowModel(config);
    QCOMPARE(model->numParameters(), analyticParameterCount(config));
    for (const auto& item : model->named_buffers())
      if (item.key().find("mixing") != std::string::npos) QVERIFY(!item.value().requires_grad());
  }
};

QTEST_APPLESS_MAIN(TestDenseGlow)
#include "tst_dense_glow.moc"
