#pragma once
// The images behind a results folder's per-image scores, for the results browser's thumbnails:
// loaded exactly as the experiment runner loaded them (core/experiments/experiment_data.h), off
// the GUI thread. Torch-free header.
#include <QObject>
#include <QString>
#include <QStringList>
#include <memory>

#include "core/data/image_set.h"
#include "widgets/base/background_task.h"

namespace glowscope {

/// One set's images as the runner scored them, or why they are not available.
struct ResultsSetImages {
  QString setName;
  std::shared_ptr<const ImageSet> images;  ///< null when `error` says why
  QString error;
};

/// Loads set `setName` of the results folder at `folder` as its runner did (the spec in
/// metadata.json, experimentLoadOptions) and checks the images against the count and
/// fingerprint recorded there: data files that changed since give an error, not wrong
/// thumbnails. Never throws.
ResultsSetImages loadResultsSetImages(const QString& folder, const QString& setName);

/// Loads the sets one after the other on a worker thread; results arrive on the GUI thread.
class ResultsImagesLoader : public QObject {
  Q_OBJECT
 public:
  explicit ResultsImagesLoader(QObject* parent = nullptr);
  /// Cancels and waits for the worker (at most the set being loaded).
  ~ResultsImagesLoader() override;

  /// Starts loading `sets` of `folder`; a load in progress is cancelled and its results dropped.
  void load(const QString& folder, const QStringList& sets);
  /// Stops the load in progress; nothing more of it arrives.
  void cancel();
  bool isLoading() const { return task_.isRunning(); }

 Q_SIGNALS:
  /// One set loaded (or failed: images null, error set), on the GUI thread.
  void setLoaded(const QString& folder, const glowscope::ResultsSetImages& images);
  /// Every set of the current load was tried.
  void finished(const QString& folder);

 private:
  struct LoadDone {
    QString folder;
    QString error;
  };
  void deliver(const QString& folder, const ResultsSetImages& images);

  BackgroundTask<LoadDone> task_{this, [this](LoadDone done) {
                                   if (done.error.isEmpty()) Q_EMIT finished(done.folder);
                                 }};
};

}  // namespace glowscope
