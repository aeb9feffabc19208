#include "core/data/general_render.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "core/data/data_error.h"
#include "core/data/photo_crops.h"
#include "core/data/seeded_random.h"

namespace glowscope::general {
namespace {

/// Opaque sources at least this small on their short side are placed whole, not cropped.
constexpr int kMinCropSourceSide = 64;

double uniformIn(std::mt19937_64& rng, double low, double high) {
  return low + uniform01(rng) * (high - low);
}

cv::Vec3b randomColour(std::mt19937_64& rng) {
  return {uint8_t(uniformBelow(rng, 256)), uint8_t(uniformBelow(rng, 256)),
          uint8_t(uniformBelow(rng, 256))};
}

// Draws no extra number when the share is 0, so that the default recipe's images stay the same.
cv::Vec3b backgroundColour(double plainBackgroundShare, std::mt19937_64& rng) {
  if (plainBackgroundShare > 0) {
    const double u = uniform01(rng);
    if (u < plainBackgroundShare)
      return u < plainBackgroundShare / 2 ? cv::Vec3b{0, 0, 0} : cv::Vec3b{255, 255, 255};
  }
  return randomColour(rng);
}

double luminance(const cv::Vec3b& rgb) { return 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2]; }

// Straight-alpha RGBA (float, 0..1) composited on `background` at (x, y) of `canvas`.
void composite(const cv::Mat& rgbaFloat, int x, int y, cv::Mat& canvas) {
  for (int r = 0; r < rgbaFloat.rows; ++r)
    for (int c = 0; c < rgbaFloat.cols; ++c) {
      const cv::Vec4f& p = rgbaFloat.at<cv::Vec4f>(r, c);
      cv::Vec3b& out = canvas.at<cv::Vec3b>(y + r, x + c);
      for (int k = 0; k < 3; ++k)
        out[k] = cv::saturate_cast<uint8_t>(p[k] * 255.0f * p[3] + out[k] * (1.0f - p[3]));
    }
}

// The bounding box of the pixels with alpha > 0 (the whole image when none is transparent).
cv::Rect opaqueBox(const cv::Mat& rgba) {
  std::vector<cv::Mat> planes;
  cv::split(rgba, planes);
  cv::Mat mask = planes[3] > 0;
  const cv::Rect box = cv::boundingRect(mask);
  return box.area() > 0 ? box : cv::Rect(0, 0, rgba.cols, rgba.rows);
}

// Resizes premultiplied so that transparent pixels do not bleed their colour into the edge.
cv::Mat resizeRgba(const cv::Mat& rgba, cv::Size size) {
  cv::Mat floats;
  rgba.convertTo(floats, CV_32FC4, 1.0 / 255.0);
  std::vector<cv::Mat> planes;
  cv::split(floats, planes);
  for (int k = 0; k < 3; ++k) planes[k] = planes[k].mul(planes[3]);
  cv::merge(planes, floats);
  const bool shrinking = size.width < rgba.cols || size.height < rgba.rows;
  cv::Mat resized;
  cv::resize(floats, resized, size, 0, 0, shrinking ? cv::INTER_AREA : cv::INTER_LINEAR);
  cv::split(resized, planes);
  for (int k = 0; k < 3; ++k) planes[k] = planes[k] / cv::max(planes[3], 1e-6f);
  cv::merge(planes, resized);
  return resized;
}

// Longer side of the placed object = fraction of `size`; at least one pixel either way.
cv::Size scaledToFit(int width, int height, double longerSide) {
  const double scale = longerSide / std::max(width, height);
  return {std::clamp(int(std::lround(width * scale)), 1, int(std::ceil(longerSide))),
          std::clamp(int(std::lround(height * scale)), 1, int(std::ceil(longerSide)))};
}

cv::Mat placeOnBackground(const cv::Mat& rgbaObject, int size, cv::Vec3b background,
                          std::mt19937_64& rng) {
  cv::Mat canvas(size, size, CV_8UC3, cv::Scalar(background[0], background[1], background[2]));
  const int x = int(uniformBelow(rng, size - rgbaObject.cols + 1));
  const int y = int(uniformBelow(rng, size - rgbaObject.rows + 1));
  composite(rgbaObject, x, y, canvas);
  return canvas;
}

}  // namespace

