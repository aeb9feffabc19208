#pragma once
// The dataset browser: the registry's datasets with their availability on this machine (and
// the command that installs a missing one), datasets added from disk (file dialog or drag and
// drop), and for the loaded set a zoomable thumbnail grid with a class filter, per-class counts,
// channel means/std and the pixel-difference histogram. Loading and statistics run on a worker
// thread with progress and cancel; the window never blocks.
#include <QHash>
#include <QWidget>
#include <memory>

#include "widgets/base/background_task.h"
#include "widgets/dataset_stats.h"

class QComboBox;
class QCustomPlot;
class QLabel;
class QListView;
class QProgressBar;
class QPushButton;
class QSlider;
class QTableWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace glowscope {

class ElidedLabel;
class ThumbnailModel;

class DatasetBrowser : public QWidget {
  Q_OBJECT

 public:
  explicit DatasetBrowser(QWidget* parent = nullptr);
  ~DatasetBrowser() override;

  /// Re-reads the registry (availability may have changed) and lists `userSpecs` as "added".
  void setUserDatasets(const QStringList& userSpecs);
  QStringList userDatasets() const { return userSpecs_; }
  /// Adds a dataset spec (e.g. from datasetSpecForPath); emits datasetAdded when new.
  void addUserDataset(const QString& spec);
  /// Starts loading `spec` on a worker thread (a running load is cancelled and forgotten).
  void loadDataset(const QString& spec);
  void cancelLoading();
  bool loading() const { return loader_.isRunning(); }

  std::shared_ptr<const ImageSet> currentSet() const { return current_; }
  const DatasetStats& currentStats() const { return stats_; }
  /// Names a training run can use: available built-in sets and the added ones, less those that
  /// failed to load here.
  QStringList usableDatasetNames() const;
  /// Why `spec` failed to load here; empty when it did not fail (or loaded since).
  QString failureOf(const QString& spec) const { return failures_.value(spec); }
  /// Adds the file or folder at `path` when core/data recognises its content; else says why
  /// (loadFailed and the header) and adds nothing. Returns the spec, empty when refused.
  QString addPath(const QString& path);
  void setClassFilter(int label);  ///< -1 = all classes
  int visibleThumbnailCount() const;

 Q_SIGNALS:
  void datasetAdded(const QString& spec);
  void datasetLoaded(const QString& spec);
  void loadFailed(const QString& spec, const QString& message);

 protected:
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  void buildLayout();
  QWidget* buildDetailPane();
  void refreshList();
  void addFromDisk(bool folder);
  void showDetails(QTreeWidgetItem* item);
  struct DatasetLoad {
    std::shared_ptr<const ImageSet> set;
    DatasetStats stats;
    QString error;
    bool cancelled = false;
  };
  void finishLoading(DatasetLoad load);
  void showProgress(double fraction, const QString& stage);
  void showStats();
  void clearCurrentSet();
  void markItem(QTreeWidgetItem* item, const QString& spec);

  QStringList userSpecs_;
  QStringList availableBuiltIns_;
  std::shared_ptr<const ImageSet> current_;
  DatasetStats stats_;
  QString loadingSpec_;               ///< of the newest load
  QHash<QString, QString> failures_;  ///< spec -> the loader's reason, for sets that failed

  QTreeWidget* list_ = nullptr;
  QLabel* details_ = nullptr;
  QPushButton* loadButton_ = nullptr;
  QPushButton* cancelButton_ = nullptr;
  QProgressBar* progress_ = nullptr;
  ElidedLabel* setInfo_ = nullptr;
  QComboBox* classFilter_ = nullptr;
  QSlider* zoom_ = nullptr;
  QListView* thumbnails_ = nullptr;
  ThumbnailModel* thumbnailModel_ = nullptr;
  QTableWidget* classCounts_ = nullptr;
  QLabel* channelStats_ = nullptr;
  QCustomPlot* histogram_ = nullptr;
  // Last: stops and waits for a load before the widgets it reports to go.
  BackgroundTask<DatasetLoad> loader_{
      this, [this](DatasetLoad load) { finishLoading(std::move(load)); },
      [this](double fraction, const QString& stage) { showProgress(fraction, stage); }};
};

}  // namespace glowscope
