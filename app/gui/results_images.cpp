#include "app/gui/results_images.h"

#include <QDir>
#include <exception>
#include <nlohmann/json.hpp>

#include "core/experiments/experiment_data.h"
#include "core/experiments/experiment_spec.h"
#include "core/scoring/score_cache.h"
#include "core/util/atomic_file.h"
#include "core/util/errors.h"
#include "core/util/log.h"

namespace glowscope {
namespace {

// What metadata.json recorded about the set when it was scored; throws Error on a mismatch.
void checkRecorded(const nlohmann::json& metadata, const std::string& set, const ImageSet& images) {
  if (!metadata.contains("data") || !metadata["data"].contains(set)) return;
  const nlohmann::json& recorded = metadata["data"][set];
  if (recorded.contains("images") && recorded["images"].get<std::int64_t>() != images.count)
    throw Error("loaded " + std::to_string(images.count) + " images of " + set + ", but " +
                std::to_string(recorded["images"].get<std::int64_t>()) + " were scored");
  if (recorded.contains("fingerprint") &&
      recorded["fingerprint"].get<std::string>() != fingerprintImages(images))
    throw Error("the images of " + set +
                " differ from the ones scored (the data files changed since)");
}

}  // namespace

ResultsSetImages loadResultsSetImages(const QString& folder, const QString& setName) {
  ResultsSetImages result{setName, nullptr, {}};
  try {
    const std::string metadataPath = QDir(folder).filePath("metadata.json").toStdString();
    const nlohmann::json metadata = nlohmann::json::parse(readWholeFile(metadataPath));
    if (!metadata.contains("spec")) throw FileError(metadataPath, "no \"spec\"");
    const ExperimentSpec spec = ExperimentSpec::fromJson(metadata["spec"]);
    auto images = std::make_shared<ImageSet>(loadExperimentSet(setName.toStdString(), spec));
    checkRecorded(metadata, setName.toStdString(), *images);
    result.images = std::move(images);
  } catch (const std::exception& error) {
    result.error = QString::fromUtf8(error.what());
  }
  return result;
}

ResultsImagesLoader::ResultsImagesLoader(QObject* parent) : QObject(parent) {}

ResultsImagesLoader::~ResultsImagesLoader() = default;

void ResultsImagesLoader::cancel() { task_.discard(); }

void ResultsImagesLoader::load(const QString& folder, const QStringList& sets) {
  task_.start([this, folder, sets](const BackgroundRun& run) {
    for (const QString& set : sets) {
      run.throwIfCancelled();
      const ResultsSetImages images = loadResultsSetImages(folder, set);
      run.post([this, folder, images] { deliver(folder, images); });
    }
    return LoadDone{folder, {}};
  });
}

void ResultsImagesLoader::deliver(const QString& folder, const ResultsSetImages& images) {
  if (!images.images)
    logger()->warn("no thumbnails for {}: {}", images.setName.toStdString(),
                   images.error.toStdString());
  Q_EMIT setLoaded(folder, images);
}

}  // namespace glowscope