DecodedSource decodeSource(std::string_view encoded, const std::string& name) {
  if (encoded.empty() || encoded.size() > size_t(std::numeric_limits<int>::max()))
    throw DataError(name, "empty or larger than 2 GiB");
  const cv::Mat buffer(1, int(encoded.size()), CV_8U, const_cast<char*>(encoded.data()));
  cv::Mat image;
  try {
    image = cv::imdecode(buffer, cv::IMREAD_UNCHANGED);
  } catch (const cv::Exception& e) {
    throw DataError(name, std::string("cannot decode the image: ") + e.what());
  }
  if (image.empty()) throw DataError(name, "cannot decode the image (unknown format or corrupt)");
  if (image.depth() == CV_16U) image.convertTo(image, CV_8U, 1.0 / 257.0);
  if (image.depth() != CV_8U) throw DataError(name, "unsupported pixel depth");
  DecodedSource out;
  switch (image.channels()) {
    case 1:
      cv::cvtColor(image, out.rgba, cv::COLOR_GRAY2RGBA);
      break;
    case 3:
      cv::cvtColor(image, out.rgba, cv::COLOR_BGR2RGBA);
      break;
    case 4:
      cv::cvtColor(image, out.rgba, cv::COLOR_BGRA2RGBA);
      break;
    default:
      throw DataError(name, "unsupported channel count " + std::to_string(image.channels()));
  }
  double minAlpha = 255;
  std::vector<cv::Mat> planes;
  cv::split(out.rgba, planes);
  cv::minMaxLoc(planes[3], &minAlpha);
  out.transparent = minAlpha < 255;
  return out;
}

cv::Mat cropImage(const cv::Mat& rgba, int size, std::mt19937_64& rng) {
  const CropBox box = drawCrop(rgba.rows, rgba.cols, rng);
  cv::Mat rgb, crop;
  cv::cvtColor(rgba(cv::Rect(box.x, box.y, box.side, box.side)), rgb, cv::COLOR_RGBA2RGB);
  cv::resize(rgb, crop, cv::Size(size, size), 0, 0,
             box.side >= size ? cv::INTER_AREA : cv::INTER_LINEAR);
  if (box.flip) cv::flip(crop, crop, 1);
  return crop;
}

cv::Mat placeObject(const cv::Mat& rgba, int size, double plainBackgroundShare,
                    std::mt19937_64& rng) {
  const cv::Mat object = rgba(opaqueBox(rgba));
  const double longerSide = uniformIn(rng, 0.5, 1.0) * size;
  const cv::Mat scaled = resizeRgba(object, scaledToFit(object.cols, object.rows, longerSide));
  const cv::Vec3b background = backgroundColour(plainBackgroundShare, rng);
  const bool flip = uniform01(rng) < 0.5;
  cv::Mat canvas = placeOnBackground(scaled, size, background, rng);
  if (flip) cv::flip(canvas, canvas, 1);
  return canvas;
}

cv::Mat renderGlyph(GlyphFont& font, int size, double plainBackgroundShare,
                    std::mt19937_64& rng) {
  const cv::Vec3b background = backgroundColour(plainBackgroundShare, rng);
  cv::Vec3b ink = randomColour(rng);
  for (int attempt = 0; attempt < 64 && std::abs(luminance(ink) - luminance(background)) < 64;
       ++attempt)
    ink = randomColour(rng);
  const double longerSide = uniformIn(rng, 0.4, 0.95) * size;
  const auto& characters = font.characters();
  GlyphBitmap glyph;
  // Oversampled: FreeType's hinting at a few pixels would distort the shape.
  for (int attempt = 0; attempt < 16 && glyph.empty() && !characters.empty(); ++attempt)
    glyph =
        font.render(characters[size_t(uniformBelow(rng, int64_t(characters.size())))], 3 * size);
  if (glyph.empty())
    return cv::Mat(size, size, CV_8UC3, cv::Scalar(background[0], background[1], background[2]));
  cv::Mat rgba(glyph.height, glyph.width, CV_8UC4);
  for (int r = 0; r < glyph.height; ++r)
    for (int c = 0; c < glyph.width; ++c)
      rgba.at<cv::Vec4b>(r, c) = {ink[0], ink[1], ink[2],
                                  glyph.coverage[size_t(r) * size_t(glyph.width) + size_t(c)]};
  const cv::Mat scaled = resizeRgba(rgba, scaledToFit(glyph.width, glyph.height, longerSide));
  return placeOnBackground(scaled, size, background, rng);
}

cv::Mat renderImageSource(const DecodedSource& source, bool alwaysCrop, int size,
                          double plainBackgroundShare, std::mt19937_64& rng) {
  const bool crop =
      alwaysCrop ||
      (!source.transparent && std::min(source.rgba.rows, source.rgba.cols) >= kMinCropSourceSide);
  return crop ? cropImage(source.rgba, size, rng) : placeObject(source.rgba, size, plainBackgroundShare, rng);
}

}  // namespace glowscope::general
