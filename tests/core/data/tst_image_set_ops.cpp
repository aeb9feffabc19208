// Whole-set operations (first n, concatenation, conversion to a shape), set statistics and the
// loader spec for a path a user picks.
#include <QtTest>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <numeric>

#include "core/data/dataset_paths.h"
#include "core/data/dataset_registry.h"
#include "core/data/image_set_ops.h"
#include "core/data/image_statistics.h"
#include "core/data/transforms.h"
#include "core/util/errors.h"

namespace glowscope {
namespace {

// A fresh folder under the temporary directory.
std::filesystem::path freshDir(const std::string& prefix) {
  const auto dir = std::filesystem::temp_directory_path() /
                   (prefix + std::to_string(QRandomGenerator::global()->generate()));
  std::filesystem::create_directories(dir);
  return dir;
}

void writeBytes(const std::filesystem::path& file, const std::string& bytes) {
  std::ofstream(file, std::ios::binary) << bytes;
}

std::string bigEndian(uint32_t value) {
  return {char(value >> 24), char(value >> 16 & 0xff), char(value >> 8 & 0xff), char(value & 0xff)};
}

// An IDX uint8 image file: magic 00 00 08 03, the three sizes, then the pixels.
std::string idxImages(uint32_t count, uint32_t height, uint32_t width) {
  std::string bytes =
      std::string("\0\0\x08\x03", 4) + bigEndian(count) + bigEndian(height) + bigEndian(width);
  for (uint32_t i = 0; i < count * height * width; ++i) bytes += char(i % 251);
  return bytes;
}

std::string idxLabels(uint32_t count) {
  std::string bytes = std::string("\0\0\x08\x01", 4) + bigEndian(count);
  for (uint32_t i = 0; i < count; ++i) bytes += char(i % 10);
  return bytes;
}

// `count` grey images of 2x2 pixels; image i has every pixel i * 10, label i % 3.
ImageSet greyImages(std::int64_t count) {
  ImageSet images;
  images.name = "grey";
  images.count = count;
  images.channels = 1;
  images.height = images.width = 2;
  images.numClasses = 3;
  for (std::int64_t i = 0; i < count; ++i) {
    images.pixels.insert(images.pixels.end(), 4, static_cast<std::uint8_t>(i * 10));
    images.labels.push_back(static_cast<std::int32_t>(i % 3));
  }
  return images;
}

}  // namespace

class TstImageSetOps : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void firstImagesKeepsPixelsAndLabels() {
    const ImageSet first = firstImages(greyImages(5), 2);
    QCOMPARE(first.count, std::int64_t{2});
    QCOMPARE(first.pixels.size(), std::size_t{8});
    QCOMPARE(first.labels, (std::vector<std::int32_t>{0, 1}));
    QCOMPARE(firstImages(greyImages(2), 10).count, std::int64_t{2});
  }

  void concatenationJoinsInOrder() {
    const ImageSet a = greyImages(2), b = greyImages(3);
    const ImageSet all = concatenateImages({&a, &b, &a});
    QCOMPARE(all.count, std::int64_t{7});
    QCOMPARE(int(all.image(2)[0]), 0);   // b's first image
    QCOMPARE(int(all.image(4)[0]), 20);  // b's last
    QCOMPARE(int(all.image(6)[0]), 10);  // a's second
    QVERIFY(!all.labelled());
    const ImageSet rgb = convertChannels(a, 3);
    QVERIFY_THROWS_EXCEPTION(ConfigError, concatenateImages({&a, &rgb}));
  }

  void imagesWithShapeConvertsAndResizes() {
    const ImageSet shaped = imagesWithShape(greyImages(2), 3, 4, 4);
    QCOMPARE(shaped.channels, std::int64_t{3});
    QCOMPARE(shaped.height, std::int64_t{4});
    QCOMPARE(shaped.width, std::int64_t{4});
    QCOMPARE(int(shaped.image(1)[15]), 10);  // a constant image stays constant
  }

