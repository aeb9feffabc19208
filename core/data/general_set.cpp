#include "core/data/general_set.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <exception>
#include <map>
#include <mutex>
#include <numeric>
#include <opencv2/imgproc.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include "core/data/general_render.h"
#include "core/data/loaders.h"
#include "core/data/rcc.h"
#include "core/data/seeded_random.h"
#include "core/util/atomic_file.h"
#include "core/util/hash.h"
#include "core/util/log.h"

namespace glowscope {
namespace {

constexpr const char* kFamilyNames[kGeneralFamilyCount] = {"photo", "game", "clipart", "icon",
                                                           "glyph"};
constexpr char kCacheMagic[8] = {'G', 'S', 'G', 'E', 'N', 'R', 'L', '1'};
constexpr uint64_t kCacheVersion = 1;
constexpr size_t kCacheHeaderBytes = 8 + 8 * 7;

double parseWeight(const std::string& text, const std::string& item) {
  size_t used = 0;
  double value = 0;
  try {
    value = std::stod(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != text.size() || !std::isfinite(value) || value < 0)
    throw ConfigError("general mix", "'" + item + "': the weight must be a number >= 0");
  return value;
}

}  // namespace

const char* generalFamilyName(GeneralFamily family) { return kFamilyNames[int(family)]; }

GeneralMix GeneralMix::parse(const std::string& text) {
  GeneralMix mix;
  mix.weights.fill(0);
  mix.plainBackgroundShare = 0;
  std::stringstream items(text);
  std::string item;
  while (std::getline(items, item, ',')) {
    const size_t equals = item.find('=');
    const std::string name = item.substr(0, equals);
    if (equals != std::string::npos && name == "plain") {
      const double percent = parseWeight(item.substr(equals + 1), item);
      if (percent > 100)
        throw ConfigError("general mix", "'" + item + "': plain is a percentage (0-100)");
      mix.plainBackgroundShare = percent / 100;
      continue;
    }
    const auto found = std::find_if(std::begin(kFamilyNames), std::end(kFamilyNames),
                                    [&](const char* n) { return name == n; });
    if (equals == std::string::npos || found == std::end(kFamilyNames))
      throw ConfigError("general mix", "'" + item +
                                           "': expected <family>=<weight> with a family of "
                                           "photo, game, clipart, icon, glyph (or plain=<percent>)");
    mix.weights[size_t(found - std::begin(kFamilyNames))] =
        parseWeight(item.substr(equals + 1), item);
  }
  if (std::accumulate(mix.weights.begin(), mix.weights.end(), 0.0) <= 0)
    throw ConfigError("general mix", "'" + text + "': at least one weight must be positive");
  return mix;
}

std::string GeneralMix::toString() const {
  std::ostringstream text;
  for (int f = 0; f < kGeneralFamilyCount; ++f)
    text << (f ? "," : "") << kFamilyNames[f] << "=" << weights[size_t(f)];
  // Named only when used: a mix without plain backgrounds keeps the name it had before them.
  if (plainBackgroundShare > 0) text << ",plain=" << plainBackgroundShare * 100;
  return text.str();
}

std::array<int64_t, kGeneralFamilyCount> familyCounts(const GeneralMix& mix, int64_t count) {
  const double total = std::accumulate(mix.weights.begin(), mix.weights.end(), 0.0);
  if (!(total > 0)) throw ConfigError("general mix", "at least one weight must be positive");
  std::array<int64_t, kGeneralFamilyCount> counts{};
  std::array<double, kGeneralFamilyCount> remainders{};
  int64_t assigned = 0;
  for (size_t f = 0; f < counts.size(); ++f) {
    const double exact = double(count) * mix.weights[f] / total;
    counts[f] = int64_t(std::floor(exact));
    remainders[f] = exact - double(counts[f]);
    assigned += counts[f];
  }
  std::array<size_t, kGeneralFamilyCount> order;
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return remainders[a] > remainders[b]; });
  for (size_t i = 0; assigned < count; i = (i + 1) % order.size())
    if (mix.weights[order[i]] > 0) ++counts[order[i]], ++assigned;
  return counts;
}

std::vector<GeneralSource> generalSourcesOfSplit(const std::vector<GeneralSource>& sources,
                                                 const GeneralSetOptions& options) {
  std::vector<GeneralSource> out;
  for (int f = 0; f < kGeneralFamilyCount; ++f) {
    std::map<std::string, uint64_t> rankOfKey;  // split key -> seeded hash
    for (const GeneralSource& s : sources)
      if (int(s.family) == f)
        rankOfKey[s.splitKey] = splitmix64(fnv1a(s.splitKey) ^ options.splitSeed);
    std::vector<std::pair<uint64_t, std::string>> ranked;
    for (const auto& [key, rank] : rankOfKey) ranked.push_back({rank, key});
    std::sort(ranked.begin(), ranked.end());
    const size_t n = ranked.size();
    size_t test = std::min(n, size_t(std::ceil(options.testFraction * double(n))));
    if (n >= 2) test = std::clamp<size_t>(test, 1, n - 1);  // both splits non-empty
    std::set<std::string> wanted;
    for (size_t i = 0; i < n; ++i)
      if ((i < test) == (options.split == CropSplit::Test)) wanted.insert(ranked[i].second);
    for (const GeneralSource& s : sources)
      if (int(s.family) == f && wanted.count(s.splitKey)) out.push_back(s);
  }
  std::sort(out.begin(), out.end(),
            [](const GeneralSource& a, const GeneralSource& b) { return a.key < b.key; });
  return out;
}

