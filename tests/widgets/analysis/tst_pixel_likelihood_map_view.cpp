// The per-pixel log-likelihood map view on a tiny PixelCNN++ saved in the test: the three panels
// show core's maps, the export table holds them; a flow model is refused with the reason.
#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QComboBox>
#include <QtTest>

#include "core/analysis/pixel_likelihood_map.h"
#include "core/models/pixelcnn.h"
#include "tests/core/analysis/test_images.h"
#include "tests/core/analysis/tiny_model.h"
#include "widgets/analysis/image_picker.h"
#include "widgets/analysis/image_set_cache.h"
#include "widgets/analysis/pixel_likelihood_map_view.h"
#include "widgets/qcustomplot_include.h"
#include "widgets/views/plot_export.h"

using namespace glowscope;
namespace testing = glowscope::analysis::testing;

class TestPixelLikelihoodMapView : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  QString pixelCnn_, general_, flow_;
  ImageSetCache* cache_ = nullptr;

  QString savePixelCnn(const QString& name, std::uint64_t seed) {
    PixelCnnConfig config = pixelCnnPreset("tiny", 1, 16, 16);
    config.seed = seed;
    PixelCnn model = createPixelCnn(config);
    const QString path = dir_.filePath(name);
    glowscope::savePixelCnn(*model, path.toStdString());
    return path;
  }

  void compute(PixelLikelihoodMapView& view) {
    view.setSetNames({"smooth"});
    view.imagePicker()->setCurrent("smooth", 2);
    QTRY_VERIFY_WITH_TIMEOUT(view.imagePicker()->currentImage().has_value(), 10000);
    QSignalSpy finished(&view, &PixelLikelihoodMapView::finished);
    view.run();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
  }

 private Q_SLOTS:
  void initTestCase() {
    at::set_num_threads(1);
    pixelCnn_ = savePixelCnn("pixelcnn.glow", 1);
    general_ = savePixelCnn("general.glow", 2);
    flow_ = dir_.filePath("flow.glow");
    testing::saveTinyConvModel(flow_.toStdString(), testing::smoothImages(8, 1, 16, 16, 7));
    cache_ = new ImageSetCache(2000, this);
    cache_->insert("smooth", std::make_shared<const ImageSet>(testing::smoothImages(4, 1, 16, 16, 3)));
  }

  // A results folder's models: the general one starts as the general model, the other as the
  // model, whatever their order.
  void startsWithTheGeneralModelAsGeneral() {
    PixelLikelihoodMapView view(cache_);
    view.setModels({{"pixelcnn-general (seed 0)", general_}, {"pixelcnn (seed 0)", pixelCnn_}});
    auto* model = view.findChild<QComboBox*>("pixelMapModel");
    auto* general = view.findChild<QComboBox*>("pixelMapGeneral");
    QVERIFY(model && general);
    QCOMPARE(general->currentText(), QString("pixelcnn-general (seed 0)"));
    QCOMPARE(model->currentText(), QString("pixelcnn (seed 0)"));
    view.setModels({{"pixelcnn", pixelCnn_}});
    QCOMPARE(general->currentText(), QString("none"));
  }

  void showsTheMapsOfAPixelCnn() {
    PixelLikelihoodMapView view(cache_);
    view.setModels({{"pixelcnn", pixelCnn_}, {"general", general_}});
    view.setCurrentModels(0, 1);
    compute(view);
    QVERIFY2(view.statusLabel()->text().contains("model − general"),
             qPrintable(view.statusLabel()->text()));
    const ImageSet image = *view.imagePicker()->currentImage();
    const auto expected = analysis::pixelLikelihoodMaps(pixelCnn_.toStdString(),
                                                        general_.toStdString(), image);
    QCOMPARE(view.maps().maps.size(), size_t{1});
    QCOMPARE(view.maps().maps[0].logProbNats, expected.maps[0].logProbNats);
    QCOMPARE(view.maps().maps[0].differenceNats, expected.maps[0].differenceNats);
    // The panels hold the maps cell by cell (row 0 at the top).
    QList<QCPColorMap*> maps;
    for (int i = 0; i < view.plot()->plottableCount(); ++i)
      if (auto* map = qobject_cast<QCPColorMap*>(view.plot()->plottable(i))) maps.append(map);
    QCOMPARE(maps.size(), 3);
    QCOMPARE(maps[1]->data()->keySize(), 16);
    QCOMPARE(maps[1]->data()->cell(7, 5), expected.maps[0].logProbNats[5 * 16 + 7]);
    QCOMPARE(maps[2]->data()->cell(3, 9), expected.maps[0].differenceNats[9 * 16 + 3]);
    QCOMPARE(maps[0]->data()->cell(4, 1), double(image.image(0)[1 * 16 + 4]));
    const QString csv = plotDataCsv(view.plot());
    QCOMPARE(csv.count('\n'), 257);  // header + one row per pixel
    QVERIFY(csv.startsWith("row,column,grey,log_p_nats"));
  }

  /// The models are loaded once and kept: with their files gone the next computation still
  /// works; choosing another file loads again (and a missing one is reported).
  void keepsTheLoadedModelsUntilAnotherFileIsChosen() {
    QTemporaryDir own;
    const QString model = own.filePath("model.glow"), general = own.filePath("general.glow");
    QVERIFY(QFile::copy(pixelCnn_, model));
    QVERIFY(QFile::copy(general_, general));
    PixelLikelihoodMapView view(cache_);
    view.setModels({{"model", model}, {"general", general}, {"pixelcnn", pixelCnn_}});
    view.setCurrentModels(0, 1);
    compute(view);
    const std::vector<double> difference = view.maps().maps.at(0).differenceNats;
    QVERIFY(!difference.empty());
    QVERIFY(QFile::remove(model));
    QVERIFY(QFile::remove(general));
    compute(view);
    QVERIFY2(view.statusLabel()->text().contains("model − general"),
             qPrintable(view.statusLabel()->text()));
    QCOMPARE(view.maps().maps.at(0).differenceNats, difference);
    view.setCurrentModels(2, 1);  // another model file: loaded; the general model still kept
    compute(view);
    QVERIFY2(view.statusLabel()->text().contains("model − general"),
             qPrintable(view.statusLabel()->text()));
    view.setCurrentModels(0, 1);  // back to the removed file: loaded again, so it fails
    compute(view);
    QVERIFY2(view.statusLabel()->text().contains("model.glow"),
             qPrintable(view.statusLabel()->text()));
  }

  void refusesAFlowModel() {
    PixelLikelihoodMapView view(cache_);
    view.setModels({{"glow", flow_}});
    view.setCurrentModels(0, -1);
    compute(view);
    QVERIFY2(view.statusLabel()->text().contains("a flow has no per-pixel log-likelihood terms"),
             qPrintable(view.statusLabel()->text()));
    QVERIFY(view.maps().maps.empty());
  }
};

QTEST_MAIN(TestPixelLikelihoodMapView)
#include "tst_pixel_likelihood_map_view.moc"
