#include "core/data/font_letters.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "core/data/data_error.h"
#include "core/data/glyph_font.h"
#include "core/data/seeded_random.h"
#include "core/util/hash.h"

namespace glowscope {
namespace {

constexpr int kLetters = 10;  // A-J, as notMNIST

bool isFontFile(const std::filesystem::path& path) {
  const std::string ext = path.extension().string();
  return ext == ".ttf" || ext == ".otf" || ext == ".TTF" || ext == ".OTF";
}

// Symbol fonts map A-J to symbols (URW's D050000L dingbats, Standard Symbols PS): left out.
bool isSymbolFont(const std::filesystem::path& file) {
  const std::string name = file.filename().string();
  return name.find("D050000L") != std::string::npos ||
         name.find("StandardSymbols") != std::string::npos;
}

bool hasLetters(const std::filesystem::path& file) {
  if (isSymbolFont(file)) return false;
  try {
    const GlyphFont font(file);
    for (int i = 0; i < kLetters; ++i)
      if (!font.hasCharacter(char32_t('A' + i))) return false;
    return true;
  } catch (const DataError&) {
    return false;
  }
}

// The glyph's longer side scaled to `longerSide`, centred on a black size x size canvas.
cv::Mat centredGlyph(const GlyphBitmap& glyph, int size, double longerSide) {
  const double scale = longerSide / std::max(glyph.width, glyph.height);
  const int width = std::clamp(int(std::lround(glyph.width * scale)), 1, size);
  const int height = std::clamp(int(std::lround(glyph.height * scale)), 1, size);
  const cv::Mat source(glyph.height, glyph.width, CV_8UC1,
                       const_cast<uint8_t*>(glyph.coverage.data()));
  cv::Mat scaled;
  cv::resize(source, scaled, cv::Size(width, height), 0, 0, cv::INTER_AREA);
  cv::Mat canvas = cv::Mat::zeros(size, size, CV_8UC1);
  scaled.copyTo(canvas(cv::Rect((size - width) / 2, (size - height) / 2, width, height)));
  return canvas;
}

}  // namespace

std::vector<std::filesystem::path> defaultLetterFontDirs() {
  return {"/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/freefont",
          "/usr/share/fonts/opentype/urw-base35"};
}

std::vector<std::filesystem::path> findLetterFonts(const std::vector<std::filesystem::path>& dirs) {
  std::vector<std::filesystem::path> out;
  for (const auto& dir : dirs) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) continue;
    for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
      if (it->is_regular_file(ec) && isFontFile(it->path()) && hasLetters(it->path()))
        out.push_back(it->path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

ImageSet generateFontLetters(const std::vector<std::filesystem::path>& fonts,
                             const FontLetterOptions& options) {
  if (fonts.empty())
    throw DataError("font-letters",
                    "no held-out font with the letters A-J is installed "
                    "(bash scripts/setup.sh)");
  if (options.count < 1 || options.size < 8 || options.size > 256)
    throw ConfigError("font-letters", "count must be >= 1 and size 8..256");
  ImageSet set;
  set.count = options.count;
  set.channels = 1;
  set.height = set.width = options.size;
  set.numClasses = kLetters;
  set.pixels.resize(size_t(set.count * set.imageBytes()));
  set.labels.resize(size_t(set.count));
  const int size = int(options.size);
  for (size_t f = 0; f < fonts.size(); ++f) {
    GlyphFont font(fonts[f]);
    for (int64_t k = int64_t(f), local = 0; k < set.count; k += int64_t(fonts.size()), ++local) {
      std::mt19937_64 rng(
          splitmix64(splitmix64(options.seed ^ fnv1a(fonts[f].string())) + uint64_t(local)));
      const int letter = int(uniformBelow(rng, kLetters));
      const double longerSide = (0.7 + 0.25 * uniform01(rng)) * size;
      const GlyphBitmap glyph = font.render(char32_t('A' + letter), 3 * size);
      if (glyph.empty()) throw DataError(fonts[f].string(), "letter without ink");
      const cv::Mat image = centredGlyph(glyph, size, longerSide);
      std::copy_n(image.data, size_t(set.imageBytes()), set.image(k));
      set.labels[size_t(k)] = letter;
    }
  }
  return set;
}

}  // namespace glowscope
