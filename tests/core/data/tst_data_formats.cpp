#include <matio.h>

#include <QTemporaryDir>
#include <QTest>
#include <numeric>
#include <opencv2/imgcodecs.hpp>

#include "core/data/dataset_registry.h"
#include "core/data/loaders.h"
#include "test_files.h"

using namespace glowscope;
using namespace glowscope::testing;
namespace fs = std::filesystem;

namespace {

// "path|reason" of the DataError `action` throws, or "no error" / "other: ...".
template <typename Action>
std::string dataErrorOf(Action&& action) {
  try {
    action();
  } catch (const DataError& e) {
    return e.path() + "|" + e.reason();
  } catch (const std::exception& e) {
    return std::string("other: ") + e.what();
  }
  return "no error";
}

#define EXPECT_DATA_ERROR(action, path, reasonPart)                                              \
  do {                                                                                           \
    const std::string got = dataErrorOf([&] { action; });                                        \
    QVERIFY2(                                                                                    \
        got.rfind(std::string(path) + "|", 0) == 0 && got.find(reasonPart) != std::string::npos, \
        ("expected DataError(" + std::string(path) + ", *" + reasonPart + "*), got: " + got)     \
            .c_str());                                                                           \
  } while (0)

std::vector<uint8_t> ramp(size_t n, int start = 0) {
  std::vector<uint8_t> v(n);
  for (size_t i = 0; i < n; ++i) v[i] = uint8_t((start + i * 7) & 0xff);
  return v;
}

std::string cifarRecords(int count, bool cifar100, int firstLabel) {
  std::string out;
  for (int i = 0; i < count; ++i) {
    if (cifar100) out += char((firstLabel + i) % 20);  // coarse
    out += char((firstLabel + i) % (cifar100 ? 100 : 10));
    const auto px = ramp(3072, firstLabel * 31 + i);
    out.append(px.begin(), px.end());
  }
  return out;
}

void writeSvhn(const fs::path& file, int count, const std::vector<double>& labels, size_t side = 32,
               bool compress = true) {
  mat_t* mat = Mat_CreateVer(file.c_str(), nullptr, MAT_FT_MAT5);
  QVERIFY(mat);
  size_t xDims[4] = {side, 32, 3, size_t(count)};
  auto pixels = ramp(side * 32 * 3 * count);
  matvar_t* x = Mat_VarCreate("X", MAT_C_UINT8, MAT_T_UINT8, 4, xDims, pixels.data(), 0);
  Mat_VarWrite(mat, x, compress ? MAT_COMPRESSION_ZLIB : MAT_COMPRESSION_NONE);
  Mat_VarFree(x);
  size_t yDims[2] = {labels.size(), 1};
  matvar_t* y = Mat_VarCreate("y", MAT_C_DOUBLE, MAT_T_DOUBLE, 2, yDims,
                              const_cast<double*>(labels.data()), 0);
  Mat_VarWrite(mat, y, MAT_COMPRESSION_NONE);
  Mat_VarFree(y);
  Mat_Close(mat);
}

}  // namespace

class TestDataFormats : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;
  fs::path dir() const { return fs::path(tmp_.path().toStdString()); }

 private Q_SLOTS:
  void idxRawAndGzipReadBackExactly();
  void idxCorruptFilesGiveDataErrors();
  void cifarReadsBatchesAndLabels();
  void cifarCorruptFilesGiveDataErrors();
  void svhnMatReadsTransposedAndMapsTen();
  void svhnCorruptFilesGiveDataErrors();
  void imageFolderReadsClassesAndFlat();
  void imageFolderErrors();
  void registryParsesSpecsAndLimits();
  void listDatasetsNamesEveryBuiltIn();
  void loadableNamesExpandOptionalSplits();
  void dataCacheDirFollowsEnvironment();
};

