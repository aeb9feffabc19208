#pragma once
// A Tiny-Images-like general distribution from packaged data (docs/data.md, "General set"):
// photographs, game art, clip art, icons and glyphs of many scripts, mixed in configured
// proportions, cropped or placed on a background and rescaled, split by source (never by image)
// and deterministic from a seed. The paper's general distribution is 80 Million Tiny Images
// (Sec. 3); what matters is breadth, so every kind of image a desktop holds contributes.
#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/data/image_set.h"
#include "core/data/photo_crops.h"

namespace glowscope {

/// The source families; the label of a generated image is its family's index.
enum class GeneralFamily { Photo = 0, GameArt = 1, ClipArt = 2, Icon = 3, Glyph = 4 };
inline constexpr int kGeneralFamilyCount = 5;
/// "photo", "game", "clipart", "icon", "glyph" (the names of the mix syntax).
const char* generalFamilyName(GeneralFamily family);

/// One source file: a photo (plain or inside a .rcc), an image file, or a font file (Glyph).
struct GeneralSource {
  std::string key;       // unique and stable (the file path, or "<rcc>!<path>")
  std::string splitKey;  // sources sharing it are on one side of the split (font weights, one
                         // icon at several sizes)
  GeneralFamily family = GeneralFamily::Photo;
  std::filesystem::path file;
  std::string rccPath;
  uint64_t fileSize = 0;
};

/// Where the installed packages live (tests point these at temporary folders).
struct GeneralSourceRoots {
  PhotoSourceRoots photos;
  std::vector<std::filesystem::path> gameArtDirs = {"/usr/share/games/pingus/data/images",
                                                    "/usr/share/games/etr",
                                                    "/usr/share/games/frozen-bubble/gfx"};
  std::filesystem::path clipArtDir = "/usr/share/tuxpaint/stamps";
  std::filesystem::path iconDir = "/usr/share/icons/oxygen/base";
  std::vector<std::filesystem::path> glyphFontDirs = {"/usr/share/fonts/truetype/noto"};
};

/// Every installed source of every family (docs/data.md lists folders and exclusions), sorted
/// by key. Missing packages contribute nothing.
std::vector<GeneralSource> findGeneralSources(const GeneralSourceRoots& roots = {});

/// Relative weights of the families (need not sum to 1; 0 leaves a family out).
struct GeneralMix {
  std::array<double, kGeneralFamilyCount> weights{0.30, 0.15, 0.15, 0.20, 0.20};
  /// Share of placed objects and glyphs drawn on a plain black or white background (half each)
  /// instead of one uniform random colour: collections of small images hold many objects on
  /// saturated backgrounds, which a random colour per channel almost never gives. 0 = off;
  /// the default 0.5 was chosen on Fashion-MNIST training images (docs/results.md, 2026-12-01).
  double plainBackgroundShare = 0.5;
  /// "photo=30,game=15,clipart=15,icon=20,glyph=20[,plain=50]": families not named get weight
  /// 0; `plain` is plainBackgroundShare in percent (0-100; 0 when not named). Throws
  /// ConfigError on an unknown name, a bad or negative number, a share above 100, or all
  /// weights 0.
  static GeneralMix parse(const std::string& text);
  std::string toString() const;  ///< the parse() syntax, every family named (plain when > 0)
};

struct GeneralSetOptions {
  int64_t count = 1000;  // images of the requested split
  int64_t size = 32;     // output side
  int64_t channels = 3;  // 3 = RGB, 1 = luminance (BT.601)
  uint64_t seed = 20240601;
  double testFraction = 0.2;  // of each family's split keys held out as test-only
  uint64_t splitSeed = 0;
  CropSplit split = CropSplit::Train;
  GeneralMix mix;
};

/// Images per family for `count` images: proportional to the weights, largest remainders
/// rounded up, summing to exactly `count`.
std::array<int64_t, kGeneralFamilyCount> familyCounts(const GeneralMix& mix, int64_t count);

/// The sources of the requested split: per family, split keys are ranked by a seeded hash and
/// the first ceil(testFraction * n) are test (at least one, at most n - 1 when n >= 2).
std::vector<GeneralSource> generalSourcesOfSplit(const std::vector<GeneralSource>& sources,
                                                 const GeneralSetOptions& options);

/// Generates the set (recipe in docs/data.md), deterministic from options; labels = family.
/// Throws DataError when a family with a positive weight has no source in the split.
ImageSet generateGeneralSet(const std::vector<GeneralSource>& sources,
                            const GeneralSetOptions& options);

/// generateGeneralSet() cached in `cacheFile` like the photo crops (rebuilt when stale).
ImageSet loadGeneralSetCached(const std::vector<GeneralSource>& sources,
                              const GeneralSetOptions& options,
                              const std::filesystem::path& cacheFile);

}  // namespace glowscope
