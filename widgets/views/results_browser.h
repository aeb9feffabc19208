#pragma once
// Browses one results folder: the metric tables, the histogram of any score and a scatter plot of
// any score against any score, for one seed at a time.
#include <QWidget>
#include <map>
#include <memory>
#include <optional>

#include "core/data/image_set.h"
#include "core/experiments/results_folder.h"

class QComboBox;
class QLabel;
class QTabWidget;

namespace glowscope {

class CorrelationHeatmapView;
class ResultsTableView;
class RocCurveView;
class ScoreHistogramView;
class ScoreScatterView;

class ResultsBrowser : public QWidget {
  Q_OBJECT
 public:
  explicit ResultsBrowser(QWidget* parent = nullptr);

  /// Loads the folder; on failure keeps the previous one, returns false and sets *error.
  bool openFolder(const QString& folder, QString* error = nullptr);
  /// Shows already loaded results (forgets the images of the previous folder).
  void setResults(ResultsFolder results);
  const std::optional<ResultsFolder>& results() const { return results_; }
  /// Attaches the images behind a set's scores (image i has row i of every scores CSV of the
  /// set): the histogram shows the thumbnails of a clicked bin, the scatter plot the image under
  /// the mouse. Refuses (false, a logged warning) images whose count differs from any seed's
  /// row count of the set, or a set without scores.
  bool setSetImages(const QString& setName, std::shared_ptr<const ImageSet> images);
  /// The images attached to a set (null when none).
  std::shared_ptr<const ImageSet> setImages(const QString& setName) const;
  /// The seed shown (none without results).
  std::optional<std::uint64_t> currentSeed() const;

  ResultsTableView* tableView() const { return tableView_; }
  ScoreHistogramView* histogramView() const { return histogramView_; }
  ScoreScatterView* scatterView() const { return scatterView_; }
  /// Beside the histogram, for the same score.
  RocCurveView* rocView() const { return rocView_; }
  /// Spearman between every pair of scores on the in-distribution set (finite rows only).
  CorrelationHeatmapView* correlationView() const { return correlationView_; }
  QComboBox* seedBox() const { return seedBox_; }
  QComboBox* scoreBox() const { return scoreBox_; }
  QComboBox* xScoreBox() const { return xBox_; }
  QComboBox* yScoreBox() const { return yBox_; }
  QTabWidget* tabs() const { return tabs_; }

 Q_SIGNALS:
  /// A folder was opened (or results set): its images are not attached yet.
  void resultsChanged();

 private:
  void fillChoices();
  void showHistogram();
  void showScatter();
  void showCorrelations();
  const std::map<std::string, ScoreColumns>* currentSeedScores() const;

  std::optional<ResultsFolder> results_;
  std::map<QString, std::shared_ptr<const ImageSet>> images_;
  QLabel* title_;
  QComboBox* seedBox_;
  QComboBox* scoreBox_;
  QComboBox* xBox_;
  QComboBox* yBox_;
  QTabWidget* tabs_;
  ResultsTableView* tableView_;
  ScoreHistogramView* histogramView_;
  RocCurveView* rocView_;
  ScoreScatterView* scatterView_;
  CorrelationHeatmapView* correlationView_;
};

}  // namespace glowscope
