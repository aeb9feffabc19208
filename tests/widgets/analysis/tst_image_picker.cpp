// The image picker and the shared set cache: injected sets, index clamping, the one-image copy,
// a failed load reported (not crashed), and a real load of a registry set off the GUI thread.
#include <QComboBox>
#include <QSignalSpy>
#include <QSpinBox>
#include <QtTest>

#include "core/analysis/latent_analyses.h"
#include "core/analysis/mixing_scores.h"
#include "core/analysis/model_handle.h"
#include "widgets/analysis/image_picker.h"
#include "widgets/analysis/image_set_cache.h"

using namespace glowscope;

namespace {
std::shared_ptr<const ImageSet> rampImages(int count, const std::string& name) {
  auto set = std::make_shared<ImageSet>();
  set->name = name;
  set->count = count;
  set->channels = 1;
  set->height = set->width = 4;
  for (int i = 0; i < count; ++i)
    for (int p = 0; p < 16; ++p) set->pixels.push_back(uint8_t(10 * i + p));
  for (int i = 0; i < count; ++i) set->labels.push_back(i % 3);
  set->numClasses = 3;
  return set;
}
}  // namespace

class TestImagePicker : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void picksTheChosenImageOfAnInjectedSet() {
    ImageSetCache cache(100);
    cache.insert("ramp", rampImages(5, "ramp"));
    ImagePicker picker("a", &cache);
    QSignalSpy changed(&picker, &ImagePicker::imageChanged);
    picker.setCurrent("ramp", 3);
    QTRY_VERIFY(changed.count() > 0);
    QCOMPARE(picker.currentSetName(), QString("ramp"));
    QCOMPARE(picker.currentIndex(), 3);
    QCOMPARE(picker.indexBox()->maximum(), 4);
    const auto image = picker.currentImage();
    QVERIFY(image.has_value());
    QCOMPARE(image->count, int64_t{1});
    QCOMPARE(int(image->pixels[0]), 30);
    QCOMPARE(image->labels, std::vector<int32_t>{0});
    QCOMPARE(QString::fromStdString(image->name), QString("ramp #3"));
    picker.setCurrent("ramp", 99);  // clamped to the last image
    QCOMPARE(picker.currentIndex(), 4);
  }

  void aSetThatCannotLoadIsReportedNotCrashed() {
    ImageSetCache cache(10);
    QSignalSpy failed(&cache, &ImageSetCache::failed);
    ImagePicker picker("a", &cache);
    picker.setCurrent("idx:/nonexistent/images", 0);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
    QVERIFY(!picker.currentImage().has_value());
    QVERIFY(failed.at(0).at(1).toString().contains("nonexistent"));
  }

  void loadsARegistrySetOffTheGuiThreadOnce() {
    // scripts/setup.sh installs the photos, so the set must be listed as available.
    QVERIFY(ImageSetCache::availableSetNames().contains("photo-crops-gray:test"));
    // Loadable names, never the registry's display text "photos-manmade[:train|test]".
    QVERIFY(ImageSetCache::availableSetNames().contains("photos-manmade:test"));
    for (const QString& name : ImageSetCache::availableSetNames())
      QVERIFY2(!name.contains('['), qPrintable(name));
    ImageSetCache cache(50);
    QSignalSpy loaded(&cache, &ImageSetCache::loaded);
    cache.request("photo-crops-gray:test");
    cache.request("photo-crops-gray:test");  // already loading: no second load
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 60000);
    const auto set = cache.get("photo-crops-gray:test");
    QVERIFY(set);
    QCOMPARE(set->count, int64_t{50});
    cache.request("photo-crops-gray:test");  // loaded: answered from the cache
    QTRY_COMPARE(loaded.count(), 2);
    QCOMPARE(cache.get("photo-crops-gray:test").get(), set.get());
  }
};

QTEST_MAIN(TestImagePicker)
#include "tst_image_picker.moc"