void TestDataFormats::idxRawAndGzipReadBackExactly() {
  const auto pixels = ramp(5 * 4 * 3);
  const std::vector<uint8_t> labels{3, 1, 4, 1, 5};
  writeBytes(dir() / "raw-images", idxBytes({5, 4, 3}, pixels));
  writeBytes(dir() / "gz-labels.gz", deflateBytes(idxBytes({5}, labels), true));
  for (const char* images : {"raw-images", "gz-images.gz"}) {
    if (std::string(images) == "gz-images.gz")
      writeBytes(dir() / images, deflateBytes(idxBytes({5, 4, 3}, pixels), true));
    const ImageSet set = loadIdx(dir() / images, dir() / "gz-labels.gz", "t");
    QCOMPARE(set.count, 5);
    QCOMPARE(set.channels, 1);
    QCOMPARE(set.height, 4);
    QCOMPARE(set.width, 3);
    QVERIFY(set.pixels == pixels);
    QCOMPARE(set.labels, std::vector<int32_t>(labels.begin(), labels.end()));
    QCOMPARE(set.numClasses, 10);
  }
  const IdxArray array = parseIdx(idxBytes({2, 3}, ramp(6)), "mem");
  QCOMPARE(array.dims, (std::vector<int64_t>{2, 3}));
}

void TestDataFormats::idxCorruptFilesGiveDataErrors() {
  const std::string good = idxBytes({4, 2, 2}, ramp(16));
  const auto f = [&](const char* name, const std::string& bytes) {
    writeBytes(dir() / name, bytes);
    return (dir() / name).string();
  };
  const std::string truncated = f("trunc", good.substr(0, good.size() - 1));
  EXPECT_DATA_ERROR(loadIdx(truncated, std::nullopt, "t"), truncated, "truncated");
  std::string badMagic = good;
  badMagic[0] = 0x12;
  const std::string magic = f("magic", badMagic);
  EXPECT_DATA_ERROR(loadIdx(magic, std::nullopt, "t"), magic, "magic");
  const std::string absurd = f("absurd", idxBytes({0x80000000u, 28, 28}, {}));
  EXPECT_DATA_ERROR(loadIdx(absurd, std::nullopt, "t"), absurd, "absurd");
  const std::string huge = f("huge", idxBytes({0x80000000u, 1, 1}, ramp(10)));
  EXPECT_DATA_ERROR(loadIdx(huge, std::nullopt, "t"), huge, "truncated");
  const std::string labels = f("labels3", idxBytes({3}, {1, 2, 3}));
  EXPECT_DATA_ERROR(loadIdx(f("good", good), labels, "t"), labels, "3 labels");
  const std::string gzCut = f("cut.gz", deflateBytes(good, true).substr(0, 20));
  EXPECT_DATA_ERROR(loadIdx(gzCut, std::nullopt, "t"), gzCut, "truncated");
  // A stream that inflates beyond what its header announces is stopped at that size.
  const std::string bomb = f("bomb.gz", deflateBytes(good + std::string(1 << 20, '\0'), true));
  EXPECT_DATA_ERROR(loadIdx(bomb, std::nullopt, "t"), bomb, "exceeds");
  const std::string rank1 = f("rank1", idxBytes({4}, ramp(4)));
  EXPECT_DATA_ERROR(loadIdx(rank1, std::nullopt, "t"), rank1, "dimensions");
  const std::string missing = (dir() / "missing").string();
  EXPECT_DATA_ERROR(loadIdx(missing, std::nullopt, "t"), missing, "");
  EXPECT_DATA_ERROR(parseIdx("", "mem"), "mem", "too short");
}

void TestDataFormats::cifarReadsBatchesAndLabels() {
  const fs::path c10 = dir() / "c10" / "cifar-10-batches-bin";
  for (int b = 1; b <= 5; ++b)
    writeBytes(c10 / ("data_batch_" + std::to_string(b) + ".bin"), cifarRecords(b, false, b));
  writeBytes(c10 / "test_batch.bin", cifarRecords(2, false, 7));
  const ImageSet train = loadCifarDir(dir() / "c10", CifarKind::Cifar10, true, CifarLabel::Fine);
  QCOMPARE(train.count, 15);
  QCOMPARE(train.numClasses, 10);
  QCOMPARE(train.labels[0], 1);
  QCOMPARE(train.labels[14], (5 + 4) % 10);
  const auto first = ramp(3072, 31);
  QVERIFY(std::equal(first.begin(), first.end(), train.image(0)));
  const ImageSet test = loadCifarDir(c10, CifarKind::Cifar10, false, CifarLabel::Fine);
  QCOMPARE(test.count, 2);
  QCOMPARE(test.labels, (std::vector<int32_t>{7, 8}));

  writeBytes(dir() / "c100" / "train.bin", cifarRecords(3, true, 18));
  const ImageSet fine = loadCifarDir(dir() / "c100", CifarKind::Cifar100, true, CifarLabel::Fine);
  const ImageSet coarse =
      loadCifarDir(dir() / "c100", CifarKind::Cifar100, true, CifarLabel::Coarse);
  QCOMPARE(fine.labels, (std::vector<int32_t>{18, 19, 20}));
  QCOMPARE(coarse.labels, (std::vector<int32_t>{18, 19, 0}));
  QCOMPARE(fine.numClasses, 100);
  QCOMPARE(coarse.numClasses, 20);
  QVERIFY(fine.pixels == coarse.pixels);
}

