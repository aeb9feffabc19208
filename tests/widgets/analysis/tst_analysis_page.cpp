// The Analysis page: one model and one image pair shared by all tabs, a and b on different sets,
// a size that fits a 1024x700 window, failures shown and logged; the models of a results folder.
#include <spdlog/sinks/ringbuffer_sink.h>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

#include "core/analysis/model_handle.h"
#include "core/util/log.h"
#include "tests/core/analysis/test_images.h"
#include "tests/core/analysis/tiny_model.h"
#include "widgets/analysis/analysis_page.h"
#include "widgets/analysis/feature_swap_view.h"
#include "widgets/analysis/fourier_mixing_view.h"
#include "widgets/analysis/image_picker.h"
#include "widgets/analysis/image_set_cache.h"
#include "widgets/analysis/model_picker.h"
#include "widgets/analysis/pixel_likelihood_map_view.h"
#include "widgets/analysis/pixel_prior_view.h"

using namespace glowscope;
namespace testing = glowscope::analysis::testing;

namespace {
void touch(const QString& path) {
  QVERIFY(QDir().mkpath(QFileInfo(path).path()));
  QFile file(path);
  QVERIFY(file.open(QIODevice::WriteOnly));
  file.write("x");
}

std::vector<uint8_t> pixelsOf(const ImageSet& set, std::int64_t index) {
  return {set.image(index), set.image(index) + set.imageBytes()};
}

// Every model a page's tabs hold right now: the shared picker's and the swap view's own copy.
bool allTabsHold(const AnalysisPage& page, const analysis::ModelHandle* model) {
  return page.fourierView()->modelPicker()->model().get() == model &&
         page.swapView()->model().get() == model &&
         page.pixelPriorView()->modelPicker()->model().get() == model;
}
}  // namespace

