// The torch-free model handle the GUI views use: it loads a saved model, describes it, and
// scores exactly like scoreImages on the model itself.
#include <QTemporaryDir>
#include <QtTest>

#include "core/analysis/model_handle.h"
#include "core/analysis/model_images.h"
#include "core/flows/flow_model.h"
#include "core/flows/preprocess.h"
#include "core/util/errors.h"
#include "test_images.h"
#include "tiny_model.h"

using namespace glowscope;
using namespace glowscope::analysis;

class TestModelHandle : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void loadsDescribesAndScoresLikeTheModel() {
    QTemporaryDir dir;
    const std::filesystem::path file = dir.filePath("model.glow").toStdString();
    FlowModel model = testing::saveTinyConvModel(file, testing::smoothImages(16, 1, 16, 16, 7));

    const auto handle = ModelHandle::load(file, "cpu");
    QCOMPARE(handle->path(), file);
    QCOMPARE(handle->channels(), int64_t{1});
    QCOMPARE(handle->height(), int64_t{16});
    QCOMPARE(handle->numScales(), 3);
    QVERIFY(QString::fromStdString(handle->description()).startsWith("conv Glow, 3 scales x 2"));

    const ImageSet images = testing::smoothImages(3, 1, 16, 16, 11);
    const ModelScores viaHandle = handle->score(images);
    const ModelScores direct = glowscope::scoreImages(*model, images);
    QCOMPARE(viaHandle.count(), std::size_t{3});
    for (std::size_t i = 0; i < 3; ++i)
      QCOMPARE(viaHandle.logLikelihoodNats[i], direct.logLikelihoodNats[i]);
    QCOMPARE(viaHandle.scaleLogLikelihoodNats.size(), std::size_t{3});
  }

  void aMissingOrDamagedFileThrowsNamingIt() {
    QTemporaryDir dir;
    const std::filesystem::path missing = dir.filePath("none.glow").toStdString();
    QVERIFY_THROWS_EXCEPTION(Error, ModelHandle::load(missing, "cpu"));
    QFile bad(dir.filePath("bad.glow"));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("not a model");
    bad.close();
    try {
      ModelHandle::load(bad.fileName().toStdString(), "cpu");
      QFAIL("loaded a damaged file");
    } catch (const Error& error) {
      QVERIFY(QString(error.what()).contains("bad.glow"));
    }
  }
};

QTEST_GUILESS_MAIN(TestModelHandle)
#include "tst_model_handle.moc"
