// Reads the real Fashion-MNIST and MNIST files installed by scripts/setup.sh (label "data").
#include <QTest>
#include <array>

#include <QTemporaryDir>
#include "core/data/dataset_registry.h"
#include "core/data/loaders.h"
#include "core/data/photo_crops.h"
#include "md5.h"

using namespace glowscope;
using namespace glowscope::testing;
namespace fs = std::filesystem;

namespace {

std::array<int, 10> histogram(const ImageSet& set) {
  std::array<int, 10> counts{};
  for (int32_t label : set.labels) counts.at(size_t(label))++;
  return counts;
}

#define SKIP_UNLESS_EXISTS(file) \
  if (!fs::exists(file))         \
  QSKIP(("absent: " + fs::path(file).string() + " (install with: bash scripts/setup.sh)").c_str())

}  // namespace

class TestRealData : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void md5OfKnownStrings();
  void mnistFilesMatchThePublishedMd5();
  void mnistCountsAndTestHistogram();
  void fashionMnistCountsAndHistograms();
  void installedPhotosGiveCropsOfBothGroups();
};

void TestRealData::md5OfKnownStrings() {
  QCOMPARE(md5Hex(""), std::string("d41d8cd98f00b204e9800998ecf8427e"));
  QCOMPARE(md5Hex("The quick brown fox jumps over the lazy dog"),
           std::string("9e107d9d372bb6826bd81d3542a419d6"));
}

void TestRealData::mnistFilesMatchThePublishedMd5() {
  const fs::path dir = dataCacheDir() / "mnist";
  SKIP_UNLESS_EXISTS(dir / "train-images-idx3-ubyte");
  SKIP_UNLESS_EXISTS(dir / "t10k-images-idx3-ubyte");
  QCOMPARE(md5Hex(readDataFile(dir / "train-images-idx3-ubyte")),
           std::string("6bbc9ace898e44ae57da46a324031adb"));
  QCOMPARE(md5Hex(readDataFile(dir / "t10k-images-idx3-ubyte")),
           std::string("2646ac647ad5339dbf082846283269ea"));
}

void TestRealData::mnistCountsAndTestHistogram() {
  SKIP_UNLESS_EXISTS(dataCacheDir() / "mnist" / "t10k-labels-idx1-ubyte");
  SKIP_UNLESS_EXISTS(dataCacheDir() / "mnist" / "train-labels-idx1-ubyte");
  const ImageSet test = loadDataset("mnist:test");
  QCOMPARE(test.count, 10000);
  QCOMPARE(test.height, 28);
  QCOMPARE(test.width, 28);
  QCOMPARE(test.channels, 1);
  QCOMPARE(histogram(test),
           (std::array<int, 10>{980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009}));
  const ImageSet train = loadDataset("mnist:train");
  QCOMPARE(train.count, 60000);
  QCOMPARE(int(train.labels.size()), 60000);
}

void TestRealData::fashionMnistCountsAndHistograms() {
  const fs::path dir = "/usr/share/datasets/fashion-mnist";
  SKIP_UNLESS_EXISTS(dir / "t10k-images-idx3-ubyte.gz");
  SKIP_UNLESS_EXISTS(dir / "train-images-idx3-ubyte.gz");
  const ImageSet test = loadDataset("fashion-mnist:test");
  QCOMPARE(test.count, 10000);
  QCOMPARE(test.imageBytes(), 784);
  std::array<int, 10> thousand;
  thousand.fill(1000);
  QCOMPARE(histogram(test), thousand);
  const ImageSet train = loadDataset("fashion-mnist:train");
  QCOMPARE(train.count, 60000);
  std::array<int, 10> sixThousand;
  sixThousand.fill(6000);
  QCOMPARE(histogram(train), sixThousand);
  // Not all-black: the payload was really read.
  QVERIFY(std::count(test.pixels.begin(), test.pixels.end(), 0) < int64_t(test.pixels.size()));
}

void TestRealData::installedPhotosGiveCropsOfBothGroups() {
  SKIP_UNLESS_EXISTS("/usr/share/gcompris-qt/rcc/erase.rcc");
  const auto photos = findInstalledPhotos();
  int animals = 0, manMade = 0;
  for (const auto& p : photos) (p.group == PhotoGroup::AnimalsNature ? animals : manMade)++;
  qInfo("installed photos: %d animals & nature, %d man-made", animals, manMade);
  QVERIFY(animals >= 80);  // data.md: ~107 and ~160 with every package installed
  QVERIFY(manMade >= 120);
  QTemporaryDir tmp;
  LoadOptions options;
  options.dataDir = tmp.path().toStdString();
  options.photoCropCount = 300;
  const ImageSet crops = loadDataset("photo-crops-rgb:test", options);
  QCOMPARE(crops.count, 300);
  QCOMPARE(crops.imageBytes(), 3 * 32 * 32);
  QCOMPARE(std::count(crops.labels.begin(), crops.labels.end(), 0) > 0, true);
  QCOMPARE(std::count(crops.labels.begin(), crops.labels.end(), 1) > 0, true);
  double mean = 0;
  for (uint8_t v : crops.pixels) mean += v;
  mean /= double(crops.pixels.size());
  QVERIFY2(mean > 90 && mean < 170, std::to_string(mean).c_str());              // data.md: ~125
  QCOMPARE(loadDataset("photo-crops-rgb:test", options).pixels, crops.pixels);  // from the cache
  QCOMPARE(loadDataset("photos-animals", options).labels, std::vector<int32_t>(300, 0));
}

QTEST_APPLESS_MAIN(TestRealData)
#include "tst_real_data.moc"
