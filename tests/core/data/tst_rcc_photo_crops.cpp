#include <QTemporaryDir>
#include <QTest>
#include <opencv2/imgcodecs.hpp>
#include <set>

#include "core/data/data_error.h"
#include "core/data/loaders.h"
#include "core/data/photo_crops.h"
#include "core/data/rcc.h"
#include "test_files.h"

using namespace glowscope;
using namespace glowscope::testing;
namespace fs = std::filesystem;

namespace {

std::string reasonOf(const std::string& bytes) {
  try {
    listRcc(bytes, "mem.rcc");
    parseRcc(bytes, "mem.rcc");
  } catch (const DataError& e) {
    return e.path() == "mem.rcc" ? e.reason() : "wrong path " + e.path();
  }
  return "no error";
}

// A photo whose red channel is the constant `id * 20`, so a crop shows where it came from.
std::string photoBytes(int id, int rows, int cols, const char* ext) {
  cv::Mat bgr(rows, cols, CV_8UC3);
  for (int y = 0; y < rows; ++y)
    for (int x = 0; x < cols; ++x)
      bgr.at<cv::Vec3b>(y, x) = cv::Vec3b(uint8_t(x), uint8_t(y), uint8_t(id * 20));
  std::vector<uint8_t> out;
  cv::imencode(ext, bgr, out, {cv::IMWRITE_WEBP_QUALITY, 101});  // 101 = lossless WebP
  return std::string(out.begin(), out.end());
}

std::set<int> redValues(const ImageSet& set) {
  std::set<int> reds;
  for (int64_t i = 0; i < set.count; ++i) reds.insert(set.image(i)[0]);
  return reds;
}

}  // namespace

class TestRccPhotoCrops : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;
  fs::path dir() const { return fs::path(tmp_.path().toStdString()); }
  std::vector<PhotoRef> photos_;

 private Q_SLOTS:
  void initTestCase();
  void rccRoundTripsV1AndV3();
  void rccCorruptionsGiveDataErrors();
  void installedPhotosAreFoundAndGrouped();
  void cropsAreDeterministicFromTheSeed();
  void splitIsByPhoto();
  void cacheIsReusedAndRebuiltWhenStale();
};

void TestRccPhotoCrops::initTestCase() {
  // 7 animals (2 in an .rcc, 3 MATE-like jpgs, lomiri Dragonfly, palapeli bee), 4 man-made.
  const fs::path rcc = dir() / "rcc", mate = dir() / "mate", lomiri = dir() / "lomiri",
                 palapeli = dir() / "palapeli";
  const std::string prefix = "gcompris/src/activities/erase/resource/";
  writeBytes(rcc / "erase.rcc",
             rccBytes({{prefix + "a.webp", photoBytes(1, 120, 200, ".webp"), true},
                       {prefix + "b.webp", photoBytes(2, 150, 100, ".webp")},
                       {prefix + "README", "not a photo"}}));
  writeBytes(rcc / "explore_monuments.rcc",
             rccBytes({{"gcompris/src/activities/explore_monuments/resource/fr/c.webp",
                        photoBytes(3, 100, 100, ".webp"), true}}));
  const std::pair<int, const char*> mateFiles[] = {{4, "m4.jpg"}, {5, "m5.jpg"}, {6, "m6.jpg"}};
  for (const auto& [id, name] : mateFiles) writeBytes(mate / name, photoBytes(id, 90, 160, ".png"));
  writeBytes(lomiri / "Dragonfly_by_Bolly.jpg", photoBytes(7, 64, 64, ".png"));
  writeBytes(lomiri / "Bridge_by_Sander_Klootwijk.jpg", photoBytes(8, 64, 80, ".png"));
  writeBytes(lomiri / "umang_by_Abhishek_Mudgal.jpg", photoBytes(12, 64, 80, ".png"));
  writeBytes(palapeli / "castle-maintenon.jpg", photoBytes(9, 70, 70, ".png"));
  writeBytes(palapeli / "european-honey-bee.jpg", photoBytes(10, 200, 70, ".png"));
  writeBytes(palapeli / "castle-maintenon.desktop", "[Desktop Entry]");
  writeBytes(palapeli / "other.jpg", photoBytes(11, 50, 50, ".png"));  // unknown: nature
  photos_ = findInstalledPhotos({rcc, mate, lomiri, palapeli});
}

