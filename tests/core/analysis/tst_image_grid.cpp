// Image grids for CLI outputs (PNG through OpenCV).
#include <QTemporaryDir>
#include <QtTest>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include "core/analysis/image_grid.h"
#include "core/util/errors.h"
#include "test_images.h"

using namespace glowscope;
using namespace glowscope::analysis;

class TestImageGrid : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void greyTilesArePlacedRowMajor() {
    ImageSet set = testing::emptySet("grey", 3, 1, 2, 2);
    for (int64_t n = 0; n < 3; ++n) {
      std::fill(set.image(n), set.image(n) + 4, static_cast<uint8_t>(10 * (n + 1)));
    }
    ImageGridOptions options;
    options.columns = 2;
    options.paddingPixels = 1;
    options.paddingValue = 200;
    const cv::Mat grid = renderImageGrid(set, options);
    QCOMPARE(grid.rows, 7);
    QCOMPARE(grid.cols, 7);
    QCOMPARE(grid.type(), CV_8UC1);
    QCOMPARE(int{grid.at<uint8_t>(1, 1)}, 10);
    QCOMPARE(int{grid.at<uint8_t>(2, 5)}, 20);
    QCOMPARE(int{grid.at<uint8_t>(4, 1)}, 30);
    QCOMPARE(int{grid.at<uint8_t>(4, 4)}, 200);  // the empty fourth cell
    QCOMPARE(int{grid.at<uint8_t>(0, 0)}, 200);
  }

  void rgbBecomesBgrAndUpscales() {
    ImageSet set = testing::emptySet("red", 1, 3, 2, 3);
    std::fill(set.image(0), set.image(0) + 6, uint8_t{255});  // the R plane
    set.image(0)[6 + 1] = 7;                                  // G of pixel (0, 1)
    ImageGridOptions options;
    options.paddingPixels = 0;
    options.upscale = 2;
    const cv::Mat grid = renderImageGrid(set, options);
    QCOMPARE(grid.rows, 4);
    QCOMPARE(grid.cols, 6);
    QCOMPARE(grid.at<cv::Vec3b>(0, 0), cv::Vec3b(0, 0, 255));
    QCOMPARE(grid.at<cv::Vec3b>(1, 3), cv::Vec3b(0, 7, 255));
  }

  void pngRoundTrips() {
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const ImageSet set = testing::noiseImages(5, 3, 4, 4);
    const std::string path = (folder.path() + "/grid.png").toStdString();
    writeImageGridPng(path, set);
    const cv::Mat read = cv::imread(path, cv::IMREAD_UNCHANGED);
    const cv::Mat expected = renderImageGrid(set);
    QCOMPARE(read.size(), expected.size());
    QCOMPARE(read.type(), expected.type());
    QCOMPARE(cv::norm(read, expected, cv::NORM_INF), 0.0);
  }

  void badInputThrows() {
    QVERIFY_THROWS_EXCEPTION(ConfigError, renderImageGrid(testing::emptySet("none", 0, 1, 2, 2)));
    QVERIFY_THROWS_EXCEPTION(ConfigError, renderImageGrid(testing::emptySet("two", 1, 2, 2, 2)));
    ImageGridOptions noColumns;
    noColumns.columns = 0;
    QVERIFY_THROWS_EXCEPTION(ConfigError,
                             renderImageGrid(testing::emptySet("one", 1, 1, 2, 2), noColumns));
    // The parent "folder" is a regular file, so nothing can be written below it.
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const std::string blocker = (folder.path() + "/blocker").toStdString();
    writeImageGridPng(blocker, testing::emptySet("one", 1, 1, 2, 2));
    QVERIFY_THROWS_EXCEPTION(
        FileError, writeImageGridPng(blocker + "/grid.png", testing::emptySet("one", 1, 1, 2, 2)));
  }
};

QTEST_APPLESS_MAIN(TestImageGrid)
#include "tst_image_grid.moc"
