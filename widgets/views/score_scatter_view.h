#pragma once
// Any score against any score (e.g. c_1 + c_2 against c_3), one colour per set, Spearman's rho of
// all points in the title; a rectangle drag selects points and shows them as a grid of
// thumbnails with their set and both scores; hovering a point (or an outlier's triangle on the
// edge) shows its image and true scores.
#include <QRectF>
#include <QString>
#include <QVector>
#include <QWidget>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "core/data/image_set.h"
#include "widgets/views/plot_export.h"

class QCustomPlot;
class QCPTextElement;
class QLabel;
class QListWidget;

namespace glowscope {

/// One set's points: x[i], y[i] belong to image i.
struct ScatterSeries {
  QString setName;
  std::vector<double> x;
  std::vector<double> y;
};

/// The images of one set inside a selection.
struct ScatterSelection {
  QString setName;
  QVector<qint64> imageIndices;
};

/// Points of each series inside `rect` (data coordinates, edges included, finite points only).
/// With `clampTo` (the axes' ranges, outliers drawn clamped to their edge), a point outside it
/// is also inside when its clamped position is.
std::vector<ScatterSelection> pointsInRect(const std::vector<ScatterSeries>& series,
                                           const QRectF& rect,
                                           const std::optional<QRectF>& clampTo = std::nullopt);
/// Spearman's rho of all series' points pooled (core's spearmanOfFinitePairs).
double pooledSpearman(const std::vector<ScatterSeries>& series);

/// One drawn point: series index and image index within its set.
struct ScatterPoint {
  std::size_t series = 0;
  std::int64_t imageIndex = 0;
  bool onEdge = false;  ///< found at its triangle on the axes' edge (outside the ranges)
};

class ScoreScatterView : public QWidget {
  Q_OBJECT
 public:
  explicit ScoreScatterView(QWidget* parent = nullptr);

  /// Throws ConfigError when a series' x and y differ in length.
  void setSeries(const QString& xLabel, const QString& yLabel, std::vector<ScatterSeries> series);
  QString title() const;
  double spearmanRho() const { return rho_; }
  /// Selects the points inside a rectangle in data coordinates (what a drag does), lists them and
  /// emits selectionChanged.
  void selectDataRect(const QRectF& rect);
  const std::vector<ScatterSelection>& selection() const { return selection_; }
  QCustomPlot* plot() const { return plot_; }
  /// The selected points as a thumbnail grid (at most kMaxSelectionThumbnails), one item per
  /// point: its image (when the set's images are known), set, index and both scores; the item's
  /// data holds them (SelectionRole...).
  QListWidget* selectionList() const { return list_; }
  QLabel* selectionSummary() const { return summary_; }
  static constexpr int kMaxSelectionThumbnails = 300;
  enum SelectionRole { SetRole = Qt::UserRole, IndexRole, XRole, YRole };

  /// The images of a set (image i has point i of the set's series), kept across setSeries:
  /// hovering a point of the set shows its image.
  void setSetImages(const QString& setName, std::shared_ptr<const ImageSet> images);
  void clearSetImages();
  /// The finite point drawn nearest to `pixel` (plot widget coordinates) within radiusPx, where
  /// it is drawn: at its values, or for an outlier also at its triangle on the edge; later
  /// series are drawn on top and win ties.
  std::optional<ScatterPoint> pointNear(const QPoint& pixel, double radiusPx = 6) const;
  /// What the mouse does over the plot: shows the image of the point under `pixel` with its set,
  /// index and values beside the cursor (when the set's images are known); hides it elsewhere.
  void hoverAt(const QPoint& pixel);
  QLabel* hoverPreview() const { return preview_; }

 Q_SIGNALS:
  void selectionChanged(const std::vector<glowscope::ScatterSelection>& selection);

 private:
  void redraw();
  void showPreview(const ScatterPoint& point, const QPoint& pixel);
  void fillSelectionGrid();
  QString pointCaption(std::size_t series, std::int64_t index) const;

  std::vector<ScatterSeries> series_;
  std::vector<ScatterSelection> selection_;
  double rho_ = 0;
  QString xLabel_, yLabel_;
  PlotStyle style_;
  QCustomPlot* plot_;
  QCPTextElement* title_;
  QListWidget* list_;
  QLabel* summary_;
  QLabel* preview_;
  std::optional<QRectF> edgeRect_;  ///< the axes' ranges outliers are clamped to
  std::map<QString, std::shared_ptr<const ImageSet>> images_;
};

}  // namespace glowscope
