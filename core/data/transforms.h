#pragma once
#include <cstdint>
#include <random>

#include "core/data/image_set.h"

namespace glowscope {

/// Bilinear resize of every image to height×width (the paper's 28→32 for the 3-scale Glow).
ImageSet resizeImages(const ImageSet& set, int64_t height, int64_t width);

/// 3 channels → 1 (BT.601 luminance, rounded) or 1 → 3 (replicated); same channels = copy.
ImageSet convertChannels(const ImageSet& set, int64_t channels);

enum class PadMode { Zero, Reflect };

struct AugmentOptions {
  int maxTranslatePx = 0;          // shift by a uniform integer in [-max, max] on each axis
  PadMode pad = PadMode::Reflect;  // how uncovered pixels are filled
  bool horizontalFlip = false;     // with probability 0.5
};

/// Augments one C×H×W image in place; `rng` decides the shift and the flip.
void augmentImage(uint8_t* image, int64_t channels, int64_t height, int64_t width,
                  const AugmentOptions& options, std::mt19937_64& rng);

}  // namespace glowscope
