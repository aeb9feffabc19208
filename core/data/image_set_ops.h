#pragma once
// Whole-set operations on ImageSet that several callers need (analysis, scoring, the views):
// the first n images, sets joined end to end, and the conversion to a given shape.
#include <cstdint>
#include <vector>

#include "core/data/image_set.h"

namespace glowscope {

/// The first min(count, images.count) images (labels kept).
ImageSet firstImages(const ImageSet& images, std::int64_t count);

/// Appends the images of `more` to `images` (equal C, H, W; ConfigError otherwise); an empty
/// `images` takes `more`'s shape and keeps its own name when it has one. Labels are dropped.
void appendImages(ImageSet& images, const ImageSet& more);

/// The images of `parts` one after the other, under the first part's name; ConfigError unless
/// all have the same channels, height and width. Labels are dropped.
ImageSet concatenateImages(const std::vector<const ImageSet*>& parts);

/// Converted to `channels` (grey <-> RGB) and resized bilinearly to height x width: the one
/// conversion any set goes through before a model scores it (prepareImagesForModel).
ImageSet imagesWithShape(const ImageSet& images, std::int64_t channels, std::int64_t height,
                         std::int64_t width);

}  // namespace glowscope
