#include "core/data/photo_crops.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <exception>
#include <map>
#include <mutex>
#include <opencv2/imgproc.hpp>
#include <optional>
#include <random>
#include <thread>

#include "core/data/loaders.h"
#include "core/data/rcc.h"
#include "core/data/seeded_random.h"
#include "core/util/atomic_file.h"
#include "core/util/log.h"

#include "core/util/hash.h"

namespace glowscope {
namespace {

constexpr char kCacheMagic[8] = {'G', 'S', 'C', 'R', 'O', 'P', 'S', '1'};
constexpr uint32_t kCacheVersion = 1;
constexpr size_t kCacheHeaderBytes = 8 + 4 + 4 + 8 * 7;

struct RccRule {
  const char* file;
  const char* prefix;
  PhotoGroup group;
};

const RccRule kRccRules[] = {
    {"erase.rcc", "gcompris/src/activities/erase/resource/", PhotoGroup::AnimalsNature},
    {"explore_world_animals.rcc", "gcompris/src/activities/explore_world_animals/resource/animals/",
     PhotoGroup::AnimalsNature},
    {"explore_farm_animals.rcc", "gcompris/src/activities/explore_farm_animals/resource/animals/",
     PhotoGroup::AnimalsNature},
    {"categorization.rcc", "gcompris/src/activities/categorization/resource/images/fishes/",
     PhotoGroup::AnimalsNature},
    {"explore_monuments.rcc", "gcompris/src/activities/explore_monuments/resource/",
     PhotoGroup::ManMade},
    {"explore_world_music.rcc", "gcompris/src/activities/explore_world_music/resource/music/",
     PhotoGroup::ManMade},
    {"categorization.rcc", "gcompris/src/activities/categorization/resource/images/monuments/",
     PhotoGroup::ManMade},
    {"categorization.rcc", "gcompris/src/activities/categorization/resource/images/renewable/",
     PhotoGroup::ManMade},
    {"categorization.rcc", "gcompris/src/activities/categorization/resource/images/tools/",
     PhotoGroup::ManMade},
    {"categorization.rcc", "gcompris/src/activities/categorization/resource/images/others/",
     PhotoGroup::ManMade},
};

// Lomiri wallpapers that show nature or animals (looked at by hand); the others are man-made
// scenes, except the abstract umang_by_Abhishek_Mudgal.jpg which is skipped.
const char* kLomiriNature[] = {"Dragonfly_by_Bolly.jpg",
                               "aitzgorri_by_Aitzol_Berasategi.jpg",
                               "friends_by_Aitzol_Berasategi.jpg",
                               "life_by_Aitzol_Berasategi.jpg",
                               "picosdeeuropa_by_Aitzol_Berasategi.jpg",
                               "seeding_by_Clements_Engelhardt.jpg",
                               "sunset_by_Aitzol_Berasategi.jpg"};
const char* kPalapeliManMade[] = {"cincinnati-bridge.jpg", "castle-maintenon.jpg"};

bool endsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool inList(const std::string& name, const char* const* begin, const char* const* end) {
  return std::any_of(begin, end, [&](const char* n) { return name == n; });
}

void addRccPhotos(const std::filesystem::path& dir, std::vector<PhotoRef>& out) {
  std::map<std::string, std::vector<std::string>> listed;  // each archive listed once
  for (const RccRule& rule : kRccRules) {
    const auto file = dir / rule.file;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) continue;
    if (!listed.count(rule.file)) listed[rule.file] = listRcc(readDataFile(file), file.string());
    const uint64_t size = std::filesystem::file_size(file, ec);
    for (const std::string& path : listed[rule.file]) {
      if (path.rfind(rule.prefix, 0) != 0 || !endsWith(path, ".webp")) continue;
      out.push_back({file.string() + "!" + path, rule.group, file, path, size});
    }
  }
}

PhotoRef plainPhoto(const std::filesystem::path& file, PhotoGroup group) {
  std::error_code ec;
  return {file.string(), group, file, "", std::filesystem::file_size(file, ec)};
}

void sortByKey(std::vector<PhotoRef>& photos) {
  std::sort(photos.begin(), photos.end(),
            [](const PhotoRef& a, const PhotoRef& b) { return a.key < b.key; });
}

}  // namespace

