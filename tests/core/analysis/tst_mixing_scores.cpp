// The torch-free Fourier-mixing entry for the GUI gives what evaluateFourierMixing gives on the
// model itself, rejects images of another shape, and stops when cancelled.
#include <QTemporaryDir>
#include <QtTest>
#include <atomic>

#include "core/analysis/correlations.h"
#include "core/analysis/mixing_scores.h"
#include "core/analysis/model_handle.h"
#include "core/analysis/model_images.h"
#include "core/flows/flow_model.h"
#include "core/flows/preprocess.h"
#include "core/util/errors.h"
#include "test_images.h"
#include "tiny_model.h"

using namespace glowscope;
using namespace glowscope::analysis;

class TestMixingScores : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  FlowModel model_{nullptr};
  std::shared_ptr<ModelHandle> handle_;

 private Q_SLOTS:
  void initTestCase() {
    const std::filesystem::path file = dir_.filePath("model.glow").toStdString();
    model_ = testing::saveTinyConvModel(file, testing::smoothImages(16, 1, 16, 16, 7));
    handle_ = ModelHandle::load(file, "cpu");
  }

  void equalsEvaluateFourierMixingOnTheModel() {
    const ImageSet smooth = testing::smoothImages(6, 1, 16, 16, 21);
    const ImageSet noise = testing::noiseImages(6, 1, 16, 16, 22);
    FourierMixOptions options;
    options.quantisation = MixQuantisation::RescaleRound;
    const FourierLikelihoodResult viaHandle = scoreFourierMixing(*handle_, smooth, noise, options);
    const FourierLikelihoodResult direct = evaluateFourierMixing(*model_, smooth, noise, options);
    QCOMPARE(viaHandle.mix.mixed.pixels, direct.mix.mixed.pixels);
    QCOMPARE(viaHandle.mixedLogLikelihoodNats.size(), std::size_t{6});
    for (std::size_t i = 0; i < 6; ++i) {
      QCOMPARE(viaHandle.amplitudeSourceLogLikelihoodNats[i],
               direct.amplitudeSourceLogLikelihoodNats[i]);
      QCOMPARE(viaHandle.phaseSourceLogLikelihoodNats[i], direct.phaseSourceLogLikelihoodNats[i]);
      QCOMPARE(viaHandle.mixedLogLikelihoodNats[i], direct.mixedLogLikelihoodNats[i]);
    }
    QCOMPARE(viaHandle.spearmanWithAmplitudeSource, direct.spearmanWithAmplitudeSource);
    QCOMPARE(viaHandle.spearmanWithPhaseSource, direct.spearmanWithPhaseSource);
    // Mixing a set with itself gives it back, and the mix scores as its source.
    const FourierLikelihoodResult self = scoreFourierMixing(*handle_, smooth, smooth);
    QCOMPARE(self.mix.mixed.pixels, smooth.pixels);
    QCOMPARE(self.mixedLogLikelihoodNats, self.amplitudeSourceLogLikelihoodNats);
  }

  void imagesOfAnotherShapeAreRejected() {
    const ImageSet wrongSize = testing::smoothImages(3, 1, 8, 8, 1);
    QVERIFY_THROWS_EXCEPTION(ConfigError, scoreFourierMixing(*handle_, wrongSize, wrongSize));
  }

  void cancellationStops() {
    const ImageSet smooth = testing::smoothImages(4, 1, 16, 16, 5);
    std::atomic<bool> cancel{true};
    TaskControl control;
    control.cancelRequested = &cancel;
    QVERIFY_THROWS_EXCEPTION(CancelledError,
                             scoreFourierMixing(*handle_, smooth, smooth, {}, control));
  }
};

QTEST_GUILESS_MAIN(TestMixingScores)
#include "tst_mixing_scores.moc"