namespace {

// Where image j of family f goes: a seeded permutation interleaves the families, so the first
// N images of the set (a `limit`) hold every family in about its proportion.
std::vector<std::vector<int64_t>> outputPositions(
    const std::array<int64_t, kGeneralFamilyCount>& counts, uint64_t seed) {
  std::vector<std::pair<int, int64_t>> slots;
  for (int f = 0; f < kGeneralFamilyCount; ++f)
    for (int64_t j = 0; j < counts[size_t(f)]; ++j) slots.push_back({f, j});
  std::mt19937_64 rng(splitmix64(seed ^ 0x6e6572616cull));
  for (int64_t i = int64_t(slots.size()) - 1; i > 0; --i)
    std::swap(slots[size_t(i)], slots[size_t(uniformBelow(rng, i + 1))]);
  std::vector<std::vector<int64_t>> positions(kGeneralFamilyCount);
  for (int f = 0; f < kGeneralFamilyCount; ++f)
    positions[size_t(f)].resize(size_t(counts[size_t(f)]));
  for (size_t k = 0; k < slots.size(); ++k)
    positions[size_t(slots[k].first)][size_t(slots[k].second)] = int64_t(k);
  return positions;
}

void storeImage(const cv::Mat& rgb, int64_t position, int label, ImageSet& set) {
  const int64_t plane = set.height * set.width;
  uint8_t* out = set.image(position);
  if (set.channels == 1) {
    cv::Mat gray;
    cv::cvtColor(rgb, gray, cv::COLOR_RGB2GRAY);
    std::memcpy(out, gray.data, size_t(plane));
  } else {
    for (int64_t p = 0; p < plane; ++p)
      for (int c = 0; c < 3; ++c) out[c * plane + p] = rgb.data[p * 3 + c];
  }
  set.labels[size_t(position)] = label;
}

std::string readSourceBytes(const GeneralSource& source) {
  if (source.rccPath.empty()) return readDataFile(source.file);
  auto files = parseRcc(readDataFile(source.file), source.file.string(),
                        [&](const std::string& path) { return path == source.rccPath; });
  if (files.size() != 1) throw DataError(source.key, "not found in the resource file");
  return std::move(files.front().data);
}

// One unit of work: every image one source contributes (images j ≡ index mod P of its family).
struct SourceJob {
  const GeneralSource* source;
  size_t indexInFamily, familySize;
};

void renderSource(const SourceJob& job, const GeneralSetOptions& options,
                  const std::vector<int64_t>& positions, ImageSet& set) {
  const GeneralSource& source = *job.source;
  const int size = int(options.size);
  const uint64_t sourceSeed = splitmix64(options.seed ^ fnv1a(source.key));
  std::optional<GlyphFont> font;
  general::DecodedSource decoded;
  if (source.family == GeneralFamily::Glyph)
    font.emplace(source.file);
  else
    decoded = general::decodeSource(readSourceBytes(source), source.key);
  for (size_t j = job.indexInFamily, local = 0; j < positions.size();
       j += job.familySize, ++local) {
    std::mt19937_64 rng(splitmix64(sourceSeed + local));
    const double plainShare = options.mix.plainBackgroundShare;
    const cv::Mat rgb =
        font ? general::renderGlyph(*font, size, plainShare, rng)
             : general::renderImageSource(decoded, source.family == GeneralFamily::Photo, size,
                                          plainShare, rng);
    storeImage(rgb, positions[j], int(source.family), set);
  }
}

template <typename Work>
void forEachInParallel(size_t count, Work work) {
  std::atomic<size_t> next{0};
  std::exception_ptr firstError;
  std::mutex errorMutex;
  const auto run = [&] {
    for (size_t i = next++; i < count; i = next++) {
      try {
        work(i);
      } catch (...) {
        std::lock_guard lock(errorMutex);
        if (!firstError) firstError = std::current_exception();
        next = count;
      }
    }
  };
  const unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
  std::vector<std::thread> workers;
  for (unsigned t = 1; t < threads; ++t) workers.emplace_back(run);
  run();
  for (auto& w : workers) w.join();
  if (firstError) std::rethrow_exception(firstError);
}

}  // namespace

