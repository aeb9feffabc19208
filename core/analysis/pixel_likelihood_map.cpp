#include "core/analysis/pixel_likelihood_map.h"

#include <ATen/ATen.h>
#include <c10/core/InferenceMode.h>

#include <mutex>

#include "core/data/tensor_batches.h"
#include "core/models/likelihood_model.h"
#include "core/scoring/model_input.h"
#include "core/util/errors.h"

namespace glowscope::analysis {

struct PixelMapModel::Impl {
  std::filesystem::path path;
  LikelihoodModel model;
  std::mutex mutex;  ///< one forward pass at a time
};

namespace {

/// (B,C,H,W) sub-pixel terms -> per image H*W sums over channels, as doubles.
std::vector<std::vector<double>> pixelSums(LikelihoodModelImpl& model, const at::Tensor& pixels) {
  const at::Tensor sums = model.logLikelihood(pixels)
                              .subPixelLogProbNats.sum(1)
                              .to(at::kDouble)
                              .flatten(1)
                              .contiguous();
  std::vector<std::vector<double>> result(static_cast<size_t>(sums.size(0)));
  for (int64_t i = 0; i < sums.size(0); ++i) {
    const double* row = sums[i].data_ptr<double>();
    result[static_cast<size_t>(i)].assign(row, row + sums.size(1));
  }
  return result;
}

/// Image `index` as one value per pixel in raster order: the mean over its channels.
std::vector<double> channelMeans(const ImageSet& images, int64_t index) {
  const int64_t pixels = std::int64_t{images.height} * images.width;
  std::vector<double> values(static_cast<size_t>(pixels), 0.0);
  const uint8_t* image = images.image(index);
  for (int c = 0; c < images.channels; ++c)
    for (int64_t p = 0; p < pixels; ++p)
      values[static_cast<size_t>(p)] += image[c * pixels + p] / double(images.channels);
  return values;
}

double sum(const std::vector<double>& values) {
  double total = 0;
  for (double v : values) total += v;
  return total;
}

}  // namespace

PixelMapModel::PixelMapModel() : impl_(std::make_unique<Impl>()) {}
PixelMapModel::~PixelMapModel() = default;

std::shared_ptr<PixelMapModel> PixelMapModel::load(const std::filesystem::path& modelFile) {
  if (!hasPixelLikelihoodMaps(modelFile))
    throw Error(modelFile.filename().string() +
                " is a flow model: a flow has no per-pixel log-likelihood terms (its log p is not "
                "a sum over pixels); the map needs a PixelCNN++ model");
  std::shared_ptr<PixelMapModel> handle(new PixelMapModel());
  handle->impl_->path = modelFile;
  handle->impl_->model = loadLikelihoodModel(modelFile);
  handle->impl_->model->eval();
  return handle;
}

const std::filesystem::path& PixelMapModel::path() const { return impl_->path; }

bool hasPixelLikelihoodMaps(const std::filesystem::path& modelFile) {
  return readModelFileFamily(modelFile) == ModelFamily::PixelCnn;
}

PixelLikelihoodMaps pixelLikelihoodMaps(PixelMapModel& model, PixelMapModel* general,
                                        const ImageSet& images) {
  const ImageShape shape = model.impl_->model->imageShape();
  if (general && general->impl_->model->imageShape() != shape)
    throw ConfigError("general", "the general model takes " +
                                     general->impl_->model->imageShape().text() +
                                     " images, the model " + shape.text());
  PixelLikelihoodMaps result;
  result.images = prepareImagesForModel(images, shape);
  result.height = shape.height;
  result.width = shape.width;
  c10::InferenceMode inference;
  const at::Tensor pixels = toUint8Tensor(result.images);
  const auto sumsOf = [&](PixelMapModel& handle) {
    const std::lock_guard<std::mutex> guard(handle.impl_->mutex);
    return pixelSums(*handle.impl_->model, pixels);
  };
  std::vector<std::vector<double>> own = sumsOf(model);
  std::vector<std::vector<double>> other;
  if (general) other = sumsOf(*general);
  result.maps.resize(own.size());
  for (size_t i = 0; i < own.size(); ++i) {
    PixelLikelihoodMap& map = result.maps[i];
    map.greyLevels = channelMeans(result.images, static_cast<int64_t>(i));
    map.logProbNats = std::move(own[i]);
    map.totalLogProbNats = sum(map.logProbNats);
    if (!general) continue;
    map.generalLogProbNats = std::move(other[i]);
    map.differenceNats.resize(map.logProbNats.size());
    for (size_t p = 0; p < map.logProbNats.size(); ++p)
      map.differenceNats[p] = map.logProbNats[p] - map.generalLogProbNats[p];
    map.totalDifferenceNats = sum(map.differenceNats);
  }
  return result;
}

PixelLikelihoodMaps pixelLikelihoodMaps(const std::filesystem::path& modelFile,
                                        const std::filesystem::path& generalModelFile,
                                        const ImageSet& images) {
  const std::shared_ptr<PixelMapModel> model = PixelMapModel::load(modelFile);
  const std::shared_ptr<PixelMapModel> general =
      generalModelFile.empty() ? nullptr : PixelMapModel::load(generalModelFile);
  return pixelLikelihoodMaps(*model, general.get(), images);
}

}  // namespace glowscope::analysis
