#pragma once
// Input-complexity baseline (Serra et al. 2020): the size of an image's lossless PNG encoding
// stands in for -log p_general(x).
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace glowscope {

/// Shape of one planar uint8 image: channels × height × width (C×H×W, the tensor layout).
struct PlanarImageShape {
  int channels = 0;  ///< 1 (grey), 3 or 4; passed to the encoder in the given order.
  int height = 0;
  int width = 0;
  std::size_t dims() const {
    return static_cast<std::size_t>(channels) * static_cast<std::size_t>(height) *
           static_cast<std::size_t>(width);
  }
};

/// The PNG compression level used everywhere here, as in the reference (cv2, level 9).
inline constexpr int kPngComplexityCompressionLevel = 9;

/// The complete PNG file (signature, IHDR, IDAT, IEND) that OpenCV's imencode(".png", ...,
/// {IMWRITE_PNG_COMPRESSION, 9}) writes for the image converted to H×W×C. Like the reference,
/// channels are not reordered (RGB goes in as if it were BGR, which leaves the size alike).
/// Throws ConfigError when the shape is invalid or does not match the data size.
std::vector<std::uint8_t> encodePngForComplexity(std::span<const std::uint8_t> planarImage,
                                                 const PlanarImageShape& shape);

/// 8 × the byte length of that PNG file, headers included: the image's complexity in bits.
double pngBits(std::span<const std::uint8_t> planarImage, const PlanarImageShape& shape);

/// pngBits / (C·H·W).
double pngBitsPerDim(std::span<const std::uint8_t> planarImage, const PlanarImageShape& shape);

/// The PNG baseline read as a general-distribution log-likelihood: -bits · ln 2 (nats). So a
/// likelihood-ratio score is log p_in(x) - pngLogLikelihoodNats = log p_in(x) + bits · ln 2.
double pngLogLikelihoodNats(double pngBitCount);

/// pngBits of each image of a contiguous N×C×H×W batch (images.size() = N·C·H·W).
std::vector<double> pngBitsPerImage(std::span<const std::uint8_t> images,
                                    const PlanarImageShape& shape);

}  // namespace glowscope
