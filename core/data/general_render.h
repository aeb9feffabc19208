#pragma once
// Turning one source image or font into one square training image of the general set (the
// recipe of docs/data.md, "General set"). Internal to core/data; tested through general_set.h.
#include <opencv2/core.hpp>
#include <random>

#include "core/data/glyph_font.h"

namespace glowscope::general {

/// A decoded source: 8-bit RGBA (straight alpha), H×W×4; `transparent` when any alpha < 255.
struct DecodedSource {
  cv::Mat rgba;
  bool transparent = false;
};

/// Decodes PNG/JPEG/WebP (gray, gray+alpha, RGB, RGBA, 8 or 16 bit) to 8-bit RGBA.
/// Throws DataError when OpenCV cannot decode it.
DecodedSource decodeSource(std::string_view encoded, const std::string& name);

/// A crop by the photo recipe (drawCrop), area-downscaled to size×size RGB (CV_8UC3), maybe
/// flipped. For opaque sources: photographs, textures, opaque sprites of side >= 64.
cv::Mat cropImage(const cv::Mat& rgba, int size, std::mt19937_64& rng);

/// The object (its opaque part) scaled so that its longer side is 50-100% of `size`, placed at a
/// uniform position on a background of one uniform random colour (plain black or white with
/// probability plainBackgroundShare), maybe flipped (CV_8UC3).
cv::Mat placeObject(const cv::Mat& rgba, int size, double plainBackgroundShare,
                    std::mt19937_64& rng);

/// One random character of `font`, longer side 40-95% of `size`, at a uniform position, in a
/// random colour on a background colour (drawn as placeObject's) whose luminances differ by at
/// least 64 (CV_8UC3). A blank image of the background colour when no drawn glyph has ink.
cv::Mat renderGlyph(GlyphFont& font, int size, double plainBackgroundShare,
                    std::mt19937_64& rng);

/// The crop or the placed object, as the recipe chooses for this source.
cv::Mat renderImageSource(const DecodedSource& source, bool alwaysCrop, int size,
                          double plainBackgroundShare, std::mt19937_64& rng);

}  // namespace glowscope::general