ImageSet generateGeneralSet(const std::vector<GeneralSource>& sources,
                            const GeneralSetOptions& options) {
  if (options.count < 1 || options.size < 8 || options.size > 256 ||
      (options.channels != 1 && options.channels != 3))
    throw ConfigError("general set", "count must be >= 1, size 8..256, channels 1 or 3");
  const std::vector<GeneralSource> split = generalSourcesOfSplit(sources, options);
  const auto counts = familyCounts(options.mix, options.count);
  std::vector<std::vector<const GeneralSource*>> byFamily(kGeneralFamilyCount);
  for (const GeneralSource& s : split) byFamily[size_t(s.family)].push_back(&s);
  std::vector<SourceJob> jobs;
  for (int f = 0; f < kGeneralFamilyCount; ++f) {
    const auto& members = byFamily[size_t(f)];
    if (counts[size_t(f)] > 0 && members.empty())
      throw DataError("general set", std::string("no installed ") + kFamilyNames[f] +
                                         " sources for this split (bash scripts/setup.sh)");
    const size_t used = std::min<size_t>(members.size(), size_t(counts[size_t(f)]));
    for (size_t i = 0; i < used; ++i) jobs.push_back({members[i], i, members.size()});
  }
  ImageSet set;
  set.count = options.count;
  set.channels = options.channels;
  set.height = set.width = options.size;
  set.numClasses = kGeneralFamilyCount;
  set.pixels.resize(size_t(set.count * set.imageBytes()));
  set.labels.resize(size_t(set.count));
  const auto positions = outputPositions(counts, options.seed);
  forEachInParallel(jobs.size(), [&](size_t i) {
    renderSource(jobs[i], options, positions[size_t(jobs[i].source->family)], set);
  });
  return set;
}

namespace {

uint64_t sourceListHash(const std::vector<GeneralSource>& sources) {
  uint64_t hash = kFnv1aOffset;
  for (const GeneralSource& s : sources) {
    hash = fnv1a(s.key, fnv1a(s.splitKey, hash));
    const uint64_t extra[2] = {s.fileSize, uint64_t(s.family)};
    hash = fnv1a(extra, sizeof(extra), hash);
  }
  return hash;
}

uint64_t recipeHash(const GeneralSetOptions& o) {
  const double values[] = {double(o.count), double(o.size),  double(o.channels),
                           o.testFraction,  double(o.split), double(kCacheVersion)};
  const uint64_t seeds[] = {o.seed, o.splitSeed};
  return fnv1a(o.mix.toString(), fnv1a(seeds, sizeof(seeds), fnv1a(values, sizeof(values))));
}

void putU64(std::string& out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out += char((v >> (8 * i)) & 0xff);
}
uint64_t getU64(std::string_view in, size_t offset) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v |= uint64_t(uint8_t(in[offset + i])) << (8 * i);
  return v;
}

std::array<uint64_t, 7> header(const GeneralSetOptions& o, uint64_t sourceHash) {
  return {kCacheVersion, uint64_t(o.count), uint64_t(o.channels), uint64_t(o.size),
          o.seed,        sourceHash,        recipeHash(o)};
}

std::optional<ImageSet> decodeCache(std::string_view bytes, const GeneralSetOptions& o,
                                    uint64_t sourceHash) {
  const uint64_t pixelBytes = uint64_t(o.count) * uint64_t(o.channels * o.size * o.size);
  if (bytes.size() != kCacheHeaderBytes + pixelBytes + uint64_t(o.count) ||
      std::memcmp(bytes.data(), kCacheMagic, 8) != 0)
    return std::nullopt;
  const auto expected = header(o, sourceHash);
  for (size_t i = 0; i < expected.size(); ++i)
    if (getU64(bytes, 8 + 8 * i) != expected[i]) return std::nullopt;
  ImageSet set;
  set.count = o.count;
  set.channels = o.channels;
  set.height = set.width = o.size;
  set.numClasses = kGeneralFamilyCount;
  const char* pixels = bytes.data() + kCacheHeaderBytes;
  set.pixels.assign(pixels, pixels + pixelBytes);
  set.labels.assign(pixels + pixelBytes, pixels + pixelBytes + o.count);
  return set;
}

}  // namespace

ImageSet loadGeneralSetCached(const std::vector<GeneralSource>& sources,
                              const GeneralSetOptions& options,
                              const std::filesystem::path& cacheFile) {
  const uint64_t sourceHash = sourceListHash(sources);
  std::error_code ec;
  if (std::filesystem::is_regular_file(cacheFile, ec)) {
    try {
      if (auto cached = decodeCache(readDataFile(cacheFile), options, sourceHash)) return *cached;
      logger()->info("general-set cache {} is stale: rebuilding", cacheFile.string());
    } catch (const FileError& e) {
      logger()->warn("general-set cache unreadable ({}): rebuilding", e.what());
    }
  }
  ImageSet set = generateGeneralSet(sources, options);
  std::string bytes(kCacheMagic, 8);
  for (uint64_t v : header(options, sourceHash)) putU64(bytes, v);
  bytes.append(reinterpret_cast<const char*>(set.pixels.data()), set.pixels.size());
  for (int32_t label : set.labels) bytes += char(label);
  std::filesystem::create_directories(cacheFile.parent_path(), ec);
  writeFileAtomically(cacheFile, bytes);
  return set;
}

}  // namespace glowscope
