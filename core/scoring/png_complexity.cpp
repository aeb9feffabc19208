#include "core/scoring/png_complexity.h"

#include <numbers>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <string>

#include "core/util/errors.h"

namespace glowscope {
namespace {

void requireValidShape(const PlanarImageShape& shape) {
  if (shape.channels != 1 && shape.channels != 3 && shape.channels != 4) {
    throw ConfigError("channels", "PNG complexity needs 1, 3 or 4 channels, got " +
                                      std::to_string(shape.channels));
  }
  if (shape.height <= 0 || shape.width <= 0) {
    throw ConfigError("height/width", "image size must be positive");
  }
}

/// H×W×C copy of the planar image: OpenCV's encoders read interleaved pixels.
cv::Mat toInterleaved(std::span<const std::uint8_t> planarImage, const PlanarImageShape& shape) {
  const std::size_t planeSize =
      static_cast<std::size_t>(shape.height) * static_cast<std::size_t>(shape.width);
  std::vector<cv::Mat> planes;
  for (int c = 0; c < shape.channels; ++c) {
    // cv::Mat wraps without copying and never writes through this pointer here.
    auto* plane = const_cast<std::uint8_t*>(planarImage.data() + c * planeSize);
    planes.emplace_back(shape.height, shape.width, CV_8UC1, plane);
  }
  cv::Mat interleaved;
  cv::merge(planes, interleaved);
  return interleaved;
}

}  // namespace

std::vector<std::uint8_t> encodePngForComplexity(std::span<const std::uint8_t> planarImage,
                                                 const PlanarImageShape& shape) {
  requireValidShape(shape);
  if (planarImage.size() != shape.dims()) {
    throw ConfigError("planarImage", "holds " + std::to_string(planarImage.size()) +
                                         " bytes, the shape needs " + std::to_string(shape.dims()));
  }
  const cv::Mat image = toInterleaved(planarImage, shape);
  std::vector<std::uint8_t> encoded;
  const std::vector<int> params{cv::IMWRITE_PNG_COMPRESSION, kPngComplexityCompressionLevel};
  try {
    if (cv::imencode(".png", image, encoded, params)) return encoded;
  } catch (const cv::Exception& e) {
    throw Error(std::string("OpenCV could not encode the image as PNG: ") + e.what());
  }
  throw Error("OpenCV could not encode the image as PNG");
}

double pngBits(std::span<const std::uint8_t> planarImage, const PlanarImageShape& shape) {
  return 8.0 * static_cast<double>(encodePngForComplexity(planarImage, shape).size());
}

double pngBitsPerDim(std::span<const std::uint8_t> planarImage, const PlanarImageShape& shape) {
  return pngBits(planarImage, shape) / static_cast<double>(shape.dims());
}

double pngLogLikelihoodNats(double pngBitCount) { return -pngBitCount * std::numbers::ln2; }

std::vector<double> pngBitsPerImage(std::span<const std::uint8_t> images,
                                    const PlanarImageShape& shape) {
  requireValidShape(shape);
  const std::size_t imageSize = shape.dims();
  if (images.size() % imageSize != 0) {
    throw ConfigError("images", "size is not a whole number of images of the given shape");
  }
  std::vector<double> bits(images.size() / imageSize);
  for (std::size_t i = 0; i < bits.size(); ++i) {
    bits[i] = pngBits(images.subspan(i * imageSize, imageSize), shape);
  }
  return bits;
}

}  // namespace glowscope
