// The likelihood-model interface over both families: files of either family load behind it, and
// what it reports is what each family's own API reports.
#include <QtTest/QtTest>

#include <ATen/Parallel.h>
#include <ATen/core/grad_mode.h>

#include <QTemporaryDir>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/flows/preprocess.h"
#include "core/models/flow_likelihood.h"
#include "core/util/errors.h"
#include "pixelcnn_test_util.h"

using namespace glowscope;
using namespace glowscope::testing;

namespace {

// Written once against the interface, used for both families below.
double meanBitsPerDim(LikelihoodModelImpl& model, const at::Tensor& pixels) {
  at::NoGradGuard noGrad;
  return bitsPerDim(model.logLikelihood(pixels).logLikelihoodNats, model.imageShape().dims())
      .mean()
      .item<double>();
}

}  // namespace

class TestLikelihoodModel : public QObject {
  Q_OBJECT

  QTemporaryDir dir_;
  std::filesystem::path file(const char* name) const {
    return std::filesystem::path(dir_.path().toStdString()) / name;
  }

 private Q_SLOTS:
  void initTestCase() { at::set_num_threads(1); }  // tiny models (see tst_pixelcnn)

  void flowFilesLoadBehindTheInterface() {
    ModelConfig config = modelPreset("tiny", FlowType::Conv, 1, 8, 8);
    config.numScales = 2;
    FlowModel flow = createFlowModel(config);
    const at::Tensor pixels = at::randint(0, 256, {4, 1, 8, 8}, at::kLong).to(at::kByte);
    initializeActNorms(*flow, preprocessImages(pixels, PreprocessMode::PaperEvaluation));
    saveFlowModel(*flow, file("flow.glow"));
    LikelihoodModel model = loadLikelihoodModel(file("flow.glow"));
    QVERIFY(model->family() == ModelFamily::Flow);
    QVERIFY((model->imageShape() == ImageShape{1, 8, 8}));
    QCOMPARE(QString::fromStdString(model->configJson().at("type").get<std::string>()),
             QString("conv"));
    QCOMPARE(model->numParameters(), flow->numParameters());
    model->eval();
    flow->eval();
    at::NoGradGuard noGrad;
    const LikelihoodOutput out = model->logLikelihood(pixels);
    const FlowOutput direct =
        flow->forward(preprocessImages(pixels, PreprocessMode::PaperEvaluation));
    QVERIFY(at::equal(out.logLikelihoodNats, direct.logLikelihoodNats));
    QCOMPARE(out.scaleLogLikelihoodNats.size(), std::size_t{2});
    QVERIFY(at::allclose(out.scaleLogLikelihoodNats[0] + out.scaleLogLikelihoodNats[1],
                         out.logLikelihoodNats, 1e-4, 1e-2));
    QVERIFY(!out.subPixelLogProbNats.defined());
    const double bpd = meanBitsPerDim(*model, pixels);
    QVERIFY(std::abs(bpd - bitsPerDim(direct.logLikelihoodNats, 64).mean().item<double>()) < 1e-9);
    // Saved through the interface, it is an ordinary flow file again.
    model->save(file("again.glow"));
    QVERIFY(readFlowModelConfig(file("again.glow")) == config);
    SamplingOptions sampling;
    sampling.generator = at::detail::createCPUGenerator(1);
    const at::Tensor samples = model->sampleImages(3, sampling);
    QCOMPARE(samples.scalar_type(), at::kByte);
    QCOMPARE(samples.sizes().vec(), (std::vector<std::int64_t>{3, 1, 8, 8}));
  }

  void pixelCnnFilesLoadBehindTheInterface() {
    const PixelCnnConfig config = tinyPixelCnnConfig(3, 8, 2);
    PixelCnn original(config);
    original->save(file("model.pcnn"));
    LikelihoodModel model = loadLikelihoodModel(file("model.pcnn"));
    QVERIFY(model->family() == ModelFamily::PixelCnn);
    QVERIFY((model->imageShape() == ImageShape{3, 8, 8}));
    QVERIFY(PixelCnnConfig::fromJson(model->configJson()) == config);
    model->eval();
    at::NoGradGuard noGrad;
    const at::Tensor pixels = randomPixels(2, config, 3);
    const LikelihoodOutput out = model->logLikelihood(pixels);
    QVERIFY(out.scaleLogLikelihoodNats.empty());
    const at::Tensor summed = out.subPixelLogProbNats.to(at::kDouble).flatten(1).sum(1) +
                              discretisationOffsetNats(config.imageDims());
    QVERIFY(at::allclose(out.logLikelihoodNats.to(at::kDouble), summed, 0, 1e-2));
    QVERIFY(std::isfinite(meanBitsPerDim(*model, pixels)));
  }

  void dataInitialisationReachesTheFlow() {
    FlowModel flow = createFlowModel(modelPreset("tiny", FlowType::Conv, 1, 8, 8));
    FlowLikelihoodModelImpl model(flow);
    QVERIFY(!actNormsInitialized(*flow));
    LikelihoodOptions options;
    options.mode = PreprocessMode::TrainingNoise;
    options.generator = at::detail::createCPUGenerator(2);
    model.initializeFromData(at::randint(0, 256, {8, 1, 8, 8}, at::kLong).to(at::kByte), options);
    QVERIFY(actNormsInitialized(*flow));
    // A PixelCNN++ has nothing to initialise from data; the default leaves it as it is.
    PixelCnn pixelCnn(tinyPixelCnnConfig(1, 8, 2));
    const at::Tensor before = pixelCnn->parameters().front().clone();
    pixelCnn->initializeFromData(at::zeros({2, 1, 8, 8}, at::kByte), {});
    QVERIFY(at::equal(before, pixelCnn->parameters().front()));
  }

  void unknownFilesRaiseFileError() {
    QVERIFY_THROWS_EXCEPTION(FileError, loadLikelihoodModel(file("missing.pcnn")));
    QVERIFY_THROWS_EXCEPTION(FileError, readModelFileFamily(file("missing.pcnn")));
  }
};

QTEST_GUILESS_MAIN(TestLikelihoodModel)
#include "tst_likelihood_model.moc"