void TestDataFormats::cifarCorruptFilesGiveDataErrors() {
  const std::string good = cifarRecords(2, false, 0);
  EXPECT_DATA_ERROR(parseCifar(good.substr(0, 3000), CifarKind::Cifar10, CifarLabel::Fine, "m"),
                    "m", "not a multiple");
  std::string badLabel = good;
  badLabel[0] = char(10);
  EXPECT_DATA_ERROR(parseCifar(badLabel, CifarKind::Cifar10, CifarLabel::Fine, "m"), "m",
                    "label 10");
  // A CIFAR-10 file read as CIFAR-100 does not divide into records.
  EXPECT_DATA_ERROR(parseCifar(good, CifarKind::Cifar100, CifarLabel::Fine, "m"), "m",
                    "not a multiple");
  EXPECT_DATA_ERROR(parseCifar("", CifarKind::Cifar10, CifarLabel::Fine, "m"), "m", "empty");
  const fs::path partial = dir() / "partial";
  writeBytes(partial / "data_batch_1.bin", good);  // batches 2..5 missing
  EXPECT_DATA_ERROR(loadCifarDir(partial, CifarKind::Cifar10, true, CifarLabel::Fine),
                    (partial / "data_batch_2.bin").string(), "");
}

void TestDataFormats::svhnMatReadsTransposedAndMapsTen() {
  const fs::path file = dir() / "train_32x32.mat";
  writeSvhn(file, 3, {10, 1, 9});
  const ImageSet set = loadSvhnMat(file);
  QCOMPARE(set.count, 3);
  QCOMPARE(set.labels, (std::vector<int32_t>{0, 1, 9}));
  const auto columnMajor = ramp(32 * 32 * 3 * 3);
  // Pixel (row 5, col 7, channel 2) of image 1 lives at 5 + 32*7 + 1024*2 + 3072*1 in MATLAB.
  QCOMPARE(int(set.image(1)[2 * 1024 + 5 * 32 + 7]), int(columnMajor[5 + 32 * 7 + 2048 + 3072]));
  writeSvhn(dir() / "plain.mat", 2, {2, 3}, 32, false);
  QCOMPARE(loadSvhnMat(dir() / "plain.mat").labels, (std::vector<int32_t>{2, 3}));
}

void TestDataFormats::svhnCorruptFilesGiveDataErrors() {
  const fs::path good = dir() / "good.mat";
  writeSvhn(good, 4, {1, 2, 3, 4}, 32, false);
  const std::string bytes = readDataFile(good);
  const fs::path cut = dir() / "cut.mat";
  writeBytes(cut, bytes.substr(0, bytes.size() / 2));
  EXPECT_DATA_ERROR(loadSvhnMat(cut), cut.string(), "");
  const fs::path junk = dir() / "junk.mat";
  writeBytes(junk, std::string(300, 'x'));
  EXPECT_DATA_ERROR(loadSvhnMat(junk), junk.string(), "");
  const fs::path shape = dir() / "shape.mat";
  writeSvhn(shape, 2, {1, 2}, 31);
  EXPECT_DATA_ERROR(loadSvhnMat(shape), shape.string(), "32x32x3xN");
  const fs::path count = dir() / "count.mat";
  writeSvhn(count, 2, {1, 2, 3});
  EXPECT_DATA_ERROR(loadSvhnMat(count), count.string(), "one label per image");
  const fs::path label = dir() / "label.mat";
  writeSvhn(label, 2, {1, 11});
  EXPECT_DATA_ERROR(loadSvhnMat(label), label.string(), "0..10");
}

