#include "core/data/glyph_font.h"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <string>

#include "core/data/data_error.h"

namespace glowscope {

struct GlyphFont::Impl {
  FT_Library library = nullptr;
  FT_Face face = nullptr;
  std::vector<char32_t> characters;
  ~Impl() {
    if (face) FT_Done_Face(face);
    if (library) FT_Done_FreeType(library);
  }
};

namespace {

// Controls, separators and the ranges whose "glyphs" are blank or not characters at all.
bool drawable(char32_t c) {
  if (c < 0x21 || (c >= 0x7f && c <= 0xa0) || c == 0xad) return false;
  if (c >= 0x2000 && c <= 0x200f) return false;  // spaces, joiners, marks
  if (c >= 0x2028 && c <= 0x202f) return false;
  if (c == 0x3000 || c == 0xfeff) return false;
  if (c >= 0xe000 && c <= 0xf8ff) return false;  // private use
  return true;
}

}  // namespace

GlyphFont::GlyphFont(const std::filesystem::path& file) : impl_(std::make_unique<Impl>()) {
  if (FT_Init_FreeType(&impl_->library) != 0)
    throw DataError(file.string(), "FreeType could not be initialised");
  if (FT_New_Face(impl_->library, file.c_str(), 0, &impl_->face) != 0)
    throw DataError(file.string(), "not a font FreeType can read");
  if (FT_Select_Charmap(impl_->face, FT_ENCODING_UNICODE) != 0)
    throw DataError(file.string(), "the font has no Unicode character map");
  FT_UInt glyphIndex = 0;
  for (FT_ULong c = FT_Get_First_Char(impl_->face, &glyphIndex); glyphIndex != 0;
       c = FT_Get_Next_Char(impl_->face, c, &glyphIndex))
    if (drawable(char32_t(c))) impl_->characters.push_back(char32_t(c));
  std::sort(impl_->characters.begin(), impl_->characters.end());
}

GlyphFont::~GlyphFont() = default;
GlyphFont::GlyphFont(GlyphFont&&) noexcept = default;
GlyphFont& GlyphFont::operator=(GlyphFont&&) noexcept = default;

const std::vector<char32_t>& GlyphFont::characters() const { return impl_->characters; }

bool GlyphFont::hasCharacter(char32_t codePoint) const {
  return std::binary_search(impl_->characters.begin(), impl_->characters.end(), codePoint);
}

GlyphBitmap GlyphFont::render(char32_t codePoint, int pixelSize) {
  GlyphBitmap out;
  FT_Face face = impl_->face;
  if (FT_Set_Pixel_Sizes(face, 0, FT_UInt(std::max(1, pixelSize))) != 0) return out;
  const FT_UInt index = FT_Get_Char_Index(face, FT_ULong(codePoint));
  if (index == 0 || FT_Load_Glyph(face, index, FT_LOAD_DEFAULT) != 0) return out;
  if (FT_Render_Glyph(face->glyph, FT_RENDER_MODE_NORMAL) != 0) return out;
  const FT_Bitmap& bitmap = face->glyph->bitmap;
  if (bitmap.pixel_mode != FT_PIXEL_MODE_GRAY || bitmap.width == 0 || bitmap.rows == 0) return out;
  // Crop to the ink: outlines often leave blank rows or columns in the bitmap.
  int top = int(bitmap.rows), bottom = -1, left = int(bitmap.width), right = -1;
  for (int y = 0; y < int(bitmap.rows); ++y)
    for (int x = 0; x < int(bitmap.width); ++x)
      if (bitmap.buffer[y * bitmap.pitch + x] > 0) {
        top = std::min(top, y);
        bottom = std::max(bottom, y);
        left = std::min(left, x);
        right = std::max(right, x);
      }
  if (bottom < 0) return out;
  out.width = right - left + 1;
  out.height = bottom - top + 1;
  out.coverage.resize(size_t(out.width) * size_t(out.height));
  for (int y = 0; y < out.height; ++y)
    std::copy_n(bitmap.buffer + (top + y) * bitmap.pitch + left, out.width,
                out.coverage.data() + size_t(y) * size_t(out.width));
  return out;
}

}  // namespace glowscope
