// The Tiny-like general set on sources the test writes (and one packaged font): sources found per
// family, split by source (no source on both sides, one icon's sizes together), deterministic
// from the seed, the mix proportions as configured, the cache; glyph rendering; font-letters.
#include <QTemporaryDir>
#include <QTest>
#include <opencv2/imgcodecs.hpp>
#include <set>

#include "core/data/data_error.h"
#include "core/data/dataset_registry.h"
#include "core/data/font_letters.h"
#include "core/data/general_set.h"
#include "core/data/glyph_font.h"
#include "test_files.h"

using namespace glowscope;
using namespace glowscope::testing;
namespace fs = std::filesystem;

namespace {

const fs::path kPackagedFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";  // setup.sh

// A flat opaque image of gray level `level`: a crop or placement of it shows where it came from.
std::string flatPng(int level, int rows, int cols) {
  const cv::Mat bgr(rows, cols, CV_8UC3, cv::Scalar(level, level, level));
  std::vector<uint8_t> out;
  cv::imencode(".png", bgr, out);
  return std::string(out.begin(), out.end());
}

// A small sprite with a transparent border (placed whole on a random background).
std::string spritePng(int level) {
  cv::Mat bgra(20, 12, CV_8UC4, cv::Scalar(0, 0, 0, 0));
  bgra(cv::Rect(2, 3, 8, 14)).setTo(cv::Scalar(level, level, level, 255));
  std::vector<uint8_t> out;
  cv::imencode(".png", bgra, out);
  return std::string(out.begin(), out.end());
}

// "p3.png": built by appending (GCC 12 warns falsely on "p" + std::to_string(i) + ".png").
std::string numberedPng(const char* prefix, int i) {
  std::string name(prefix);
  name += std::to_string(i);
  name += ".png";
  return name;
}

int64_t countLabel(const ImageSet& set, int label) {
  return std::count(set.labels.begin(), set.labels.end(), label);
}

}  // namespace