void TestDataFormats::imageFolderReadsClassesAndFlat() {
  const fs::path root = dir() / "folder";
  cv::Mat pattern(32, 32, CV_8UC3);
  for (int i = 0; i < 32 * 32 * 3; ++i) pattern.data[i] = uint8_t(i * 13);
  fs::create_directories(root / "b_class");
  fs::create_directories(root / "a_class");
  QVERIFY(cv::imwrite((root / "a_class" / "x.png").string(), pattern));  // BGR on disk
  QVERIFY(cv::imwrite((root / "b_class" / "y.png").string(),
                      cv::Mat(40, 60, CV_8UC3, cv::Scalar(10, 20, 30))));
  QVERIFY(cv::imwrite((root / "b_class" / "z.bmp").string(),
                      cv::Mat(64, 32, CV_8UC3, cv::Scalar(200, 100, 0))));
  const ImageSet set = loadImageFolder(root, {32, 3});
  QCOMPARE(set.count, 3);
  QCOMPARE(set.labels, (std::vector<int32_t>{0, 1, 1}));
  QCOMPARE(set.numClasses, 2);
  // Plane-major RGB from the BGR pattern: R plane pixel p = pattern byte 3p+2.
  QCOMPARE(int(set.image(0)[5]), int(pattern.data[3 * 5 + 2]));
  QCOMPARE(int(set.image(0)[2 * 1024 + 5]), int(pattern.data[3 * 5]));
  QCOMPARE(int(set.image(1)[0]), 30);
  QCOMPARE(int(set.image(1)[2048 + 1023]), 10);
  QCOMPARE(int(set.image(2)[0]), 0);
  const ImageSet gray = loadImageFolder(root / "b_class", {16, 1});
  QCOMPARE(gray.count, 2);
  QVERIFY(gray.labels.empty());
  QCOMPARE(gray.imageBytes(), 16 * 16);
  QCOMPARE(int(gray.image(0)[7]), int(std::lround(0.299 * 30 + 0.587 * 20 + 0.114 * 10)));
}

void TestDataFormats::imageFolderErrors() {
  fs::create_directories(dir() / "empty");
  EXPECT_DATA_ERROR(loadImageFolder(dir() / "empty", {}), (dir() / "empty").string(), "no images");
  writeBytes(dir() / "broken" / "bad.png", "not a png at all");
  EXPECT_DATA_ERROR(loadImageFolder(dir() / "broken", {}), (dir() / "broken" / "bad.png").string(),
                    "decode");
  fs::create_directories(dir() / "classes" / "a");
  fs::create_directories(dir() / "classes" / "b");
  QVERIFY(cv::imwrite((dir() / "classes" / "a" / "x.png").string(), cv::Mat(8, 8, CV_8UC3)));
  EXPECT_DATA_ERROR(loadImageFolder(dir() / "classes", {}), (dir() / "classes" / "b").string(),
                    "no images");
  EXPECT_DATA_ERROR(loadImageFolder(dir() / "nope", {}), (dir() / "nope").string(), "not a folder");
}

