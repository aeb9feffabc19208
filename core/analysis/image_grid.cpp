#include "core/analysis/image_grid.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <string>
#include <vector>

#include "core/util/atomic_file.h"
#include "core/util/errors.h"

namespace glowscope::analysis {
namespace {

void validate(const ImageSet& images, const ImageGridOptions& options) {
  if (images.count <= 0) throw ConfigError("images", "the image grid needs at least one image");
  if (images.channels != 1 && images.channels != 3) {
    throw ConfigError(
        "images", "an image grid needs 1 or 3 channels, got " + std::to_string(images.channels));
  }
  if (static_cast<int64_t>(images.pixels.size()) != images.count * images.imageBytes()) {
    throw ConfigError("images", "pixel buffer size does not match count x C x H x W");
  }
  if (options.columns < 1) throw ConfigError("columns", "must be at least 1");
  if (options.paddingPixels < 0) throw ConfigError("padding", "must not be negative");
  if (options.upscale < 1 || options.upscale > 64) throw ConfigError("upscale", "must be in 1..64");
}

// One image as an interleaved BGR (or grey) 8-bit Mat, from the set's planar RGB layout.
cv::Mat tileOf(const ImageSet& images, int64_t index) {
  const int height = static_cast<int>(images.height);
  const int width = static_cast<int>(images.width);
  std::vector<cv::Mat> planes;
  for (int64_t c = images.channels - 1; c >= 0; --c) {  // RGB planes -> BGR order
    const uint8_t* plane = images.image(index) + c * images.height * images.width;
    planes.emplace_back(height, width, CV_8UC1, const_cast<uint8_t*>(plane));
  }
  cv::Mat tile;
  cv::merge(planes, tile);
  return tile;
}

}  // namespace

cv::Mat renderImageGrid(const ImageSet& images, const ImageGridOptions& options) {
  validate(images, options);
  const int columns = static_cast<int>(std::min<int64_t>(options.columns, images.count));
  const int rows = static_cast<int>((images.count + columns - 1) / columns);
  const int tileHeight = static_cast<int>(images.height) * options.upscale;
  const int tileWidth = static_cast<int>(images.width) * options.upscale;
  const int pad = options.paddingPixels;
  const int type = images.channels == 3 ? CV_8UC3 : CV_8UC1;
  cv::Mat grid(pad + rows * (tileHeight + pad), pad + columns * (tileWidth + pad), type,
               cv::Scalar::all(options.paddingValue));
  for (int64_t index = 0; index < images.count; ++index) {
    const int row = static_cast<int>(index / columns);
    const int column = static_cast<int>(index % columns);
    const cv::Rect target(pad + column * (tileWidth + pad), pad + row * (tileHeight + pad),
                          tileWidth, tileHeight);
    const cv::Mat tile = tileOf(images, index);
    cv::Mat destination = grid(target);  // a view: writing it fills the grid
    if (options.upscale > 1) {
      cv::resize(tile, destination, destination.size(), 0, 0, cv::INTER_NEAREST);
    } else {
      tile.copyTo(destination);
    }
  }
  return grid;
}

void writeImageGridPng(const std::filesystem::path& path, const ImageSet& images,
                       const ImageGridOptions& options) {
  const cv::Mat grid = renderImageGrid(images, options);
  std::vector<uint8_t> encoded;
  if (!cv::imencode(".png", grid, encoded)) {
    throw FileError(path.string(), "OpenCV could not encode the image grid as PNG");
  }
  writeFileAtomically(
      path, std::string_view(reinterpret_cast<const char*>(encoded.data()), encoded.size()));
}

}  // namespace glowscope::analysis
