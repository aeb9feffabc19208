#include "widgets/analysis/image_set_cache.h"

#include "core/data/dataset_registry.h"
#include "core/util/log.h"

namespace glowscope {

ImageSetCache::ImageSetCache(int imagesPerSet, QObject* parent)
    : QObject(parent), imagesPerSet_(imagesPerSet) {}

ImageSetCache::~ImageSetCache() = default;

ImageSetCache& ImageSetCache::shared() {
  static ImageSetCache* cache = new ImageSetCache();  // lives as long as the application
  return *cache;
}

QStringList ImageSetCache::availableSetNames() {
  QStringList names;
  for (const DatasetInfo& info : listDatasets())
    if (info.builtIn && info.available)
      for (const std::string& name : loadableNames(info)) names << QString::fromStdString(name);
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
  auto& load = loads_[name];
  if (load && load->isRunning()) return;
  if (!load)
    load = std::make_unique<BackgroundTask<SetLoad>>(
        this, [this, name](SetLoad result) { finish(name, std::move(result)); });
  const int limit = imagesPerSet_;
  load->start([name, limit](const BackgroundRun&) {
    LoadOptions options;
    options.limit = limit;
    return SetLoad{std::make_shared<const ImageSet>(loadDataset(name.toStdString(), options)), {}};
  });
}

void ImageSetCache::insert(const QString& name, std::shared_ptr<const ImageSet> images) {
  if (const auto load = loads_.find(name); load != loads_.end()) load->second->discard();
  finish(name, {std::move(images), {}});
}

void ImageSetCache::finish(const QString& name, SetLoad load) {
  if (!load.error.isEmpty() || !load.images) {
    const QString error = load.error.isEmpty() ? tr("no images") : load.error;
    // Logged once here; every picker or view waiting for the set shows it too.
    logger()->error("cannot load the image set {}: {}", name.toStdString(), error.toStdString());
    Q_EMIT failed(name, error);
    return;
  }
  sets_[name] = std::move(load.images);
  Q_EMIT loaded(name);
}

}  // namespace glowscope
