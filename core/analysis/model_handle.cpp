#include "core/analysis/model_handle.h"

#include <c10/core/Device.h>

#include <sstream>

#include "core/data/image_set_ops.h"
#include "core/flows/flow_model.h"
#include "core/models/flow_likelihood.h"
#include "core/util/errors.h"
#include "core/runtime/runtime.h"

namespace glowscope::analysis {

struct ModelHandle::Impl {
  std::filesystem::path path;
  FlowModel model{nullptr};
  std::mutex mutex;
};

ModelHandle::ModelHandle() : impl_(std::make_unique<Impl>()) {}
ModelHandle::~ModelHandle() = default;

std::shared_ptr<ModelHandle> ModelHandle::load(const std::filesystem::path& path,
                                               const std::string& deviceName) {
  const std::string device = deviceName.empty() ? preferredDeviceName() : deviceName;
  std::shared_ptr<ModelHandle> handle(new ModelHandle());
  handle->impl_->path = path;
  // The views that hold a handle analyse scales and latents (c_i, z swaps, Fourier per scale).
  if (readModelFileFamily(path) != ModelFamily::Flow)
    throw Error(path.filename().string() + ": " +
                flowOnlyMessage("this analysis", readModelFileFamily(path)));
  handle->impl_->model = loadFlowModel(path, c10::Device(device));
  handle->impl_->model->eval();
  return handle;
}

const std::filesystem::path& ModelHandle::path() const { return impl_->path; }

ModelHandle::Summary ModelHandle::summary() const {
  const ModelConfig& config = impl_->model->config();
  return {flowTypeName(config.type),
          config.numScales,
          config.stepsPerScale,
          config.hiddenChannels,
          config.channels,
          config.height,
          config.width,
          impl_->model->numParameters()};
}

std::string ModelHandle::description() const {
  const Summary s = summary();
  std::ostringstream out;
  out << s.flowType << " Glow, " << s.numScales << " scales x " << s.stepsPerScale
      << " steps, hidden " << s.hiddenChannels << ", " << s.channels << "x" << s.height << "x"
      << s.width << ", " << s.parameters << " parameters";
  return out.str();
}

std::int64_t ModelHandle::channels() const { return impl_->model->config().channels; }
std::int64_t ModelHandle::height() const { return impl_->model->config().height; }
std::int64_t ModelHandle::width() const { return impl_->model->config().width; }
int ModelHandle::numScales() const { return impl_->model->numScales(); }

FlowModelImpl& ModelHandle::model() { return *impl_->model; }

std::unique_lock<std::mutex> ModelHandle::lock() { return std::unique_lock(impl_->mutex); }

ModelScores ModelHandle::score(const ImageSet& images, const ScoringOptions& options) {
  const auto guard = lock();
  return scoreImages(*impl_->model, images, options);
}

ImageSet imagesForModel(const ImageSet& images, const ModelHandle* model) {
  if (!model) return images;
  return imagesWithShape(images, model->channels(), model->height(), model->width());
}

}  // namespace glowscope::analysis
