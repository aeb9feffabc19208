// The PixelCNN++ network on tiny models with random weights: the autoregressive order, the
// per-sub-pixel conditionals as distributions, bits/dim, dropout, gradients and sampling.
#include <QtTest/QtTest>

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <ATen/core/grad_mode.h>

#include <cmath>
#include <vector>

#include "core/flows/preprocess.h"
#include "core/models/logistic_mixture.h"
#include "core/util/errors.h"
#include "pixelcnn_test_util.h"

using namespace glowscope;
using namespace glowscope::testing;

namespace {

// One image and, after it, D copies each with one sub-pixel changed (sub-pixel j in model order
// in copy j + 1), so one batch shows what every change does to every term.
at::Tensor imageAndOneChangePerSubPixel(const at::Tensor& image) {
  const std::int64_t c = image.size(1), h = image.size(2), w = image.size(3), d = c * h * w;
  at::Tensor batch = image.repeat({d + 1, 1, 1, 1}).contiguous();
  at::Tensor ordered = batch.permute({0, 2, 3, 1});  // view: model order along the last 3 dims
  for (std::int64_t j = 0; j < d; ++j) {
    at::Tensor value = ordered[j + 1][j / (c * w)][(j / c) % w][j % c];
    value.fill_((value.item<int>() + 97) % 256);
  }
  return batch;
}

struct OrderViolations {
  std::int64_t earlierTermsChanged = 0;      // must be 0: the autoregressive property
  std::int64_t parametersSawTheirPixel = 0;  // must be 0: the mixture of pixel p depends only on
                                             // pixels before p (in grey the only way to see a
                                             // pixel's own value leak)
  std::int64_t ownTermsUnchanged = 0;        // must be 0: a term depends on its own value
  std::int64_t ignoredChanges = 0;           // changes no later term sees
  std::int64_t laterChannelsBlind = 0;       // sub-pixels whose later channels of the same pixel
                                             // ignore them (the RGB coefficients)
};

OrderViolations checkOrder(PixelCnnImpl& model, const at::Tensor& image) {
  at::NoGradGuard noGrad;
  const at::Tensor batch = imageAndOneChangePerSubPixel(image);
  const at::Tensor terms = inModelOrder(model.subPixelLogProbNats(batch));
  const at::Tensor mixtures = model.forward(batch).flatten(2).transpose(1, 2);  // (B, HW, P)
  const at::Tensor base = terms[0];
  const std::int64_t d = terms.size(1), c = image.size(1);
  OrderViolations v;
  for (std::int64_t j = 0; j < d; ++j) {
    const at::Tensor changed = terms[j + 1] != base;
    v.earlierTermsChanged += changed.narrow(0, 0, j).sum().item<std::int64_t>();
    v.parametersSawTheirPixel +=
        (mixtures[j + 1].narrow(0, 0, j / c + 1) != mixtures[0].narrow(0, 0, j / c + 1))
            .sum()
            .item<std::int64_t>();
    v.ownTermsUnchanged += changed[j].item<bool>() ? 0 : 1;
    if (j < d - 1 && !changed.narrow(0, j + 1, d - j - 1).any().item<bool>()) ++v.ignoredChanges;
    if (j % c < c - 1 && !changed.narrow(0, j + 1, c - 1 - j % c).all().item<bool>())
      ++v.laterChannelsBlind;
  }
  return v;
}

}  // namespace

