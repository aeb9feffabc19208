#include "core/scoring/score_cache.h"

#include <cstring>
#include <fstream>
#include <sstream>

#include "core/util/atomic_file.h"
#include "core/util/errors.h"
#include "core/util/hash.h"
#include "core/util/log.h"

namespace glowscope {
namespace {

constexpr char kMagic[8] = {'G', 'S', 'S', 'C', 'O', 'R', 'E', '1'};
// An entry larger than this is not one we wrote (10M images x 8 scales of doubles).
constexpr std::uint64_t kMaximumCachedValues = 80'000'000;

std::string hex(std::uint64_t value) {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(value));
  return text;
}

template <typename T>
void writeValue(std::ostream& out, const T& value) {
  out.write(reinterpret_cast<const char*>(&value), sizeof value);
}

template <typename T>
T readValue(std::istream& in) {
  T value{};
  if (!in.read(reinterpret_cast<char*>(&value), sizeof value)) throw Error("truncated");
  return value;
}

void writeColumn(std::ostream& out, const std::vector<double>& column) {
  out.write(reinterpret_cast<const char*>(column.data()),
            static_cast<std::streamsize>(column.size() * sizeof(double)));
}

std::vector<double> readColumn(std::istream& in, std::uint64_t count) {
  std::vector<double> column(count);
  if (!in.read(reinterpret_cast<char*>(column.data()),
               static_cast<std::streamsize>(count * sizeof(double))))
    throw Error("truncated");
  return column;
}

ModelScores parseEntry(const std::string& bytes) {
  std::istringstream in(bytes);
  char magic[sizeof kMagic];
  if (!in.read(magic, sizeof magic) || std::memcmp(magic, kMagic, sizeof kMagic) != 0)
    throw Error("not a score cache entry");
  ModelScores scores;
  const auto count = readValue<std::uint64_t>(in);
  const auto scales = readValue<std::uint64_t>(in);
  scores.dimsPerImage = readValue<std::int64_t>(in);
  if (scales > 64 || count * (scales + 1) > kMaximumCachedValues) throw Error("absurd sizes");
  if (bytes.size() != sizeof kMagic + 24 + count * (scales + 1) * sizeof(double))
    throw Error("size does not match its header");
  scores.logLikelihoodNats = readColumn(in, count);
  for (std::uint64_t scale = 0; scale < scales; ++scale)
    scores.scaleLogLikelihoodNats.push_back(readColumn(in, count));
  return scores;
}

}  // namespace

std::string fingerprintFile(const std::filesystem::path& path) {
  const std::string bytes = readWholeFile(path);
  return hex(fnv1a(bytes.data(), bytes.size()));
}

std::string fingerprintImages(const ImageSet& images) {
  const std::int64_t shape[4] = {images.count, images.channels, images.height, images.width};
  std::uint64_t hash = fnv1a(shape, sizeof shape);
  return hex(fnv1a(images.pixels.data(), images.pixels.size(), hash));
}

std::string ScoreCacheKey::fileName() const {
  return modelFingerprint + "-" + dataFingerprint + "-m" + std::to_string(static_cast<int>(mode)) +
         "-s" + std::to_string(noiseSeed) + ".scores";
}

ScoreCache::ScoreCache(std::filesystem::path folder) : folder_(std::move(folder)) {}

std::optional<ModelScores> ScoreCache::load(const ScoreCacheKey& key) const {
  const auto path = folder_ / key.fileName();
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return std::nullopt;
  try {
    return parseEntry(readWholeFile(path));
  } catch (const std::exception& error) {
    logger()->warn("score cache entry {} ignored ({}); recomputing", path.string(), error.what());
    return std::nullopt;
  }
}

void ScoreCache::store(const ScoreCacheKey& key, const ModelScores& scores) const {
  writeFileAtomically(folder_ / key.fileName(), [&scores](std::ostream& out) {
    out.write(kMagic, sizeof kMagic);
    writeValue(out, static_cast<std::uint64_t>(scores.count()));
    writeValue(out, static_cast<std::uint64_t>(scores.scaleLogLikelihoodNats.size()));
    writeValue(out, scores.dimsPerImage);
    writeColumn(out, scores.logLikelihoodNats);
    for (const auto& column : scores.scaleLogLikelihoodNats) writeColumn(out, column);
  });
}

ModelScores ScoreCache::getOrCompute(const ScoreCacheKey& key,
                                     const std::function<ModelScores()>& compute) {
  if (auto cached = load(key)) {
    ++hits_;
    return *std::move(cached);
  }
  ++misses_;
  ModelScores scores = compute();
  store(key, scores);
  return scores;
}

}  // namespace glowscope
