#pragma once
// A correlation matrix (e.g. core/analysis' CorrelationMatrix: labels + values[row][column]) as a
// heat map on [-1, 1] with the value written in each cell.
#include <QFont>
#include <QString>
#include <QStringList>
#include <QWidget>
#include <string>
#include <vector>

#include "widgets/views/plot_export.h"

class QCustomPlot;
class QCPColorMap;

namespace glowscope {

class CorrelationHeatmapView : public QWidget {
  Q_OBJECT
 public:
  explicit CorrelationHeatmapView(QWidget* parent = nullptr);

  /// values must be labels.size() × labels.size(); throws ConfigError otherwise. NaN cells
  /// (a constant series) are drawn grey and labelled "n/a".
  void setMatrix(const std::vector<std::string>& labels,
                 const std::vector<std::vector<double>>& values, const QString& title = {});
  /// The value drawn in cell (row, column) (NaN when out of range).
  double cellValue(int row, int column) const;
  /// The text written in cell (row, column), e.g. "0.83".
  QString cellText(int row, int column) const;
  /// The matrix as CSV: a header of the labels, then one row per label (full precision, "nan"
  /// for n/a). Also what the figure export writes beside the figure.
  QString matrixCsv() const;
  QCustomPlot* plot() const { return plot_; }

 private:
  std::vector<std::string> labels_;
  std::vector<std::vector<double>> values_;
  QCustomPlot* plot_;
  QCPColorMap* map_;
  QFont cellFont_;
};

}  // namespace glowscope
