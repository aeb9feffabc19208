// Scatter view: Spearman of the pooled points in the title, rectangle selection -> image indices.
#include <QLabel>
#include <QListWidget>
#include <QtTest>
#include <cmath>
#include <limits>

#include "core/metrics/correlation.h"
#include "core/util/errors.h"
#include "widgets/qcustomplot_include.h"
#include "widgets/views/score_scatter_view.h"

using namespace glowscope;

class TestScoreScatterView : public QObject {
  Q_OBJECT

 private:
  static std::vector<ScatterSeries> twoSets() {
    return {{"in", {1, 2, 3, 4}, {1, 3, 2, 5}},
            {"ood", {10, 11, std::numeric_limits<double>::quiet_NaN()}, {9, 12, 0}}};
  }

 private Q_SLOTS:
  void titleHoldsPooledSpearman() {
    ScoreScatterView view;
    view.setSeries("c_1 + c_2", "c_3", twoSets());
    // Pooled finite points: x = 1 2 3 4 10 11, y = 1 3 2 5 9 12.
    const double expected =
        spearman(std::vector<double>{1, 2, 3, 4, 10, 11}, std::vector<double>{1, 3, 2, 5, 9, 12});
    QCOMPARE(view.spearmanRho(), expected);
    QVERIFY(std::abs(expected - (1 - 6.0 * 2 / (6 * 35))) < 1e-12);
    QVERIFY2(view.title().contains(QString::number(expected, 'f', 3)), qPrintable(view.title()));
    QVERIFY(view.title().contains("Spearman"));
    QCOMPARE(view.plot()->graphCount(), 2);
    QCOMPARE(view.plot()->graph(1)->dataCount(), 2);  // the NaN point is not drawn
  }

  void rectangleSelectsImageIndices() {
    ScoreScatterView view;
    view.setSeries("x", "y", twoSets());
    std::vector<ScatterSelection> emitted;
    connect(&view, &ScoreScatterView::selectionChanged, &view,
            [&emitted](const std::vector<ScatterSelection>& s) { emitted = s; });
    view.selectDataRect(QRectF(QPointF(1.5, 1.5), QPointF(10.5, 9.5)));
    QCOMPARE(emitted.size(), std::size_t{2});
    QCOMPARE(emitted[0].imageIndices, (QVector<qint64>{1, 2, 3}));
    QCOMPARE(emitted[1].imageIndices, (QVector<qint64>{0}));
    QCOMPARE(view.selectionList()->count(), 2);
    // An inverted rectangle selects the same points.
    view.selectDataRect(QRectF(QPointF(10.5, 9.5), QPointF(1.5, 1.5)));
    QCOMPARE(emitted[0].imageIndices, (QVector<qint64>{1, 2, 3}));
  }

  void emptyRectangleSelectsNothing() {
    const auto selection = pointsInRect(twoSets(), QRectF(100, 100, 1, 1));
    QCOMPARE(selection.size(), std::size_t{2});
    QVERIFY(selection[0].imageIndices.isEmpty());
    QVERIFY(selection[1].imageIndices.isEmpty());
  }

  void hoverShowsTheImageOfThePointUnderTheMouse() {
    ScoreScatterView view;
    view.resize(500, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setSeries("x", "y", twoSets());
    auto images = std::make_shared<ImageSet>();
    images->count = 3;  // "ood": image i is grey 100 + i
    images->channels = 1;
    images->height = images->width = 2;
    for (int i = 0; i < 3; ++i) images->pixels.insert(images->pixels.end(), 4, 100 + i);
    view.setSetImages("ood", images);
    view.plot()->replot();
    const auto pixelOf = [&view](double x, double y) {
      return QPoint(static_cast<int>(view.plot()->xAxis->coordToPixel(x)),
                    static_cast<int>(view.plot()->yAxis->coordToPixel(y)));
    };
    // ood point 1 is (11, 12); point 2 is NaN and never found.
    const std::optional<ScatterPoint> found = view.pointNear(pixelOf(11, 12) + QPoint(2, -2));
    QVERIFY(found.has_value());
    QCOMPARE(found->series, std::size_t{1});
    QCOMPARE(found->imageIndex, std::int64_t{1});
    view.hoverAt(pixelOf(11, 12));
    QVERIFY(view.hoverPreview()->isVisible());
    const QImage shown = view.hoverPreview()->pixmap().toImage();
    QCOMPARE(qGray(shown.pixel(shown.width() / 2, 10)), 101);
    // Away from every point, and over a set without images: no preview.
    view.hoverAt(QPoint(1, 1));
    QVERIFY(!view.hoverPreview()->isVisible());
    QVERIFY(view.pointNear(pixelOf(2, 3)).has_value());
    view.hoverAt(pixelOf(2, 3));
    QVERIFY(!view.hoverPreview()->isVisible());
    // The images stay across new series of the same sets; clearing forgets them.
    view.setSeries("x2", "y2", twoSets());
    view.plot()->replot();
    QVERIFY(!view.hoverPreview()->isVisible());
    view.hoverAt(pixelOf(10, 9));
    QVERIFY(view.hoverPreview()->isVisible());
    view.clearSetImages();
    view.hoverAt(pixelOf(10, 9));
    QVERIFY(!view.hoverPreview()->isVisible());
  }

  void mismatchedSeriesAreRejected() {
    ScoreScatterView view;
    QVERIFY_THROWS_EXCEPTION(ConfigError, view.setSeries("x", "y", {{"bad", {1, 2}, {1}}}));
    QVERIFY(std::isnan(pooledSpearman({{"one", {1}, {2}}})));
  }
};

QTEST_MAIN(TestScoreScatterView)
#include "tst_score_scatter_view.moc"