void TestDataFormats::registryParsesSpecsAndLimits() {
  const fs::path c10 = dir() / "reg10";
  for (int b = 1; b <= 5; ++b)
    writeBytes(c10 / ("data_batch_" + std::to_string(b) + ".bin"), cifarRecords(4, false, b));
  writeBytes(c10 / "test_batch.bin", cifarRecords(3, false, 0));
  QCOMPARE(loadDataset("cifar10:" + c10.string()).count, 20);
  QCOMPARE(loadDataset("cifar10:" + c10.string() + ":test").count, 3);
  writeBytes(dir() / "reg100" / "test.bin", cifarRecords(2, true, 25));
  LoadOptions coarse;
  coarse.cifarLabel = CifarLabel::Coarse;
  QCOMPARE(loadDataset("cifar100:" + (dir() / "reg100").string() + ":test", coarse).labels,
           (std::vector<int32_t>{5, 6}));
  writeBytes(dir() / "ri", idxBytes({6, 2, 2}, ramp(24)));
  writeBytes(dir() / "rl", idxBytes({6}, {0, 1, 2, 3, 4, 5}));
  const std::string idxSpec = "idx:" + (dir() / "ri").string() + "," + (dir() / "rl").string();
  LoadOptions limit;
  limit.limit = 3;
  QCOMPARE(loadDataset(idxSpec, limit).labels, (std::vector<int32_t>{0, 1, 2}));
  limit.randomSubset = true;
  limit.subsetSeed = 5;
  const ImageSet subset = loadDataset(idxSpec, limit);
  QCOMPARE(subset.count, 3);
  QVERIFY(std::is_sorted(subset.labels.begin(), subset.labels.end()));
  QCOMPARE(loadDataset(idxSpec, limit).labels, subset.labels);  // seeded
  QCOMPARE(int(subset.image(1)[0]), int(ramp(24)[size_t(subset.labels[1]) * 4]));
  QVERIFY(loadDataset("idx:" + (dir() / "ri").string()).labels.empty());
  LoadOptions resized;
  resized.outputSize = 5;
  resized.outputChannels = 3;
  const ImageSet big = loadDataset(idxSpec, resized);
  QCOMPARE(big.channels, 3);
  QCOMPARE(big.height, 5);
  QCOMPARE(big.width, 5);
  QCOMPARE(big.count, 6);
  QVERIFY_THROWS_EXCEPTION(ConfigError, loadDataset("nonsense:/x"));
  QVERIFY_THROWS_EXCEPTION(ConfigError, loadDataset("mnist"));
  QVERIFY_THROWS_EXCEPTION(ConfigError, loadDataset("cifar10"));
  LoadOptions emptyCache;
  emptyCache.dataDir = dir() / "no-cache";
  EXPECT_DATA_ERROR(loadDataset("mnist:test", emptyCache),
                    (dir() / "no-cache" / "mnist" / "t10k-images-idx3-ubyte.gz").string(), "");
}

void TestDataFormats::listDatasetsNamesEveryBuiltIn() {
  LoadOptions options;
  options.dataDir = dir() / "no-cache";
  const auto list = listDatasets(options);
  std::vector<std::string> names;
  for (const auto& d : list) names.push_back(d.name);
  for (const char* n : {"fashion-mnist:train", "fashion-mnist:test", "mnist:train", "mnist:test",
                        "photo-crops-gray:train", "photo-crops-rgb:test",
                        "photos-animals[:train|test]", "photos-manmade[:train|test]"})
    QVERIFY2(std::find(names.begin(), names.end(), n) != names.end(), n);
  for (const auto& d : list) {
    QVERIFY(d.available || d.installHint == "bash scripts/setup.sh");
    if (d.name.rfind("mnist:", 0) == 0) QVERIFY(!d.available);  // the empty cache
  }
}

void TestDataFormats::loadableNamesExpandOptionalSplits() {
  using Names = std::vector<std::string>;
  QCOMPARE(loadableNames({"mnist:test", "", true, true, ""}), Names{"mnist:test"});
  QCOMPARE(loadableNames({"photos-manmade[:train|test]", "", true, true, ""}),
           (Names{"photos-manmade:train", "photos-manmade:test"}));
  QVERIFY(loadableNames({"cifar10:/dir[:train|test]", "", false, true, ""}).empty());
  QVERIFY(loadableNames({"general-gray:<mix>:train|test", "", false, true, ""}).empty());
  // Every name given for the registry's built-ins parses as a spec (no display text left).
  for (const DatasetInfo& info : listDatasets())
    for (const std::string& name : loadableNames(info))
      QVERIFY2(name.find_first_of("[]|<>") == std::string::npos, name.c_str());
}

void TestDataFormats::dataCacheDirFollowsEnvironment() {
  const QByteArray saved = qgetenv("GLOWSCOPE_DATA_DIR"), xdg = qgetenv("XDG_CACHE_HOME");
  qputenv("GLOWSCOPE_DATA_DIR", "/a/b");
  QCOMPARE(dataCacheDir().string(), std::string("/a/b"));
  qunsetenv("GLOWSCOPE_DATA_DIR");
  qputenv("XDG_CACHE_HOME", "/x");
  QCOMPARE(dataCacheDir().string(), std::string("/x/glowscope"));
  qunsetenv("XDG_CACHE_HOME");
  QVERIFY(dataCacheDir().string().find("/.cache/glowscope") != std::string::npos);
  if (!saved.isEmpty()) qputenv("GLOWSCOPE_DATA_DIR", saved);
  if (!xdg.isEmpty()) qputenv("XDG_CACHE_HOME", xdg);
}

QTEST_APPLESS_MAIN(TestDataFormats)
#include "tst_data_formats.moc"