class TestAnalysisPage : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  QString firstModel_, secondModel_;
  ImageSetCache* cache_ = nullptr;
  ImageSet smooth_, noise_;

 private Q_SLOTS:
  void initTestCase() {
    firstModel_ = dir_.filePath("first/model.glow");
    secondModel_ = dir_.filePath("second/model.glow");
    QVERIFY(QDir().mkpath(dir_.filePath("first")) && QDir().mkpath(dir_.filePath("second")));
    const ImageSet init = testing::smoothImages(32, 1, 16, 16, 7);
    testing::saveTinyConvModel(firstModel_.toStdString(), init);
    testing::saveTinyConvModel(secondModel_.toStdString(), init, 99);
    smooth_ = testing::smoothImages(20, 1, 16, 16, 11);
    noise_ = testing::noiseImages(20, 1, 16, 16, 12);
    cache_ = new ImageSetCache(2000, this);
    cache_->insert("smooth", std::make_shared<const ImageSet>(smooth_));
    cache_->insert("noise", std::make_shared<const ImageSet>(noise_));
  }

  void findsTheModelsOfOneSeed() {
    QTemporaryDir dir;
    touch(dir.filePath("models/general-seed0/model.glow"));
    touch(dir.filePath("models/conv-seed0/model.glow"));
    touch(dir.filePath("models/conv-seed1/model.glow"));
    QVERIFY(QDir().mkpath(dir.filePath("models/dense-seed0")));  // interrupted: no model yet
    const auto seed0 = resultsFolderModels(dir.path(), 0);
    QCOMPARE(seed0.size(), std::size_t{2});
    QCOMPARE(seed0[0].first, QString("conv (seed 0)"));
    QCOMPARE(seed0[0].second, dir.filePath("models/conv-seed0/model.glow"));
    QCOMPARE(seed0[1].first, QString("general (seed 0)"));
    const auto seed1 = resultsFolderModels(dir.path(), 1);
    QCOMPARE(seed1.size(), std::size_t{1});
    QVERIFY(resultsFolderModels(dir.filePath("nonexistent"), 0).empty());
  }

  void holdsTheFourViews() {
    AnalysisPage page(cache_);
    QCOMPARE(page.count(), 4);
    QVERIFY(page.fourierView());
    QVERIFY(page.swapView());
    QVERIFY(page.pixelPriorView());
    QVERIFY(page.pixelMapView());
  }

  // A model file loaded from the Fourier tab is the model of the swap and pixel-prior tabs: one
  // load, one label, no second model box to fill.
  void theTabsShareOneModel() {
    AnalysisPage page(cache_);
    page.setSetNames({"smooth", "noise"});
    page.setModels({{"first", firstModel_}});
    QTRY_VERIFY_WITH_TIMEOUT(page.model() != nullptr, 20000);
    QVERIFY(allTabsHold(page, page.model().get()));

    QSignalSpy changed(&page, &AnalysisPage::modelChanged);
    page.fourierView()->modelPicker()->addModelFile(secondModel_, "second");
    QTRY_VERIFY_WITH_TIMEOUT(page.model() && page.model()->path() == secondModel_.toStdString(),
                             20000);
    int loads = 0;
    for (const QList<QVariant>& signal : changed)
      loads += signal.at(0).value<std::shared_ptr<analysis::ModelHandle>>() != nullptr;
    QCOMPARE(loads, 1);
    QVERIFY(allTabsHold(page, page.model().get()));
    // The swap and pixel-prior tabs show the same model box and status as the Fourier tab.
    QCOMPARE(page.swapView()->modelPicker()->modelBox()->currentText(), QString("second"));
    QCOMPARE(page.pixelPriorView()->modelPicker()->statusLabel()->text(),
             ModelPicker::summaryText(*page.model()));
  }

  // Image a chosen in the swap tab is a in the Fourier tab: both tabs compute with it.
  void imageAChangedInOneTabChangesItInAll() {
    AnalysisPage page(cache_);
    page.setSetNames({"smooth", "noise"});
    page.setModels({{"first", firstModel_}});
    QTRY_VERIFY_WITH_TIMEOUT(page.model() != nullptr, 20000);
    QSignalSpy pairs(page.fourierView(), &FourierMixingView::pairFinished);
    QSignalSpy swaps(page.swapView(), &FeatureSwapView::swapFinished);
    page.swapView()->pickerA()->setCurrent("noise", 5);
    QCOMPARE(page.fourierView()->pickerA()->currentSetName(), QString("noise"));
    QCOMPARE(page.fourierView()->pickerA()->currentIndex(), 5);
    const auto expected = pixelsOf(noise_, 5);
    QTRY_VERIFY_WITH_TIMEOUT(!page.fourierView()->isComputingPair() &&
                                 page.fourierView()->pairResult().images.count == 4 &&
                                 pixelsOf(page.fourierView()->pairResult().images, 0) == expected,
                             20000);
    QTRY_VERIFY_WITH_TIMEOUT(!page.swapView()->isBusy() && page.swapView()->swapResult() &&
                                 pixelsOf(page.swapView()->swapResult()->images, 0) == expected,
                             20000);
    QCOMPARE(pixelsOf(*page.currentImages().a, 0), expected);
    // The per-pixel map view maps the same image a (its models are its own).
    QCOMPARE(page.pixelMapView()->imagePicker(), page.pickerA());
  }

  // a = the first set (in-distribution), b = the second: the first mix is of two images.
  void imagesAAndBStartOnDifferentSets() {
    AnalysisPage page(cache_);
    page.setSetNames({"smooth", "noise"});
    QCOMPARE(page.pickerA()->currentSetName(), QString("smooth"));
    QCOMPARE(page.pickerB()->currentSetName(), QString("noise"));
    QTRY_VERIFY_WITH_TIMEOUT(page.currentImages().a && page.currentImages().b, 10000);
    QVERIFY(page.currentImages().a->pixels != page.currentImages().b->pixels);
    // The registry's sets before a results folder opens, and a view used alone, too.
    AnalysisPage fresh;
    if (ImageSetCache::availableSetNames().size() > 1)
      QVERIFY(fresh.pickerA()->currentSetName() != fresh.pickerB()->currentSetName());
    FourierMixingView alone(cache_);
    alone.setSetNames({"smooth", "noise"});
    QCOMPARE(alone.pickerB()->currentSetName(), QString("noise"));
    FeatureSwapView swapAlone(cache_);
    swapAlone.setSetNames({"smooth", "noise"});
    QCOMPARE(swapAlone.pickerB()->currentSetName(), QString("noise"));
  }

  // The main window holds the page in a scroll area: in a 1024x700 window (menu, page tabs and
  // status bar take about 110 px of its height) the page must fit without scrolling sideways,
  // and its tallest tab (the Fourier pair) may scroll by a line or two only when the log dock
  // is open (its default height leaves the page about 535 px).
  void fitsA1024By700Window() {
    AnalysisPage page(cache_);
    page.setSetNames({"smooth", "noise"});
    QString sizes;  // which tab is too big, when one is
    for (int tab = 0; tab < page.count(); ++tab) {
      const QSize size = page.tabs()->widget(tab)->minimumSizeHint();
      sizes +=
          QString(" %1: %2x%3").arg(page.tabs()->tabText(tab)).arg(size.width()).arg(size.height());
    }
    const QSize minimum = page.minimumSizeHint();
    sizes = QString("page %1x%2;").arg(minimum.width()).arg(minimum.height()) + sizes;
    QVERIFY2(minimum.width() <= 980, qPrintable(sizes));
    QVERIFY2(minimum.height() <= 570, qPrintable(sizes));
  }

  // A pixel-prior run whose set cannot load says why in the view and in the log panel's log.
  void aFailedPixelPriorRunIsShownAndLogged() {
    const auto log = std::make_shared<spdlog::sinks::ringbuffer_sink_mt>(64);
    addLogSink(log);
    AnalysisPage page(cache_);
    page.setSetNames({"smooth", "noise"});
    PixelPriorView* view = page.pixelPriorView();
    PixelPriorSettings settings = view->settings();
    settings.sets = {"smooth", "no-such-dataset:test"};
    settings.priorSet = "smooth";
    view->setSettings(settings);
    QSignalSpy finished(view, &PixelPriorView::finished);
    view->run();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    removeLogSink(log);
    const QString error = view->result().error;
    QVERIFY(error.contains("no-such-dataset:test"));
    QVERIFY(view->status().contains(error));
    bool logged = false;
    for (const std::string& line : log->last_formatted())
      logged = logged || (QString::fromStdString(line).contains("pixel-difference prior") &&
                          QString::fromStdString(line).contains(error));
    QVERIFY(logged);
  }

  // The default sets of the pixel prior are names the registry loads, never its display text
  // ("photos-manmade[:train|test]").
  void thePixelPriorDefaultsAreLoadableNames() {
    PixelPriorView view(cache_);
    const PixelPriorSettings settings = view.settings();
    QVERIFY(!settings.priorSet.contains('['));
    for (const QString& name : settings.sets) QVERIFY2(!name.contains('['), qPrintable(name));
  }
};

QTEST_MAIN(TestAnalysisPage)
#include "tst_analysis_page.moc"