void TestRccPhotoCrops::rccRoundTripsV1AndV3() {
  const std::vector<RccInput> files{{"top.txt", "hello"},
                                    {"d/e/deep.bin", std::string(5000, 'z'), true},
                                    {"d/f.txt", "", false},
                                    {"d/e/g\xc3\xa9.txt", "utf16", true}};
  for (int version : {1, 2, 3}) {
    const auto parsed = parseRcc(rccBytes(files, version), "v.rcc");
    QCOMPARE(parsed.size(), files.size());
    for (const auto& in : files) {
      const auto it = std::find_if(parsed.begin(), parsed.end(),
                                   [&](const RccFile& f) { return f.path == in.path; });
      QVERIFY2(it != parsed.end(), in.path.c_str());
      QCOMPARE(it->data, in.content);
    }
  }
  const auto selected = parseRcc(rccBytes(files), "v.rcc",
                                 [](const std::string& p) { return p.rfind("d/e/", 0) == 0; });
  QCOMPARE(selected.size(), size_t(2));
  QCOMPARE(selected[1].path, std::string("d/e/g\xc3\xa9.txt"));
  QCOMPARE(listRcc(rccBytes(files), "v.rcc").size(), size_t(4));
}

void TestRccPhotoCrops::rccCorruptionsGiveDataErrors() {
  const std::string good = rccBytes({{"a/b.txt", "payload", true}, {"c.txt", "x"}});
  QCOMPARE(reasonOf(good), std::string("no error"));
  std::string bad = good;
  bad[0] = 'Q';
  QVERIFY(reasonOf(bad).find("magic") != std::string::npos);
  QVERIFY(reasonOf(good.substr(0, 10)).find("magic") != std::string::npos);
  for (size_t cut : {good.size() - 1, good.size() - 30, size_t(40)})
    QVERIFY2(reasonOf(good.substr(0, cut)) != "no error", std::to_string(cut).c_str());
  bad = good;
  bad[7] = 9;  // version 9
  QVERIFY(reasonOf(bad).find("version") != std::string::npos);
  // Point the root's first child back at the root: a cycle, not an endless walk.
  const uint32_t tree = (uint8_t(good[8]) << 24) | (uint8_t(good[9]) << 16) |
                        (uint8_t(good[10]) << 8) | uint8_t(good[11]);
  bad = good;
  // Root is entry 0: u32 name, u16 flags, u32 count, u32 first child at tree+10.
  bad[tree + 13] = 0;
  QVERIFY(reasonOf(bad) != "no error");
  bad = good;
  bad[tree + 9] = char(200);  // 200 children
  QVERIFY(reasonOf(bad).find("children") != std::string::npos);
  // Corrupt the zlib stream of the only, compressed blob (data section starts at byte 24).
  const std::string one = rccBytes({{"b.txt", "payload", true}});
  QCOMPARE(reasonOf(one), std::string("no error"));
  bad = one;
  bad[24 + 4 + 4 + 2] ^= 0x55;
  QVERIFY(reasonOf(bad) != "no error");
  // Claim a larger uncompressed size than the stream yields.
  bad = one;
  bad[24 + 4 + 3] = char(uint8_t(bad[24 + 4 + 3]) + 1);
  QVERIFY(reasonOf(bad).find("size") != std::string::npos);
}

void TestRccPhotoCrops::installedPhotosAreFoundAndGrouped() {
  QCOMPARE(photos_.size(), size_t(11));  // README, .desktop and umang skipped
  int animals = 0;
  for (const auto& p : photos_) {
    animals += p.group == PhotoGroup::AnimalsNature;
    QVERIFY(p.key.find("umang") == std::string::npos);
    if (p.key.find("Bridge") != std::string::npos || p.key.find("castle") != std::string::npos ||
        p.key.find("monuments") != std::string::npos)
      QVERIFY2(p.group == PhotoGroup::ManMade, p.key.c_str());
  }
  QCOMPARE(animals, 8);
  const auto rccPhoto = std::find_if(photos_.begin(), photos_.end(), [](const PhotoRef& p) {
    return p.rccPath.find("a.webp") != std::string::npos;
  });
  QVERIFY(rccPhoto != photos_.end());
  QCOMPARE(readPhotoBytes(*rccPhoto), photoBytes(1, 120, 200, ".webp"));
}

