#include "core/scoring/model_input.h"

#include "core/data/image_set_ops.h"

namespace glowscope {

ImageSet prepareImagesForModel(const ImageSet& images, const ModelConfig& config) {
  return imagesWithShape(images, config.channels, config.height, config.width);
}

}  // namespace glowscope
