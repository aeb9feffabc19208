#pragma once
#include <cstdint>
#include <filesystem>

#include "core/data/image_set.h"

namespace cv {
class Mat;
}

namespace glowscope::analysis {

/// Layout of an image grid (row-major tiles, first image top left).
struct ImageGridOptions {
  int columns = 8;             ///< tiles per row; rows = ceil(count / columns)
  int paddingPixels = 2;       ///< gap between tiles and around the border
  uint8_t paddingValue = 255;  ///< grey level of the gaps (white)
  int upscale = 1;             ///< nearest-neighbour magnification of every tile (1 = none)
};

/// Renders `images` (C = 1 or 3, RGB planes) into one 8-bit cv::Mat (CV_8UC1 or CV_8UC3 in
/// OpenCV's BGR order). Throws ConfigError for an empty set, C not in {1, 3} or bad options.
cv::Mat renderImageGrid(const ImageSet& images, const ImageGridOptions& options = {});

/// renderImageGrid, then PNG-encodes and writes `path` atomically (FileError on failure).
void writeImageGridPng(const std::filesystem::path& path, const ImageSet& images,
                       const ImageGridOptions& options = {});

}  // namespace glowscope::analysis
