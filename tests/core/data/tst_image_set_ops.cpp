// Whole-set operations (first n, concatenation, conversion to a shape), set statistics and the
// loader spec for a path a user picks.
#include <QtTest>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <numeric>

#include "core/data/dataset_paths.h"
#include "core/data/image_set_ops.h"
#include "core/data/image_statistics.h"
#include "core/data/transforms.h"
#include "core/util/errors.h"

namespace glowscope {
namespace {

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
    const fs::path dir =
        fs::temp_directory_path() /
        ("glowscope-paths-" + std::to_string(QRandomGenerator::global()->generate()));
    fs::create_directories(dir / "cifar");
    fs::create_directories(dir / "faces");
    for (const char* file : {"cifar/data_batch_1", "train_32x32.mat", "t10k-images-idx3-ubyte",
                             "t10k-labels-idx1-ubyte", "notes.txt"})
      std::ofstream(dir / file).put('x');
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
};

}  // namespace glowscope

QTEST_GUILESS_MAIN(glowscope::TstImageSetOps)
#include "tst_image_set_ops.moc"