class TestGeneralSet : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;
  fs::path dir() const { return fs::path(tmp_.path().toStdString()); }
  GeneralSourceRoots roots_;
  std::vector<GeneralSource> sources_;
  bool haveFont_ = false;

  GeneralSetOptions options(CropSplit split, const char* mix) const {
    GeneralSetOptions o;
    o.count = 300;
    o.size = 16;
    o.channels = 1;
    o.seed = 5;
    o.split = split;
    o.mix = GeneralMix::parse(mix);
    return o;
  }

 private Q_SLOTS:
  void initTestCase() {
    // Photos: ten flat "photographs" (levels 10..100) in a MATE-like folder; game art: two
    // opaque textures; clip art: sprites and a mirrored copy (left out); icons: three names at
    // two sizes each; glyphs: the packaged DejaVu Sans when installed.
    roots_.photos = {dir() / "none", dir() / "mate", dir() / "none", dir() / "none"};
    for (int i = 1; i <= 10; ++i)
      writeBytes(dir() / "mate" / numberedPng("p", i), flatPng(10 * i, 80, 120));
    roots_.gameArtDirs = {dir() / "game"};
    writeBytes(dir() / "game" / "textures" / "t1.png", flatPng(150, 70, 70));
    writeBytes(dir() / "game" / "textures" / "t2.jpg", flatPng(160, 90, 64));
    roots_.clipArtDir = dir() / "stamps";
    for (int i = 0; i < 4; ++i)
      writeBytes(dir() / "stamps" / "animals" / numberedPng("s", i), spritePng(200 + i));
    writeBytes(dir() / "stamps" / "animals" / "s0_mirror.png", spritePng(200));
    writeBytes(dir() / "stamps" / "symbols" / "math" / "seven.png", spritePng(7));
    roots_.iconDir = dir() / "icons";
    for (const char* size : {"32x32", "128x128"})
      for (const char* name : {"a.png", "b.png", "c.png"})
        writeBytes(dir() / "icons" / size / "apps" / name, spritePng(220));
    roots_.glyphFontDirs = {dir() / "fonts"};
    haveFont_ = fs::exists(kPackagedFont);
    if (haveFont_) {
      fs::create_directories(dir() / "fonts");
      fs::copy_file(kPackagedFont, dir() / "fonts" / "DejaVuSans.ttf");
      fs::copy_file(kPackagedFont, dir() / "fonts" / "DejaVuSans-Bold.ttf");
      fs::copy_file(kPackagedFont, dir() / "fonts" / "Other-Regular.ttf");
    }
    sources_ = findGeneralSources(roots_);
  }

  void sourcesAreFoundPerFamily() {
    std::map<GeneralFamily, int> perFamily;
    for (const GeneralSource& s : sources_) ++perFamily[s.family];
    QCOMPARE(perFamily[GeneralFamily::Photo], 10);
    QCOMPARE(perFamily[GeneralFamily::GameArt], 2);
    QCOMPARE(perFamily[GeneralFamily::ClipArt], 4);  // no _mirror copy, no number stamps
    QCOMPARE(perFamily[GeneralFamily::Icon], 3);     // one per name: its largest size
    for (const GeneralSource& s : sources_)
      if (s.family == GeneralFamily::Icon) QVERIFY(s.key.find("128x128") != std::string::npos);
    QCOMPARE(perFamily[GeneralFamily::Glyph], haveFont_ ? 3 : 0);
  }

  void splitIsBySourceAndKeepsFontFamiliesTogether() {
    const auto train = generalSourcesOfSplit(sources_, options(CropSplit::Train, "photo=1"));
    const auto test = generalSourcesOfSplit(sources_, options(CropSplit::Test, "photo=1"));
    std::set<std::string> trainKeys, testKeys, trainSplitKeys;
    for (const auto& s : train) trainKeys.insert(s.key), trainSplitKeys.insert(s.splitKey);
    for (const auto& s : test) {
      testKeys.insert(s.key);
      QVERIFY2(!trainSplitKeys.count(s.splitKey), s.splitKey.c_str());
    }
    QCOMPARE(trainKeys.size() + testKeys.size(), sources_.size());
    for (const auto& key : testKeys) QVERIFY(!trainKeys.count(key));
    int testPhotos = 0;
    for (const auto& s : test) testPhotos += s.family == GeneralFamily::Photo;
    QCOMPARE(testPhotos, 2);  // ceil(0.2 * 10)
    if (haveFont_) {  // DejaVuSans and DejaVuSans-Bold share the split key "font:DejaVuSans"
      int dejaVuInTrain = 0;
      for (const auto& s : train) dejaVuInTrain += s.splitKey == "font:DejaVuSans";
      QVERIFY(dejaVuInTrain == 0 || dejaVuInTrain == 2);
    }
  }

  // Photos are flat gray levels, so every image shows which photo it was cut from: no train
  // image comes from a held-out photo, and the test images come only from those.
  void imagesComeOnlyFromTheirSplitsSources() {
    std::set<int> testLevels;
    for (const auto& s : generalSourcesOfSplit(sources_, options(CropSplit::Test, "photo=1")))
      if (s.family == GeneralFamily::Photo)
        testLevels.insert(std::stoi(s.file.stem().string().substr(1)) * 10);
    for (CropSplit split : {CropSplit::Train, CropSplit::Test}) {
      const ImageSet set = generateGeneralSet(sources_, options(split, "photo=1"));
      QCOMPARE(set.count, int64_t{300});
      for (int64_t i = 0; i < set.count; ++i) {
        const int level = set.image(i)[0];
        QCOMPARE(int(set.image(i)[set.imageBytes() - 1]), level);  // flat: one source
        QCOMPARE(bool(testLevels.count(level)), split == CropSplit::Test);
      }
    }
  }

  void generationIsDeterministicFromTheSeed() {
    const char* mix =
        haveFont_ ? "photo=2,game=1,clipart=1,icon=1,glyph=1" : "photo=2,game=1,clipart=1,icon=1";
    const GeneralSetOptions o = options(CropSplit::Train, mix);
    const ImageSet a = generateGeneralSet(sources_, o);
    const ImageSet b = generateGeneralSet(sources_, o);
    QVERIFY(a.pixels == b.pixels);
    QVERIFY(a.labels == b.labels);
    GeneralSetOptions other = o;
    other.seed = 6;
    QVERIFY(generateGeneralSet(sources_, other).pixels != a.pixels);
    GeneralSetOptions rgb = o;
    rgb.channels = 3;
    QCOMPARE(generateGeneralSet(sources_, rgb).imageBytes(), int64_t{3 * 16 * 16});
  }

  void mixProportionsAreAsConfigured() {
    const GeneralMix mix = GeneralMix::parse("photo=3,game=1,icon=2,glyph=2");
    QCOMPARE(familyCounts(mix, 100), (std::array<int64_t, 5>{38, 12, 0, 25, 25}));
    QCOMPARE(familyCounts(GeneralMix::parse("photo=1,icon=1"), 7),
             (std::array<int64_t, 5>{4, 0, 0, 3, 0}));
    QCOMPARE(GeneralMix::parse(mix.toString()).weights, mix.weights);
    QVERIFY_THROWS_EXCEPTION(ConfigError, GeneralMix::parse("photos=1"));
    QVERIFY_THROWS_EXCEPTION(ConfigError, GeneralMix::parse("photo=-1"));
    QVERIFY_THROWS_EXCEPTION(ConfigError, GeneralMix::parse("photo=0"));
    // The generated labels (= families) follow the counts; the families are interleaved.
    const ImageSet set =
        generateGeneralSet(sources_, options(CropSplit::Train, "photo=3,game=1,clipart=2,icon=2"));
    QCOMPARE(countLabel(set, 0), int64_t{113});  // 300 * 3/8 = 112.5, rounded up first
    QCOMPARE(countLabel(set, 1), int64_t{37});
    QCOMPARE(countLabel(set, 2), int64_t{75});
    QCOMPARE(countLabel(set, 3), int64_t{75});
    QCOMPARE(countLabel(set, 4), int64_t{0});
    std::set<int> firstLabels(set.labels.begin(), set.labels.begin() + 40);
    QVERIFY(firstLabels.size() >= 3);
  }

  // plain=<percent>: that share of placed objects sits on a black or white background. The
  // icon sprites are narrower than high, so column 0 or the last column is background.
  void plainBackgroundsAreBlackOrWhiteInTheirShare() {
    QCOMPARE(GeneralMix::parse("icon=1,plain=50").plainBackgroundShare, 0.5);
    QCOMPARE(GeneralMix::parse(GeneralMix::parse("icon=1,plain=25").toString())
                 .plainBackgroundShare,
             0.25);
    QCOMPARE(GeneralMix::parse(GeneralMix{}.toString()).plainBackgroundShare, 0.5);
    QVERIFY(GeneralMix::parse("icon=1").toString().find("plain") == std::string::npos);
    QVERIFY_THROWS_EXCEPTION(ConfigError, GeneralMix::parse("icon=1,plain=150"));
    const auto plainCounts = [&](const char* mix) {
      const ImageSet set = generateGeneralSet(sources_, options(CropSplit::Train, mix));
      std::array<int64_t, 2> blackWhite{};
      for (int64_t i = 0; i < set.count; ++i)
        for (const int64_t column : {int64_t{0}, set.width - 1}) {
          const uint8_t value = set.pixels[size_t(i * set.imageBytes() + 8 * set.width + column)];
          if (value == 0 || value == 255) {
            ++blackWhite[value == 255];
            break;
          }
        }
      return blackWhite;
    };
    const auto all = plainCounts("icon=1,plain=100");
    QCOMPARE(all[0] + all[1], int64_t{300});
    QVERIFY(all[0] > 100 && all[1] > 100);
    const auto none = plainCounts("icon=1");
    QVERIFY(none[0] + none[1] < 15);
    const auto half = plainCounts("icon=1,plain=50");
    QVERIFY(half[0] + half[1] > 105 && half[0] + half[1] < 195);
  }

  void missingFamilyIsAClearError() {
    GeneralSourceRoots none = roots_;
    none.iconDir = dir() / "no-icons";
    QVERIFY_THROWS_EXCEPTION(DataError, generateGeneralSet(findGeneralSources(none),
                                                           options(CropSplit::Train, "icon=1")));
  }

  void cacheIsReusedAndRebuiltWhenStale() {
    const fs::path cache = dir() / "cache" / "general.bin";
    const GeneralSetOptions o = options(CropSplit::Train, "photo=1,game=1");
    const ImageSet first = loadGeneralSetCached(sources_, o, cache);
    QVERIFY(fs::exists(cache));
    const auto written = fs::last_write_time(cache);
    const ImageSet again = loadGeneralSetCached(sources_, o, cache);
    QVERIFY(again.pixels == first.pixels && again.labels == first.labels);
    QCOMPARE(fs::last_write_time(cache), written);
    GeneralSetOptions otherMix = o;
    otherMix.mix = GeneralMix::parse("photo=1,clipart=1");
    const ImageSet rebuilt = loadGeneralSetCached(sources_, otherMix, cache);
    QCOMPARE(countLabel(rebuilt, 2), int64_t{150});
  }

  void glyphRenderingOnAPackagedFont() {
    if (!haveFont_) QSKIP("fonts-dejavu-core is not installed (bash scripts/setup.sh installs it)");
    GlyphFont font(kPackagedFont);
    QVERIFY(font.hasCharacter(U'A') && font.hasCharacter(U'\u0416'));  // Latin, Cyrillic
    QVERIFY(!font.hasCharacter(U' '));
    const GlyphBitmap a = font.render(U'A', 64);
    QVERIFY(!a.empty());
    QVERIFY(a.height > 30 && a.height <= 64 && a.width > 30);
    // Cropped to the ink: the first and last rows and columns all have some.
    const auto rowInk = [&](int r) {
      int ink = 0;
      for (int c = 0; c < a.width; ++c) ink += a.coverage[size_t(r * a.width + c)];
      return ink;
    };
    QVERIFY(rowInk(0) > 0 && rowInk(a.height - 1) > 0);
    QVERIFY(font.render(U'\uE000', 64).empty());  // private use: not in the font
    writeBytes(dir() / "not-a-font.ttf", "plain text");
    QVERIFY_THROWS_EXCEPTION(DataError, GlyphFont(dir() / "not-a-font.ttf"));
  }

  void fontLettersAreCentredLettersAToJ() {
    if (!haveFont_) QSKIP("fonts-dejavu-core is not installed (bash scripts/setup.sh installs it)");
    const auto fonts = findLetterFonts({dir() / "fonts"});
    QCOMPARE(fonts.size(), size_t{3});
    FontLetterOptions o;
    o.count = 200;
    const ImageSet set = generateFontLetters(fonts, o);
    QCOMPARE(set.height, int64_t{28});
    std::set<int> labels(set.labels.begin(), set.labels.end());
    QCOMPARE(labels, (std::set<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
    for (int64_t i = 0; i < set.count; ++i) {
      // Black background, the ink's bounding box centred (within a pixel of rounding).
      int top = 28, bottom = -1, left = 28, right = -1;
      for (int r = 0; r < 28; ++r)
        for (int c = 0; c < 28; ++c)
          if (set.image(i)[r * 28 + c] > 0)
            top = std::min(top, r), bottom = std::max(bottom, r), left = std::min(left, c),
            right = std::max(right, c);
      QVERIFY(bottom >= 0);
      QVERIFY2(std::abs((top + bottom) - 27) <= 3 && std::abs((left + right) - 27) <= 3,
               std::to_string(i).c_str());
      QVERIFY(std::max(bottom - top, right - left) + 1 >= 18);  // 70-95% of 28
    }
    QVERIFY(generateFontLetters(fonts, o).pixels == set.pixels);
    QVERIFY_THROWS_EXCEPTION(DataError, generateFontLetters({}, o));
  }

  void registryNamesTheGeneralSets() {
    bool gray = false, letters = false;
    for (const DatasetInfo& info : listDatasets()) {
      gray |= info.name == "general-gray:train";
      letters |= info.name == "font-letters:test";
    }
    QVERIFY(gray && letters);
    QVERIFY_THROWS_EXCEPTION(ConfigError, loadDataset("general-gray"));
    QVERIFY_THROWS_EXCEPTION(ConfigError, loadDataset("general-gray:photos=1:train"));
    QVERIFY_THROWS_EXCEPTION(ConfigError, loadDataset("font-letters:train"));
  }
};

QTEST_GUILESS_MAIN(TestGeneralSet)
#include "tst_general_set.moc"
