#pragma once
#include <cstdint>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "core/data/image_set.h"

namespace glowscope {

enum class PhotoGroup { AnimalsNature = 0, ManMade = 1 };

/// A source photo: a plain file, or a file inside a Qt resource archive (rccPath non-empty).
struct PhotoRef {
  std::string key;  // unique and stable: the file path, or "<rcc file>!<path inside>"
  PhotoGroup group = PhotoGroup::AnimalsNature;
  std::filesystem::path file;
  std::string rccPath;
  uint64_t fileSize = 0;  // of `file`: part of the cache's source hash
};

/// Where the installed photo packages live (tests point these at temporary folders).
struct PhotoSourceRoots {
  std::filesystem::path gcomprisRccDir = "/usr/share/gcompris-qt/rcc";
  std::filesystem::path mateNatureDir = "/usr/share/backgrounds/mate/nature";
  std::filesystem::path lomiriDir = "/usr/share/backgrounds";
  std::filesystem::path palapeliDir = "/usr/share/palapeli/collection";
};

/// All installed photos (see docs/data.md for the folders and their grouping), sorted by key.
/// Missing packages simply contribute nothing.
std::vector<PhotoRef> findInstalledPhotos(const PhotoSourceRoots& roots = {});

/// Every image file directly in `dir`, in one group, sorted by key.
std::vector<PhotoRef> photosInFolder(const std::filesystem::path& dir, PhotoGroup group);

/// The encoded bytes of a photo (reads the file or extracts it from the .rcc).
std::string readPhotoBytes(const PhotoRef& photo);

enum class CropSplit { Train, Test };

/// A square crop of a photo and whether to flip it.
struct CropBox {
  int x = 0, y = 0, side = 0;
  bool flip = false;
};

/// The crop recipe of docs/data.md: side log-uniform in [max(32, 0.1 * short side), short side],
/// top-left uniform over the valid positions, a flip with p = 0.5 (four draws of `rng`).
CropBox drawCrop(int height, int width, std::mt19937_64& rng);

struct PhotoCropOptions {
  int64_t count = 1000;  // crops in the requested split, spread evenly over its photos
  int64_t size = 32;     // output side (32 RGB; 28 or 32 for gray)
  int64_t channels = 3;  // 3 = RGB, 1 = luminance (BT.601)
  uint64_t seed = 20240601;
  double testFraction = 0.2;  // of each group's photos held out as test-only (at least one)
  uint64_t splitSeed = 0;     // which photos are held out; independent of `seed`
  CropSplit split = CropSplit::Train;
  bool onlyGroup = false;  // keep only photos of `group`
  PhotoGroup group = PhotoGroup::AnimalsNature;
};

/// The photos of the requested split: per group, photos are ordered by a seeded hash of their key
/// and the first ceil(testFraction * n) are test. Never mixes crops of one photo across splits.
std::vector<PhotoRef> photosOfSplit(const std::vector<PhotoRef>& photos,
                                    const PhotoCropOptions& options);

/// Generates crops (recipe in docs/data.md), deterministic from options.seed; labels = group.
ImageSet generatePhotoCrops(const std::vector<PhotoRef>& photos, const PhotoCropOptions& options);

/// generatePhotoCrops() cached in `cacheFile` (binary: magic, version, shape, seed, hash of the
/// source list); rebuilt and rewritten atomically when missing, unreadable or stale.
ImageSet loadPhotoCropsCached(const std::vector<PhotoRef>& photos, const PhotoCropOptions& options,
                              const std::filesystem::path& cacheFile);

/// Hash (FNV-1a 64) of the keys and sizes of the photos, as stored in the cache header.
uint64_t photoListHash(const std::vector<PhotoRef>& photos);

}  // namespace glowscope