class TestPixelCnn : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  // Tiny models gain nothing from a second thread, and on a busy 2-core machine OpenMP's
  // spinning made this suite 30x slower with two (3 s against 90 s).
  void initTestCase() { at::set_num_threads(1); }

  // Changing any sub-pixel never changes the term of an earlier sub-pixel (raster order, then
  // channel order), on random weights. It must also change its own term, some later term and
  // the later channels of its pixel, or the check would be vacuous. (Not every later term: with
  // one block per stage the receptive field along the current row is only ~6 pixels wide.)
  void termsDependOnlyOnEarlierSubPixels_data() {
    QTest::addColumn<int>("channels");
    QTest::addColumn<int>("size");
    QTest::newRow("grey 8x8") << 1 << 8;
    QTest::newRow("rgb 8x8") << 3 << 8;
    QTest::newRow("rgb 4x12") << 3 << 0;
  }
  void termsDependOnlyOnEarlierSubPixels() {
    QFETCH(int, channels);
    QFETCH(int, size);
    PixelCnnConfig config = tinyPixelCnnConfig(channels, size == 0 ? 4 : size, 3);
    if (size == 0) config.width = 12;
    PixelCnn model(config);
    perturbParameters(*model, 0.1, 9);
    model->eval();
    for (std::uint64_t seed : {1, 2}) {
      const OrderViolations v = checkOrder(*model, randomPixels(1, config, seed));
      QCOMPARE(v.earlierTermsChanged, std::int64_t{0});
      QCOMPARE(v.parametersSawTheirPixel, std::int64_t{0});
      QCOMPARE(v.ownTermsUnchanged, std::int64_t{0});
      QCOMPARE(v.ignoredChanges, std::int64_t{0});
      QCOMPARE(v.laterChannelsBlind, std::int64_t{0});
    }
  }

  // For several positions, the term's probabilities over all 256 values of that sub-pixel (the
  // others fixed) sum to 1: each term is a normalised conditional, edge bins included.
  void everyConditionalSumsToOne_data() {
    QTest::addColumn<int>("channels");
    QTest::addColumn<int>("position");  // index in model order
    QTest::newRow("grey first pixel") << 1 << 0;
    QTest::newRow("grey middle") << 1 << 27;
    QTest::newRow("grey last") << 1 << 63;
    QTest::newRow("rgb first red") << 3 << 0;
    QTest::newRow("rgb green given red") << 3 << 3 * 20 + 1;
    QTest::newRow("rgb blue given red, green") << 3 << 3 * 41 + 2;
    QTest::newRow("rgb last blue") << 3 << 3 * 63 + 2;
  }
  void everyConditionalSumsToOne() {
    QFETCH(int, channels);
    QFETCH(int, position);
    const PixelCnnConfig config = tinyPixelCnnConfig(channels, 8, 3);
    PixelCnn model(config);
    perturbParameters(*model, 0.3, 2);  // wide-ranging means and scales
    model->eval();
    at::NoGradGuard noGrad;
    at::Tensor batch = randomPixels(1, config, 3).repeat({256, 1, 1, 1}).contiguous();
    at::Tensor ordered = batch.permute({0, 2, 3, 1}).reshape({256, -1});  // a copy
    ordered.select(1, position).copy_(at::arange(256).to(at::kByte));
    batch = ordered.view({256, config.height, config.width, channels}).permute({0, 3, 1, 2});
    const at::Tensor terms = inModelOrder(model->subPixelLogProbNats(batch)).select(1, position);
    QVERIFY(at::isfinite(terms).all().item<bool>());
    const double total = terms.to(at::kDouble).exp().sum().item<double>();
    QVERIFY2(std::abs(total - 1.0) < 1e-5, qPrintable(QString::number(total - 1.0, 'g', 6)));
  }

  // bits/dim through the flows' one conversion (bitsPerDim of the density-scale log-likelihood)
  // is -log2 P(x) / D of the discrete model, P from the sub-pixel terms; and log p is the sum of
  // those terms plus D ln 256.
  void bitsPerDimIsTheDiscreteDefinition() {
    const PixelCnnConfig config = tinyPixelCnnConfig(3, 8, 2);
    PixelCnn model(config);
    perturbParameters(*model, 0.1, 3);
    model->eval();
    at::NoGradGuard noGrad;
    const LikelihoodOutput out = model->logLikelihood(randomPixels(4, config, 12));
    const std::int64_t d = config.imageDims();
    QCOMPARE(out.subPixelLogProbNats.sizes().vec(), (std::vector<std::int64_t>{4, 3, 8, 8}));
    QVERIFY(out.scaleLogLikelihoodNats.empty());
    QVERIFY((out.subPixelLogProbNats <= 0).all().item<bool>());
    for (std::int64_t i = 0; i < 4; ++i) {
      const double logP = out.subPixelLogProbNats[i].to(at::kDouble).sum().item<double>();
      const double expected = -logP / (std::log(2.0) * d);
      const double viaFlows = bitsPerDim(out.logLikelihoodNats[i].item<double>(), d);
      QVERIFY2(std::abs(viaFlows - expected) < 1e-5,
               qPrintable(QString("%1 vs %2").arg(viaFlows).arg(expected)));
      QVERIFY(std::abs(out.logLikelihoodNats[i].item<double>() - (logP + d * std::log(256.0))) <
              1e-2);
    }
  }

  // Dropout: random in training mode (reproducible with a generator), absent in eval mode, where
  // the model equals the same seed's model without dropout.
  void dropoutActsOnlyInTraining() {
    PixelCnnConfig config = tinyPixelCnnConfig(1, 8, 2);
    config.dropout = 0.5;
    PixelCnnConfig plain = config;
    plain.dropout = 0.0;
    PixelCnn model(config), reference(plain);
    const at::Tensor pixels = randomPixels(2, config, 4);
    at::NoGradGuard noGrad;
    model->train();
    QVERIFY(!at::equal(model->forward(pixels), model->forward(pixels)));
    model->setDropoutGenerator(at::detail::createCPUGenerator(1));
    const at::Tensor first = model->forward(pixels);
    model->setDropoutGenerator(at::detail::createCPUGenerator(1));
    QVERIFY(at::equal(first, model->forward(pixels)));
    model->eval();
    reference->eval();
    QVERIFY(at::equal(model->forward(pixels), reference->forward(pixels)));
  }

  // Maximum likelihood reaches every parameter.
  void everyParameterGetsAGradient() {
    const PixelCnnConfig config = tinyPixelCnnConfig(3, 8, 2);
    PixelCnn model(config);
    model->train();
    const at::Tensor loss =
        -model->logLikelihood(randomPixels(2, config, 5)).logLikelihoodNats.mean();
    loss.backward();
    for (const auto& p : model->named_parameters()) {
      QVERIFY2(p.value().grad().defined(), p.key().c_str());
      QVERIFY2(at::isfinite(p.value().grad()).all().item<bool>(), p.key().c_str());
      QVERIFY2((p.value().grad() != 0).any().item<bool>(), p.key().c_str());
    }
  }

  void sampledImagesAreValidAndReproducible() {
    const PixelCnnConfig config = tinyPixelCnnConfig(3, 8, 2);
    PixelCnn model(config);
    perturbParameters(*model, 0.1, 7);
    model->train();
    SamplingOptions options;
    options.generator = at::detail::createCPUGenerator(3);
    const at::Tensor a = model->sampleImages(5, options);
    QVERIFY(model->is_training());  // state restored
    QCOMPARE(a.scalar_type(), at::kByte);
    QCOMPARE(a.sizes().vec(), (std::vector<std::int64_t>{5, 3, 8, 8}));
    options.generator = at::detail::createCPUGenerator(3);
    QVERIFY(at::equal(a, model->sampleImages(5, options)));
    options.generator = at::detail::createCPUGenerator(4);
    QVERIFY(!at::equal(a, model->sampleImages(5, options)));
    model->eval();
    at::NoGradGuard noGrad;
    QVERIFY(at::isfinite(model->logLikelihood(a).logLikelihoodNats).all().item<bool>());
  }

  // Near zero temperature a one-logistic model draws the bin of each sub-pixel's mean, and that
  // mean depends only on earlier, already drawn values: so every drawn sub-pixel must equal the
  // bin of the mean the network gives for the finished image at that place. This ties each
  // draw to the right position and the right earlier channels.
  void samplingDrawsEachSubPixelFromItsOwnConditional() {
    const PixelCnnConfig config = tinyPixelCnnConfig(3, 8, 1);
    PixelCnn model(config);
    perturbParameters(*model, 0.2, 5);
    SamplingOptions options;
    options.temperature = 1e-12;
    options.generator = at::detail::createCPUGenerator(2);
    const at::Tensor drawn = model->sampleImages(3, options);
    at::NoGradGuard noGrad;
    const LogisticMixture m = splitMixtureOutput(model->forward(drawn), 3, 1);
    const at::Tensor x = pixelsToUnitRange(drawn);
    const at::Tensor coef = m.coefficients.select(1, 0);
    const at::Tensor mean = m.means.select(1, 0);
    const at::Tensor means =
        at::stack({mean.select(1, 0), mean.select(1, 1) + coef.select(1, 0) * x.select(1, 0),
                   mean.select(1, 2) + coef.select(1, 1) * x.select(1, 0) +
                       coef.select(1, 2) * x.select(1, 1)},
                  1);
    const at::Tensor expected = ((means + 1.0) * 127.5).round().clamp(0, 255).to(at::kByte);
    QCOMPARE((expected != drawn).sum().item<std::int64_t>(), std::int64_t{0});
  }

  void rejectsImagesOfAnotherShape() {
    PixelCnn model(tinyPixelCnnConfig(3, 8, 2));
    QVERIFY_THROWS_EXCEPTION(Error, model->forward(at::zeros({1, 1, 8, 8}, at::kByte)));
    QVERIFY_THROWS_EXCEPTION(Error, model->forward(at::zeros({1, 3, 8, 4}, at::kByte)));
  }
};

QTEST_GUILESS_MAIN(TestPixelCnn)
#include "tst_pixelcnn.moc"
