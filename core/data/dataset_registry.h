#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/data/image_set.h"

namespace glowscope {

/// Which label a CIFAR-100 file yields (CIFAR-10 has only one).
enum class CifarLabel { Fine, Coarse };

/// Options shared by every loader behind loadDataset(). Zero / empty means "the default".
struct LoadOptions {
  // Keep at most `limit` images (0 = all): the first ones, or a seeded random subset (kept in
  // file order) when randomSubset is true.
  int64_t limit = 0;
  bool randomSubset = false;
  uint64_t subsetSeed = 0;
  CifarLabel cifarLabel = CifarLabel::Fine;
  // folder:/path: target size and colour (0 = 32x32 / 3 channels).
  int64_t folderSize = 0;
  int64_t folderChannels = 0;
  // Photo crops and the general set: number of images of the requested split (0 = 50000 train
  // / 10000 test) and the seed of the crops (also of font-letters).
  int64_t photoCropCount = 0;
  uint64_t photoCropSeed = 20240601;
  // Applied last, after the limit: bilinear resize to outputSize×outputSize (0 = keep; e.g. 32
  // for the paper's 28→32) and conversion to outputChannels (0 = keep, 1 = luminance, 3 = RGB).
  int64_t outputSize = 0;
  int64_t outputChannels = 0;
  // Data cache (MNIST, photo-crop cache files); empty = dataCacheDir().
  std::filesystem::path dataDir;
};

/// Loads a dataset by name (throws DataError for bad/missing files, ConfigError for a bad spec):
///   fashion-mnist:train|test   mnist:train|test            (28x28x1, 10 classes)
///   photo-crops-gray:train|test (28x28x1)   photo-crops-rgb:train|test (32x32x3)
///   photos-animals[:train|test]  photos-manmade[:train|test]  (32x32x3 crops of one group; the
///                               default split is test = the held-out photos)
///   general-gray[:<mix>]:train|test (28x28x1)   general-rgb[:<mix>]:train|test (32x32x3): the
///                               Tiny-like general set (core/data/general_set.h), labels = family
///   font-letters:test           (28x28x1 letters A-J from held-out fonts, labels 0-9)
///   cifar10:/dir[:train|test]  cifar100:/dir[:train|test]   (default train)
///   svhn:/path/file_32x32.mat   idx:/path/images[,/path/labels]   folder:/path
/// Labels: class index; photo crops are labelled 0 = animals & nature, 1 = man-made.
ImageSet loadDataset(const std::string& spec, const LoadOptions& options = {});

struct DatasetInfo {
  std::string name;         // e.g. "mnist:test", or a pattern like "cifar10:/dir[:train|test]"
  std::string description;  // one line
  bool builtIn = true;      // false for the path-based patterns (always "available")
  bool available = false;   // the files are on this machine
  std::string installHint;  // when not available: the command that installs it
};

/// Every dataset name loadDataset() knows, with whether it can be loaded on this machine.
std::vector<DatasetInfo> listDatasets(const LoadOptions& options = {});

/// The names loadDataset() accepts for a built-in entry of listDatasets(): the name itself, or
/// for an optional split ("photos-manmade[:train|test]") one name per split
/// ("photos-manmade:train", "photos-manmade:test"). Empty for patterns that need a path or other
/// parts ("cifar10:/dir[:train|test]", "general-gray:<mix>:train|test").
std::vector<std::string> loadableNames(const DatasetInfo& info);

/// $GLOWSCOPE_DATA_DIR, else $XDG_CACHE_HOME/glowscope, else $HOME/.cache/glowscope.
std::filesystem::path dataCacheDir();

/// Keeps `options.limit` images of `set` (first ones or a seeded subset); no-op for limit 0.
void applyLimit(ImageSet& set, const LoadOptions& options);

}  // namespace glowscope
