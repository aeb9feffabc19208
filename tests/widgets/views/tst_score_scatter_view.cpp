// Scatter view: Spearman of the pooled points in the title, rectangle selection -> image indices.
#include <QLabel>
#include <QListWidget>
#include <QLocale>
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

  static std::shared_ptr<ImageSet> greyImages(int count) {
    auto images = std::make_shared<ImageSet>();  // image i is grey 10 + i
    images->count = count;
    images->channels = 1;
    images->height = images->width = 2;
    for (int i = 0; i < count; ++i) images->pixels.insert(images->pixels.end(), 4, 10 + i);
    return images;
  }
  // 40 points per set around (5, 5) and one far outlier of "ood" (image 40) at (1000, -500).
  static std::vector<ScatterSeries> setsWithOutlier() {
    ScatterSeries in{"in", {}, {}}, ood{"ood", {}, {}};
    for (int i = 0; i < 40; ++i) {
      in.x.push_back(i % 10);
      in.y.push_back(i / 4);
      ood.x.push_back(i % 10 + 0.5);
      ood.y.push_back(i / 4 + 0.5);
    }
    ood.x.push_back(1000);
    ood.y.push_back(-500);
    return {in, ood};
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
    QCOMPARE(view.selectionList()->count(), 4);  // one thumbnail per point
    // An inverted rectangle selects the same points.
    view.selectDataRect(QRectF(QPointF(10.5, 9.5), QPointF(1.5, 1.5)));
    QCOMPARE(emitted[0].imageIndices, (QVector<qint64>{1, 2, 3}));
  }

  void selectionShowsAThumbnailGridWithSetAndBothScores() {
    ScoreScatterView view;
    view.resize(600, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const std::vector<ScatterSeries> sets = setsWithOutlier();
    view.setSeries("Raw", "Diff", sets);
    view.setSetImages("ood", greyImages(41));
    const QRectF rect(QPointF(1.5, 0), QPointF(3.6, 4.6));
    int inRect = 0, oodInRect = 0;  // counted here, independently of the view
    for (std::size_t s = 0; s < sets.size(); ++s)
      for (std::size_t i = 0; i < sets[s].x.size(); ++i)
        if (rect.contains(sets[s].x[i], sets[s].y[i])) {
          ++inRect;
          if (s == 1) ++oodInRect;
        }
    QCOMPARE(inRect, 10);
    view.selectDataRect(rect);
    QListWidget* grid = view.selectionList();
    QCOMPARE(grid->count(), inRect);
    QCOMPARE(grid->viewMode(), QListView::IconMode);
    int oodItems = 0;
    for (int row = 0; row < grid->count(); ++row) {
      const QListWidgetItem* item = grid->item(row);
      const QString set = item->data(ScoreScatterView::SetRole).toString();
      const auto index =
          static_cast<std::size_t>(item->data(ScoreScatterView::IndexRole).toLongLong());
      const ScatterSeries& series = set == "in" ? sets[0] : sets[1];
      QCOMPARE(item->data(ScoreScatterView::XRole).toDouble(), series.x[index]);
      QCOMPARE(item->data(ScoreScatterView::YRole).toDouble(), series.y[index]);
      QVERIFY2(item->text().startsWith(set + " #" + QString::number(index)),
               qPrintable(item->text()));
      QVERIFY(item->text().contains("Raw = " + QString::number(series.x[index], 'g', 5)));
      QVERIFY(item->text().contains("Diff = " + QString::number(series.y[index], 'g', 5)));
      const QImage icon = item->icon().pixmap(56, 56).toImage();
      QVERIFY(!icon.isNull());
      if (set == "ood") {  // its own image: grey 10 + index
        ++oodItems;
        QCOMPARE(qGray(icon.pixel(icon.width() / 2, icon.height() / 2)), 10 + int(index));
      }
    }
    QCOMPARE(oodItems, oodInRect);
    QVERIFY2(view.selectionSummary()->text().contains("10 points selected"),
             qPrintable(view.selectionSummary()->text()));
  }

  void hoveringAnOutliersEdgeTriangleShowsItsImageAndTrueScores() {
    ScoreScatterView view;
    view.resize(600, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setSeries("Raw", "Diff", setsWithOutlier());
    view.setSetImages("ood", greyImages(41));
    view.plot()->replot();
    QCustomPlot* plot = view.plot();
    QVERIFY(plot->xAxis->range().upper < 100);  // the outlier is outside the axes
    // Its triangle: clamped to the right and bottom edge.
    const QPoint triangle(static_cast<int>(plot->xAxis->coordToPixel(plot->xAxis->range().upper)),
                          static_cast<int>(plot->yAxis->coordToPixel(plot->yAxis->range().lower)));
    const std::optional<ScatterPoint> found = view.pointNear(triangle + QPoint(-1, -1));
    QVERIFY(found.has_value());
    QCOMPARE(found->series, std::size_t{1});
    QCOMPARE(found->imageIndex, std::int64_t{40});
    QVERIFY(found->onEdge);
    view.hoverAt(triangle + QPoint(-1, -1));
    QVERIFY(view.hoverPreview()->isVisible());
    const QString caption = view.hoverPreview()->accessibleName();
    // Numbers in the interface's locale ("1,000" in English, "1.000" in German).
    QVERIFY2(caption.contains("Raw = " + QLocale().toString(1000.0, 'g', 5)) &&
                 caption.contains("Diff = " + QLocale().toString(-500.0, 'g', 5)) &&
                 caption.contains("ood #40"),
             qPrintable(caption));
    const QImage shown = view.hoverPreview()->pixmap().toImage();
    QCOMPARE(qGray(shown.pixel(shown.width() / 2, 10)), 50);
    // A rectangle over the triangle selects the outlier where it is drawn.
    const QPointF corner(plot->xAxis->range().upper, plot->yAxis->range().lower);
    view.selectDataRect(QRectF(corner - QPointF(0.1, -0.1), corner + QPointF(0.1, -0.1)));
    QCOMPARE(view.selection()[1].imageIndices, (QVector<qint64>{40}));
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
