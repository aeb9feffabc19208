#include "core/scoring/model_input.h"

#include "core/data/image_set_ops.h"

namespace glowscope {

ImageSet prepareImagesForModel(const ImageSet& images, const ImageShape& shape) {
  return imagesWithShape(images, shape.channels, shape.height, shape.width);
}

ImageSet prepareImagesForModel(const ImageSet& images, const ModelConfig& config) {
  return prepareImagesForModel(images, ImageShape{config.channels, config.height, config.width});
}

}  // namespace glowscope
