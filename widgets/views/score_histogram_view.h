#pragma once
// Overlaid normalised histograms of one score: the in-distribution set and every OOD set, each
// OOD set's AUROC against the in-distribution set in the legend. Clicking a bar emits the indices
// of the images in that bin (and shows their thumbnails when the set's images are known).
#include <QString>
#include <QVector>
#include <QWidget>
#include <memory>
#include <optional>
#include <vector>

#include "core/data/image_set.h"
#include "core/metrics/histogram.h"
#include "widgets/views/plot_export.h"

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QDoubleSpinBox;
class QLabel;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace glowscope {

/// One set's per-image values of a score (higher = more in-distribution, as in results folders).
struct ScoreSample {
  QString setName;
  std::vector<double> values;
  std::shared_ptr<const ImageSet> images;  ///< optional; image i has value values[i]
};

class ScoreHistogramView : public QWidget {
  Q_OBJECT
 public:
  explicit ScoreHistogramView(QWidget* parent = nullptr);

  /// Sample 0 is the in-distribution set; the range is reset to cover every finite value.
  void setSamples(const QString& scoreName, std::vector<ScoreSample> samples);
  void setBinCount(int bins);
  /// Fixes the range (auto range off). Ignored unless low < high.
  void setRange(double low, double high);
  void setAutoRange(bool automatic);
  /// What the automatic range covers.
  enum class AutoRange {
    AllValues,       ///< every finite value of every set
    WithoutTails,    ///< pooled values without 1% at each end
    InDistribution,  ///< the in-distribution set's bulk (Tukey fences), widened by 25% per side
  };
  void setAutoRangeMode(AutoRange mode);

  int binCount() const;
  /// The histograms as drawn, one per sample (empty when there is no data).
  const std::vector<Histogram>& histograms() const { return histograms_; }
  /// AUROC of sample i (i >= 1) against sample 0 (core's auroc, paper convention).
  double aurocOf(std::size_t sample) const;
  /// Legend text of sample i (with the number of its values outside the range, if any).
  QString legendText(std::size_t sample) const;

  /// What a click on bar `bin` of sample `sample` does: shows the thumbnails and emits
  /// binClicked. Ignored for indices out of range.
  void activateBin(int sample, int bin);
  /// The samples with images in bin `bin` whose bars are shown: where bars overlap, a click
  /// offers each of them.
  std::vector<int> samplesInBin(int bin) const;
  /// What the thumbnails show: "set, bin [low, high): n images" (empty before a bin is chosen).
  QString drillDownText() const;
  /// Finite values of all sets outside the drawn range (the legend's "N outside").
  std::size_t valuesOutside() const;
  /// One click from a range that leaves values out to the range over all values (true), and back
  /// to the range before (false). The button beside the range controls does the same.
  void showAllValues(bool all);
  bool showingAllValues() const { return before_.has_value(); }
  QPushButton* showAllButton() const { return showAll_; }
  QCustomPlot* plot() const { return plot_; }
  QListWidget* thumbnails() const { return thumbnails_; }
  void setPlotStyle(const PlotStyle& style);

 Q_SIGNALS:
  void binClicked(const QString& setName, int bin, const QVector<qint64>& imageIndices);

 private:
  void rebuild();
  void redraw();
  std::optional<ValueRange> automaticRange() const;
  void showThumbnails(const ScoreSample& sample, const std::vector<std::size_t>& indices);
  void refreshShowAllButton();
  void offerSets(int bin, const std::vector<int>& candidates);

  /// The range controls before "show all values", to go back to.
  struct RangeBefore {
    bool automatic = true;
    int mode = 0;
    double low = 0, high = 1;
  };
  std::optional<RangeBefore> before_;
  bool switchingRange_ = false;
  QString scoreName_;
  std::vector<ScoreSample> samples_;
  std::vector<Histogram> histograms_;
  std::vector<double> aurocs_;  // [0] unused
  PlotStyle style_;
  QCustomPlot* plot_;
  QSpinBox* bins_;
  QCheckBox* autoRange_;
  QComboBox* rangeMode_;
  QDoubleSpinBox* low_;
  QDoubleSpinBox* high_;
  QListWidget* thumbnails_;
  QLabel* drillDown_;
  QPushButton* showAll_;
};

}  // namespace glowscope
