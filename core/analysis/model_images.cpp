#include "core/analysis/model_images.h"

#include <ATen/ATen.h>

#include <algorithm>

#include "core/util/errors.h"

namespace glowscope::analysis {
void checkImagesFitModel(const FlowModelImpl& model, const ImageSet& images) {
  const ModelConfig& config = model.config();
  if (images.channels != config.channels || images.height != config.height ||
      images.width != config.width) {
    throw ConfigError("images",
                      "images of " + images.name + " are " + std::to_string(images.channels) + "x" +
                          std::to_string(images.height) + "x" + std::to_string(images.width) +
                          " but the model expects " + std::to_string(config.channels) + "x" +
                          std::to_string(config.height) + "x" + std::to_string(config.width));
  }
  if (static_cast<int64_t>(images.pixels.size()) != images.count * images.imageBytes()) {
    throw ConfigError("images", "pixel buffer size does not match count x C x H x W");
  }
}

at::Tensor uint8Batch(const ImageSet& images, int64_t begin, int64_t end, at::Device device) {
  if (begin < 0 || end > images.count || begin >= end) {
    throw ConfigError("images", "empty or out-of-range image batch");
  }
  const at::Tensor view =
      at::from_blob(const_cast<uint8_t*>(images.image(begin)),
                    {end - begin, images.channels, images.height, images.width}, at::kByte);
  return view.to(device, /*non_blocking=*/false, /*copy=*/true);
}

ImageScores scoreImages(FlowModelImpl& model, const ImageSet& images, const ScoringOptions& options,
                        const TaskControl& control) {
  checkImagesFitModel(model, images);
  if (options.batchSize < 1) throw ConfigError("batch-size", "must be at least 1");
  // The one batched scoring loop lives in core/scoring; analyses add the strict shape check
  // above and report through their TaskControl.
  glowscope::ScoringOptions scoring;
  scoring.batchSize = options.batchSize;
  scoring.mode = options.mode;
  scoring.cancel = control.cancelRequested;
  scoring.progress = [&control](int64_t done, int64_t total) {
    control.checkpoint(static_cast<double>(done) / static_cast<double>(total),
                       "scoring " + std::to_string(done) + "/" + std::to_string(total));
  };
  return glowscope::scoreImages(model, images, scoring);
}

ImageSet quantiseModelImages(const at::Tensor& x, const std::string& name) {
  if (x.dim() != 4) throw Error("quantiseModelImages: expected a (B,C,H,W) tensor");
  const at::Tensor levels = ((x.detach().to(at::kCPU, at::kFloat) + 0.5) * 256.0 - 0.5).round();
  const at::Tensor bytes =
      at::nan_to_num(levels, 0.0, 255.0, 0.0).clamp(0.0, 255.0).to(at::kByte).contiguous();
  ImageSet images;
  images.name = name;
  images.count = x.size(0);
  images.channels = x.size(1);
  images.height = x.size(2);
  images.width = x.size(3);
  images.pixels.assign(bytes.data_ptr<uint8_t>(), bytes.data_ptr<uint8_t>() + bytes.numel());
  return images;
}

}  // namespace glowscope::analysis