void TestRccPhotoCrops::cropsAreDeterministicFromTheSeed() {
  PhotoCropOptions o;
  o.count = 60;
  const ImageSet a = generatePhotoCrops(photos_, o);
  const ImageSet b = generatePhotoCrops(photos_, o);
  QCOMPARE(a.count, 60);
  QCOMPARE(a.imageBytes(), 3 * 32 * 32);
  QVERIFY(a.pixels == b.pixels);
  QVERIFY(a.labels == b.labels);
  o.seed += 1;
  QVERIFY(generatePhotoCrops(photos_, o).pixels != a.pixels);
  o.channels = 1;
  o.size = 28;
  const ImageSet gray = generatePhotoCrops(photos_, o);
  QCOMPARE(gray.imageBytes(), 28 * 28);
  // Gradient photos: crops differ in content (position/scale) not only in colour.
  std::set<std::string> distinct;
  for (int64_t i = 0; i < a.count; ++i)
    distinct.insert(std::string(reinterpret_cast<const char*>(a.image(i)), size_t(a.imageBytes())));
  QVERIFY(distinct.size() > 50);
}

void TestRccPhotoCrops::splitIsByPhoto() {
  PhotoCropOptions o;
  o.count = 200;
  const auto train = photosOfSplit(photos_, o);
  o.split = CropSplit::Test;
  const auto test = photosOfSplit(photos_, o);
  QCOMPARE(train.size() + test.size(), photos_.size());
  std::set<std::string> trainKeys;
  for (const auto& p : train) trainKeys.insert(p.key);
  std::set<int> testReds, trainReds;
  int testAnimals = 0, testManMade = 0;
  for (const auto& p : test) {
    QVERIFY(!trainKeys.count(p.key));
    (p.group == PhotoGroup::AnimalsNature ? testAnimals : testManMade)++;
  }
  QCOMPARE(testAnimals, 2);  // ceil(0.2 * 8)
  QCOMPARE(testManMade, 1);  // ceil(0.2 * 3)
  const ImageSet testCrops = generatePhotoCrops(photos_, o);
  o.split = CropSplit::Train;
  const ImageSet trainCrops = generatePhotoCrops(photos_, o);
  const auto testSeen = redValues(testCrops), trainSeen = redValues(trainCrops);
  QCOMPARE(testSeen.size(), test.size());
  QCOMPARE(trainSeen.size(), train.size());
  for (int red : testSeen) QVERIFY(!trainSeen.count(red));
  o.onlyGroup = true;
  o.group = PhotoGroup::ManMade;
  for (int32_t label : generatePhotoCrops(photos_, o).labels) QCOMPARE(label, 1);
}

void TestRccPhotoCrops::cacheIsReusedAndRebuiltWhenStale() {
  PhotoCropOptions o;
  o.count = 30;
  const fs::path cache = dir() / "cache" / "crops.bin";
  const ImageSet first = loadPhotoCropsCached(photos_, o, cache);
  QVERIFY(fs::exists(cache));
  QVERIFY(first.pixels == generatePhotoCrops(photos_, o).pixels);
  // Tamper with one pixel but keep the header: a current cache is read, not regenerated.
  std::string bytes = readDataFile(cache);
  bytes[bytes.size() - 31] ^= 0x7f;
  writeBytes(cache, bytes);
  const ImageSet cached = loadPhotoCropsCached(photos_, o, cache);
  QVERIFY(cached.pixels != first.pixels);
  // A changed source list makes it stale: rebuilt and rewritten.
  auto fewer = photos_;
  fewer.pop_back();
  const ImageSet rebuilt = loadPhotoCropsCached(fewer, o, cache);
  QVERIFY(rebuilt.pixels == generatePhotoCrops(fewer, o).pixels);
  QVERIFY(readDataFile(cache) != bytes);
  // A truncated file or a different seed is rebuilt too.
  writeBytes(cache, readDataFile(cache).substr(0, 100));
  QVERIFY(loadPhotoCropsCached(fewer, o, cache).pixels == rebuilt.pixels);
  o.seed = 99;
  QVERIFY(loadPhotoCropsCached(fewer, o, cache).pixels == generatePhotoCrops(fewer, o).pixels);
}

QTEST_APPLESS_MAIN(TestRccPhotoCrops)
#include "tst_rcc_photo_crops.moc"
