#pragma once
// Any score against any score (e.g. c_1 + c_2 against c_3), one colour per set, Spearman's rho of
// all points in the title; a rectangle drag selects points and lists their image indices.
#include <QRectF>
#include <QString>
#include <QVector>
#include <QWidget>
#include <vector>

#include "widgets/views/plot_export.h"

class QCustomPlot;
class QCPTextElement;
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
std::vector<ScatterSelection> pointsInRect(const std::vector<ScatterSeries>& series,
                                           const QRectF& rect);
/// Spearman's rho over the finite (x, y) pairs of all series; NaN with fewer than 2 pairs.
double pooledSpearman(const std::vector<ScatterSeries>& series);

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
  QListWidget* selectionList() const { return list_; }

 Q_SIGNALS:
  void selectionChanged(const std::vector<glowscope::ScatterSelection>& selection);

 private:
  void redraw();

  std::vector<ScatterSeries> series_;
  std::vector<ScatterSelection> selection_;
  double rho_ = 0;
  QString xLabel_, yLabel_;
  PlotStyle style_;
  QCustomPlot* plot_;
  QCPTextElement* title_;
  QListWidget* list_;
};

}  // namespace glowscope
