#include "widgets/analysis/image_set_cache.h"

#include <QThread>

#include "core/data/dataset_registry.h"

namespace glowscope {

ImageSetCache::ImageSetCache(int imagesPerSet, QObject* parent)
    : QObject(parent), imagesPerSet_(imagesPerSet) {}

ImageSetCache::~ImageSetCache() {
  for (const QPointer<QThread>& worker : workers_)
    if (worker) worker->wait();
}

ImageSetCache& ImageSetCache::shared() {
  static ImageSetCache* cache = new ImageSetCache();  // lives as long as the application
  return *cache;
}

QStringList ImageSetCache::availableSetNames() {
  QStringList names;
  for (const DatasetInfo& info : listDatasets())
    if (info.builtIn && info.available) names << QString::fromStdString(info.name);
  return names;
}

std::shared_ptr<const ImageSet> ImageSetCache::get(const QString& name) const {
  const auto found = sets_.find(name);
  return found == sets_.end() ? nullptr : found->second;
}

void ImageSetCache::request(const QString& name) {
  if (sets_.count(name)) {
    QMetaObject::invokeMethod(
        this, [this, name] { Q_EMIT loaded(name); }, Qt::QueuedConnection);
    return;
  }
  if (!loading_.insert(name).second) return;
  const int limit = imagesPerSet_;
  QThread* worker = QThread::create([this, name, limit] {
    std::shared_ptr<const ImageSet> images;
    QString error;
    try {
      LoadOptions options;
      options.limit = limit;
      images = std::make_shared<const ImageSet>(loadDataset(name.toStdString(), options));
    } catch (const std::exception& failure) {
      error = QString::fromStdString(failure.what());
    }
    QMetaObject::invokeMethod(
        this, [this, name, images, error] { finish(name, images, error); }, Qt::QueuedConnection);
  });
  connect(worker, &QThread::finished, worker, &QObject::deleteLater);
  std::erase_if(workers_, [](const QPointer<QThread>& done) { return done.isNull(); });
  workers_.emplace_back(worker);
  worker->start(QThread::LowPriority);
}

void ImageSetCache::insert(const QString& name, std::shared_ptr<const ImageSet> images) {
  finish(name, std::move(images), {});
}

void ImageSetCache::finish(const QString& name, std::shared_ptr<const ImageSet> images,
                           const QString& error) {
  loading_.erase(name);
  if (!error.isEmpty() || !images) {
    Q_EMIT failed(name, error.isEmpty() ? tr("no images") : error);
    return;
  }
  sets_[name] = std::move(images);
  Q_EMIT loaded(name);
}

}  // namespace glowscope
