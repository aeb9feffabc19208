// Finding the installed sources of the general set (core/data/general_set.h), family by family.
// What each family takes and leaves out is listed in docs/data.md ("General set").
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <iterator>
#include <map>

#include "core/data/general_set.h"

namespace glowscope {
namespace {

std::string lowerExtension(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return char(std::tolower(c)); });
  return ext;
}

bool isRasterImage(const std::filesystem::path& path) {
  const std::string ext = lowerExtension(path);
  return ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".webp";
}

bool isFontFile(const std::filesystem::path& path) {
  const std::string ext = lowerExtension(path);
  return ext == ".ttf" || ext == ".otf" || ext == ".ttc";
}

uint64_t sizeOf(const std::filesystem::path& file) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  return ec ? 0 : uint64_t(size);
}

// Every regular file under `dir` (recursively, sorted) that `keep` accepts.
template <typename Keep>
std::vector<std::filesystem::path> filesUnder(const std::filesystem::path& dir, Keep keep) {
  std::vector<std::filesystem::path> out;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return out;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
    if (it->is_regular_file(ec) && keep(it->path())) out.push_back(it->path());
  std::sort(out.begin(), out.end());
  return out;
}

GeneralSource plainSource(const std::filesystem::path& file, GeneralFamily family,
                          std::string splitKey) {
  return {file.string(), std::move(splitKey), family, file, "", sizeOf(file)};
}

bool pathHas(const std::filesystem::path& path, const std::string& part) {
  return path.generic_string().find(part) != std::string::npos;
}

// Game art: sprites, textures and terrain of game data packages. Animation frames of one
// character (frozen-bubble's penguins and menu animations) would be near-duplicates: left out.
void addGameArt(const GeneralSourceRoots& roots, std::vector<GeneralSource>& out) {
  for (const auto& dir : roots.gameArtDirs)
    for (const auto& file : filesUnder(dir, isRasterImage)) {
      if (pathHas(file, "frozen-bubble/gfx/pinguins") || pathHas(file, "/anims/")) continue;
      out.push_back(plainSource(file, GeneralFamily::GameArt, file.string()));
    }
}

// Clip art and photo stamps (tuxpaint): "_mirror" files are flipped copies of another stamp;
// the alphabet and number stamps are glyphs (their family is Glyph, from fonts) and are left out
// so that only the glyph family carries digits (docs/data.md, the ablation without it).
void addClipArt(const GeneralSourceRoots& roots, std::vector<GeneralSource>& out) {
  for (const auto& file : filesUnder(roots.clipArtDir, isRasterImage)) {
    const std::string stem = file.stem().string();
    if (stem.ends_with("_mirror") || pathHas(file, "/symbols/alphabets/") ||
        pathHas(file, "/symbols/math/"))
      continue;
    out.push_back(plainSource(file, GeneralFamily::ClipArt, file.string()));
  }
}

// Icons: one source per icon name and context, at its largest installed size (the other sizes
// are the same drawing).
void addIcons(const GeneralSourceRoots& roots, std::vector<GeneralSource>& out) {
  struct Best {
    std::filesystem::path file;
    int side = 0;
  };
  std::map<std::string, Best> byName;
  for (const auto& file : filesUnder(roots.iconDir, isRasterImage)) {
    const std::filesystem::path relative = file.lexically_relative(roots.iconDir);
    if (std::distance(relative.begin(), relative.end()) < 3) continue;  // <size>/<context>/<name>
    const int side = std::atoi(relative.begin()->string().c_str());
    const std::string name =
        (std::next(relative.begin())->string()) + "/" + relative.filename().string();
    Best& best = byName[name];
    if (side > best.side) best = {file, side};
  }
  for (const auto& [name, best] : byName)
    out.push_back(plainSource(best.file, GeneralFamily::Icon, "icon:" + name));
}

// Glyph fonts: the weights and styles of one family ("NotoSans-Bold.ttf", "NotoSans-Italic.ttf")
// share a split key, so one family's letter shapes never sit on both sides of the split.
void addGlyphFonts(const GeneralSourceRoots& roots, std::vector<GeneralSource>& out) {
  for (const auto& dir : roots.glyphFontDirs)
    for (const auto& file : filesUnder(dir, isFontFile)) {
      const std::string stem = file.stem().string();
      out.push_back(
          plainSource(file, GeneralFamily::Glyph, "font:" + stem.substr(0, stem.find('-'))));
    }
}

}  // namespace

std::vector<GeneralSource> findGeneralSources(const GeneralSourceRoots& roots) {
  std::vector<GeneralSource> out;
  for (const PhotoRef& photo : findInstalledPhotos(roots.photos))
    out.push_back(
        {photo.key, photo.key, GeneralFamily::Photo, photo.file, photo.rccPath, photo.fileSize});
  addGameArt(roots, out);
  addClipArt(roots, out);
  addIcons(roots, out);
  addGlyphFonts(roots, out);
  std::sort(out.begin(), out.end(),
            [](const GeneralSource& a, const GeneralSource& b) { return a.key < b.key; });
  return out;
}

}  // namespace glowscope