// The recipe of docs/data.md: side log-uniform in [max(32, 0.1*short), short], uniform position.
CropBox drawCrop(int height, int width, std::mt19937_64& rng) {
  const int shortSide = std::min(height, width);
  const double low = std::min<double>(shortSide, std::max(32.0, 0.1 * shortSide));
  const double logSide = std::log(low) + uniform01(rng) * (std::log(shortSide) - std::log(low));
  CropBox box;
  box.side = std::clamp(int(std::lround(std::exp(logSide))), int(std::ceil(low)), shortSide);
  box.x = int(uniform01(rng) * (width - box.side + 1));
  box.y = int(uniform01(rng) * (height - box.side + 1));
  box.flip = uniform01(rng) < 0.5;
  return box;
}

std::vector<PhotoRef> photosInFolder(const std::filesystem::path& dir, PhotoGroup group) {
  std::vector<PhotoRef> out;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    std::string ext = entry.path().extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    if (entry.is_regular_file() &&
        (ext == ".jpg" || ext == ".jpeg" || ext == ".png" || ext == ".webp"))
      out.push_back(plainPhoto(entry.path(), group));
  }
  sortByKey(out);
  return out;
}

std::vector<PhotoRef> findInstalledPhotos(const PhotoSourceRoots& roots) {
  std::vector<PhotoRef> out;
  addRccPhotos(roots.gcomprisRccDir, out);
  for (auto& p : photosInFolder(roots.mateNatureDir, PhotoGroup::AnimalsNature)) out.push_back(p);
  for (auto& p : photosInFolder(roots.lomiriDir, PhotoGroup::ManMade)) {
    const std::string name = p.file.filename().string();
    if (name == "umang_by_Abhishek_Mudgal.jpg") continue;
    if (inList(name, std::begin(kLomiriNature), std::end(kLomiriNature)))
      p.group = PhotoGroup::AnimalsNature;
    out.push_back(p);
  }
  for (auto& p : photosInFolder(roots.palapeliDir, PhotoGroup::AnimalsNature)) {
    if (inList(p.file.filename().string(), std::begin(kPalapeliManMade),
               std::end(kPalapeliManMade)))
      p.group = PhotoGroup::ManMade;
    out.push_back(p);
  }
  sortByKey(out);
  return out;
}

std::string readPhotoBytes(const PhotoRef& photo) {
  if (photo.rccPath.empty()) return readDataFile(photo.file);
  auto files = parseRcc(readDataFile(photo.file), photo.file.string(),
                        [&](const std::string& path) { return path == photo.rccPath; });
  if (files.size() != 1) throw DataError(photo.key, "not found in the resource file");
  return std::move(files.front().data);
}

uint64_t photoListHash(const std::vector<PhotoRef>& photos) {
  uint64_t hash = kFnv1aOffset;
  for (const PhotoRef& p : photos) {
    hash = fnv1a(p.key, hash);
    const uint64_t extra[2] = {p.fileSize, uint64_t(p.group)};
    hash = fnv1a(extra, sizeof(extra), hash);
  }
  return hash;
}

std::vector<PhotoRef> photosOfSplit(const std::vector<PhotoRef>& photos,
                                    const PhotoCropOptions& options) {
  std::vector<PhotoRef> out;
  for (PhotoGroup group : {PhotoGroup::AnimalsNature, PhotoGroup::ManMade}) {
    if (options.onlyGroup && group != options.group) continue;
    std::vector<std::pair<uint64_t, const PhotoRef*>> ranked;
    for (const PhotoRef& p : photos)
      if (p.group == group) ranked.push_back({splitmix64(fnv1a(p.key) ^ options.splitSeed), &p});
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
      return a.first < b.first || (a.first == b.first && a.second->key < b.second->key);
    });
    const size_t n = ranked.size();
    size_t test = std::min(n, size_t(std::ceil(options.testFraction * double(n))));
    if (n >= 2) test = std::clamp<size_t>(test, 1, n - 1);  // both splits non-empty
    const bool wantTest = options.split == CropSplit::Test;
    for (size_t i = 0; i < n; ++i)
      if ((i < test) == wantTest) out.push_back(*ranked[i].second);
  }
  sortByKey(out);
  return out;
}

