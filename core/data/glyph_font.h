#pragma once
// Glyphs rendered from font files with FreeType (Debian libfreetype): the glyph family of the
// general distribution and the held-out font-letters set (docs/data.md). No torch, no Qt.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <vector>

namespace glowscope {

/// An 8-bit coverage bitmap of one glyph, cropped to its ink (0 = none, 255 = full).
struct GlyphBitmap {
  int width = 0, height = 0;
  std::vector<uint8_t> coverage;  // height x width, row-major
  bool empty() const { return width == 0 || height == 0; }
};

/// One face of a font file (TrueType, OpenType, Type 1). Not thread-safe: one per thread.
class GlyphFont {
 public:
  /// Throws DataError when FreeType cannot open the file or it has no Unicode character map.
  explicit GlyphFont(const std::filesystem::path& file);
  ~GlyphFont();
  GlyphFont(GlyphFont&&) noexcept;
  GlyphFont& operator=(GlyphFont&&) noexcept;

  /// The Unicode code points the font maps to a glyph, ascending, without controls and spaces.
  const std::vector<char32_t>& characters() const;
  bool hasCharacter(char32_t codePoint) const;
  /// The glyph of `codePoint` rendered anti-aliased at `pixelSize` (em height in pixels); empty
  /// for a glyph without ink or a code point the font lacks.
  GlyphBitmap render(char32_t codePoint, int pixelSize);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace glowscope
