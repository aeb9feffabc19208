#pragma once
// Image sets for the analysis views, loaded once per process off the GUI thread and shared by
// every view (two pickers on mnist:test load it once).
#include <QObject>
#include <QString>
#include <QStringList>
#include <map>
#include <memory>

#include "core/data/image_set.h"
#include "widgets/base/background_task.h"

namespace glowscope {

class ImageSetCache : public QObject {
  Q_OBJECT
 public:
  /// The first `imagesPerSet` images of each set are kept: enough to pick from, light to hold.
  explicit ImageSetCache(int imagesPerSet = 2000, QObject* parent = nullptr);
  /// Waits for loads still running: their workers report back to this object.
  ~ImageSetCache() override;
  /// The process-wide cache the views use unless given another one.
  static ImageSetCache& shared();

  /// Available built-in registry sets (fashion-mnist:test, mnist:test, photo-crops-gray:test, ...).
  static QStringList availableSetNames();

  /// The set if loaded (else null).
  std::shared_ptr<const ImageSet> get(const QString& name) const;
  /// Starts loading on a worker thread unless loaded or loading; emits loaded or failed later
  /// (or at once, queued, when already loaded).
  void request(const QString& name);
  /// Puts a set in directly (tests, sets the app already holds); emits loaded.
  void insert(const QString& name, std::shared_ptr<const ImageSet> images);
  int imagesPerSet() const { return imagesPerSet_; }

 Q_SIGNALS:
  void loaded(const QString& name);
  void failed(const QString& name, const QString& error);

 private:
  struct SetLoad {
    std::shared_ptr<const ImageSet> images;
    QString error;
  };
  void finish(const QString& name, SetLoad load);

  int imagesPerSet_;
  std::map<QString, std::shared_ptr<const ImageSet>> sets_;
  /// One load per set name; each waits for its thread when the cache goes.
  std::map<QString, std::unique_ptr<BackgroundTask<SetLoad>>> loads_;
};

}  // namespace glowscope