namespace {

// Writes the crops of photo `photoIndex` (output positions photoIndex, photoIndex + P, ...).
void cropOnePhoto(const PhotoRef& photo, const std::string& encoded, size_t photoIndex,
                  size_t photoCount, const PhotoCropOptions& options, ImageSet& set) {
  const DecodedImage decoded = decodeImageRgb(encoded, photo.key);
  const cv::Mat rgb(int(decoded.height), int(decoded.width), CV_8UC3,
                    const_cast<uint8_t*>(decoded.rgb.data()));
  const int size = int(options.size);
  const int64_t plane = int64_t(size) * size;
  const uint64_t photoSeed = splitmix64(options.seed ^ fnv1a(photo.key));
  cv::Mat crop, gray;
  for (int64_t k = int64_t(photoIndex), local = 0; k < set.count;
       k += int64_t(photoCount), ++local) {
    std::mt19937_64 rng(splitmix64(photoSeed + uint64_t(local)));
    const CropBox box = drawCrop(rgb.rows, rgb.cols, rng);
    cv::resize(rgb(cv::Rect(box.x, box.y, box.side, box.side)), crop, cv::Size(size, size), 0, 0,
               cv::INTER_AREA);
    if (box.flip) cv::flip(crop, crop, 1);
    uint8_t* out = set.image(k);
    if (options.channels == 1) {
      cv::cvtColor(crop, gray, cv::COLOR_RGB2GRAY);
      std::memcpy(out, gray.data, size_t(plane));
    } else {
      for (int64_t p = 0; p < plane; ++p)
        for (int c = 0; c < 3; ++c) out[c * plane + p] = crop.data[p * 3 + c];
    }
    set.labels[size_t(k)] = int32_t(photo.group);
  }
}

// Encoded bytes of every photo; each .rcc archive is read and walked once.
std::vector<std::string> readEncodedPhotos(const std::vector<PhotoRef>& photos) {
  std::vector<std::string> encoded(photos.size());
  std::map<std::string, std::vector<size_t>> byArchive;
  for (size_t i = 0; i < photos.size(); ++i) {
    if (photos[i].rccPath.empty())
      encoded[i] = readDataFile(photos[i].file);
    else
      byArchive[photos[i].file.string()].push_back(i);
  }
  for (const auto& [archive, indices] : byArchive) {
    std::map<std::string, size_t> wanted;
    for (size_t i : indices) wanted[photos[i].rccPath] = i;
    const auto files = parseRcc(readDataFile(archive), archive,
                                [&](const std::string& path) { return wanted.count(path) > 0; });
    for (const RccFile& f : files) encoded[wanted[f.path]] = f.data;
    for (size_t i : indices)
      if (encoded[i].empty()) throw DataError(photos[i].key, "not found in the resource file");
  }
  return encoded;
}

uint64_t recipeHash(const PhotoCropOptions& o) {
  const double values[] = {double(o.count), double(o.size),       double(o.channels),
                           o.testFraction,  double(o.split),      double(o.onlyGroup),
                           double(o.group), double(kCacheVersion)};
  const uint64_t seeds[] = {o.seed, o.splitSeed};
  return fnv1a(seeds, sizeof(seeds), fnv1a(values, sizeof(values)));
}

void putU64(std::string& out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out += char((v >> (8 * i)) & 0xff);
}
uint64_t getU64(std::string_view in, size_t offset) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v |= uint64_t(uint8_t(in[offset + i])) << (8 * i);
  return v;
}

std::string encodeCache(const ImageSet& set, const PhotoCropOptions& o, uint64_t sourceHash) {
  std::string out(kCacheMagic, 8);
  for (int i = 0; i < 4; ++i) out += char((kCacheVersion >> (8 * i)) & 0xff);
  out.append(4, '\0');
  for (uint64_t v : {uint64_t(set.count), uint64_t(set.channels), uint64_t(set.height),
                     uint64_t(set.width), o.seed, sourceHash, recipeHash(o)})
    putU64(out, v);
  out.append(reinterpret_cast<const char*>(set.pixels.data()), set.pixels.size());
  for (int32_t label : set.labels) out += char(label);
  return out;
}