  void statisticsCountClassesAndChannelMoments() {
    const ImageSet images = greyImages(4);  // grey levels 0, 10, 20, 30
    const ImageSetStatistics statistics = imageSetStatistics(images);
    QCOMPARE(statistics.countByClass, (std::vector<std::int64_t>{2, 1, 1}));
    QCOMPARE(statistics.channelMean, (std::vector<double>{15.0}));
    QVERIFY(std::abs(statistics.channelStd[0] - std::sqrt(125.0)) < 1e-12);
    ImageSet unlabelled = images;
    unlabelled.labels.clear();
    QVERIFY(imageSetStatistics(unlabelled).countByClass.empty());
    std::atomic<bool> cancel{true};
    QVERIFY_THROWS_EXCEPTION(CancelledError, imageSetStatistics(images, &cancel));
  }

  void specsForPickedPaths() {
    namespace fs = std::filesystem;
    const fs::path dir = freshDir("glowscope-paths-");
    fs::create_directories(dir / "cifar");
    fs::create_directories(dir / "faces");
    writeBytes(dir / "cifar/data_batch_1", std::string("\x80\x02}q\x00", 5));
    writeBytes(dir / "train_32x32.mat", "MATLAB 5.0 MAT-file, Platform: GLNXA64");
    writeBytes(dir / "t10k-images-idx3-ubyte", idxImages(2, 2, 2));
    writeBytes(dir / "t10k-labels-idx1-ubyte", idxLabels(2));
    writeBytes(dir / "notes.txt", "x");
    const std::string d = dir.string();
    QCOMPARE(datasetSpecForPath(dir / "cifar"), "cifar10:" + d + "/cifar");
    QCOMPARE(datasetSpecForPath(dir / "cifar/"), "cifar10:" + d + "/cifar");
    QCOMPARE(datasetSpecForPath(dir / "cifar/data_batch_1"), "cifar10:" + d + "/cifar");
    QCOMPARE(datasetSpecForPath(dir / "train_32x32.mat"), "svhn:" + d + "/train_32x32.mat");
    QCOMPARE(datasetSpecForPath(dir / "t10k-images-idx3-ubyte"),
             "idx:" + d + "/t10k-images-idx3-ubyte," + d + "/t10k-labels-idx1-ubyte");
    QCOMPARE(datasetSpecForPath(dir / "faces"), "folder:" + d + "/faces");
    QCOMPARE(datasetSpecForPath(dir / "notes.txt"), std::string());
    QCOMPARE(datasetSpecForPath(dir / "nothing-here"), std::string());
    fs::remove_all(dir);
  }

  // The content decides, not the name: a valid IDX called good.idx loads; a text file called
  // x.idx, a label file and a truncated IDX are refused, each with its reason.
  void filesAreIdentifiedByContent() {
    namespace fs = std::filesystem;
    const fs::path dir = freshDir("glowscope-content-");
    writeBytes(dir / "good.idx", idxImages(3, 2, 2));
    writeBytes(dir / "x.idx", "hello, I am text\n");
    writeBytes(dir / "labels.idx", idxLabels(3));
    writeBytes(dir / "short.idx", idxImages(3, 2, 2).substr(0, 20));
    writeBytes(dir / "data_batch_1.mat", std::string("\x80\x02}q\x00", 5));
    writeBytes(dir / "empty.mat", "");

    const DatasetPathGuess good = identifyDatasetPath(dir / "good.idx");
    QCOMPARE(good.spec, "idx:" + (dir / "good.idx").string());
    const ImageSet loaded = loadDataset(good.spec);
    QCOMPARE(loaded.count, std::int64_t{3});
    QCOMPARE(loaded.height, 2);

    const DatasetPathGuess text = identifyDatasetPath(dir / "x.idx");
    QVERIFY(text.spec.empty());
    QVERIFY2(text.reason.find("00 00 08 03") != std::string::npos, text.reason.c_str());
    QVERIFY(identifyDatasetPath(dir / "labels.idx").reason.find("label") != std::string::npos);
    QVERIFY(identifyDatasetPath(dir / "short.idx").reason.find("cut short") != std::string::npos);
    QVERIFY(identifyDatasetPath(dir / "data_batch_1.mat").reason.find("pickle") !=
            std::string::npos);
    QVERIFY(identifyDatasetPath(dir / "empty.mat").reason.find("empty") != std::string::npos);
    QVERIFY(identifyDatasetPath(dir / "gone").reason.find("no such") != std::string::npos);
    fs::remove_all(dir);
  }
};

}  // namespace glowscope

QTEST_GUILESS_MAIN(glowscope::TstImageSetOps)
#include "tst_image_set_ops.moc"
