#pragma once
// A notMNIST-like OOD set from packaged data: the letters A-J rendered from font files that the
// general set never uses (docs/data.md, "font-letters"), white on black, centred. No torch.
#include <cstdint>
#include <filesystem>
#include <vector>

#include "core/data/image_set.h"

namespace glowscope {

/// The font packages held out of the general set (scripts/setup.sh installs them).
std::vector<std::filesystem::path> defaultLetterFontDirs();

/// Font files under `dirs` (recursively, sorted) that map every letter A-J.
std::vector<std::filesystem::path> findLetterFonts(
    const std::vector<std::filesystem::path>& dirs = defaultLetterFontDirs());

struct FontLetterOptions {
  int64_t count = 10000;
  int64_t size = 28;  // like MNIST; the paper's models resize it to 32
  uint64_t seed = 20240601;
};

/// Image k: font k mod F, a seeded letter A-J (label 0-9), its longer side 70-95% of `size`,
/// centred, white ink on black. Throws DataError when `fonts` is empty.
ImageSet generateFontLetters(const std::vector<std::filesystem::path>& fonts,
                             const FontLetterOptions& options);

}  // namespace glowscope