// The cached set if `bytes` is a complete, current cache file; nothing otherwise.
std::optional<ImageSet> decodeCache(std::string_view bytes, const PhotoCropOptions& o,
                                    uint64_t sourceHash) {
  if (bytes.size() < kCacheHeaderBytes || std::memcmp(bytes.data(), kCacheMagic, 8) != 0)
    return std::nullopt;
  if (uint8_t(bytes[8]) != kCacheVersion) return std::nullopt;
  const uint64_t expected[] = {
      uint64_t(o.count), uint64_t(o.channels), uint64_t(o.size), uint64_t(o.size), o.seed,
      sourceHash,        recipeHash(o)};
  for (size_t i = 0; i < 7; ++i)
    if (getU64(bytes, 16 + 8 * i) != expected[i]) return std::nullopt;
  const uint64_t pixelBytes = uint64_t(o.count) * o.channels * o.size * o.size;
  if (bytes.size() != kCacheHeaderBytes + pixelBytes + uint64_t(o.count)) return std::nullopt;
  ImageSet set;
  set.count = o.count;
  set.channels = o.channels;
  set.height = set.width = o.size;
  set.numClasses = 2;
  const char* pixels = bytes.data() + kCacheHeaderBytes;
  set.pixels.assign(pixels, pixels + pixelBytes);
  set.labels.assign(pixels + pixelBytes, pixels + pixelBytes + o.count);
  return set;
}

}  // namespace

ImageSet generatePhotoCrops(const std::vector<PhotoRef>& allPhotos,
                            const PhotoCropOptions& options) {
  if (options.count < 1 || options.size < 8 || options.size > 256 ||
      (options.channels != 1 && options.channels != 3))
    throw ConfigError("photo crops", "count must be >= 1, size 8..256, channels 1 or 3");
  const std::vector<PhotoRef> photos = photosOfSplit(allPhotos, options);
  if (photos.empty()) throw DataError("photo crops", "no source photos for this split");
  ImageSet set;
  set.count = options.count;
  set.channels = options.channels;
  set.height = set.width = options.size;
  set.numClasses = 2;
  set.pixels.resize(size_t(set.count * set.imageBytes()));
  set.labels.resize(size_t(set.count));
  const std::vector<std::string> encoded = readEncodedPhotos(photos);
  // Photos write disjoint crops (k ≡ photo index mod P), so they are cropped in parallel.
  std::atomic<size_t> nextPhoto{0};
  std::exception_ptr firstError;
  std::mutex errorMutex;
  const auto work = [&] {
    for (size_t i = nextPhoto++; i < photos.size(); i = nextPhoto++) {
      try {
        cropOnePhoto(photos[i], encoded[i], i, photos.size(), options, set);
      } catch (...) {
        std::lock_guard lock(errorMutex);
        if (!firstError) firstError = std::current_exception();
        nextPhoto = photos.size();
      }
    }
  };
  const unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
  std::vector<std::thread> workers;
  for (unsigned t = 1; t < threads; ++t) workers.emplace_back(work);
  work();
  for (auto& w : workers) w.join();
  if (firstError) std::rethrow_exception(firstError);
  return set;
}

ImageSet loadPhotoCropsCached(const std::vector<PhotoRef>& photos, const PhotoCropOptions& options,
                              const std::filesystem::path& cacheFile) {
  const uint64_t sourceHash = photoListHash(photos);
  std::error_code ec;
  if (std::filesystem::is_regular_file(cacheFile, ec)) {
    try {
      if (auto cached = decodeCache(readDataFile(cacheFile), options, sourceHash)) return *cached;
      logger()->info("photo-crop cache {} is stale: rebuilding", cacheFile.string());
    } catch (const FileError& e) {
      logger()->warn("photo-crop cache unreadable ({}): rebuilding", e.what());
    }
  }
  ImageSet set = generatePhotoCrops(photos, options);
  std::filesystem::create_directories(cacheFile.parent_path(), ec);
  writeFileAtomically(cacheFile, encodeCache(set, options, sourceHash));
  return set;
}

}  // namespace glowscope
