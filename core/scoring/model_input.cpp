#include "core/scoring/model_input.h"

#include "core/data/transforms.h"

namespace glowscope {

ImageSet prepareImagesForModel(const ImageSet& images, const ModelConfig& config) {
  ImageSet prepared = convertChannels(images, config.channels);
  if (prepared.height != config.height || prepared.width != config.width)
    prepared = resizeImages(prepared, config.height, config.width);
  return prepared;
}

}  // namespace glowscope
