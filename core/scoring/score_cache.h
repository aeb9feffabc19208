#pragma once
// Scores are cached per (model file content, image content, evaluation mode) so nothing is
// computed twice: re-running an experiment or re-opening a view reads them back. A cache entry
// is one small binary file, written atomically; a damaged entry is recomputed, never trusted.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "core/data/image_set.h"
#include "core/flows/preprocess.h"
#include "core/scoring/model_scores.h"

namespace glowscope {

/// 64-bit FNV-1a of a file's bytes, as 16 hex digits. Throws FileError when unreadable.
std::string fingerprintFile(const std::filesystem::path& path);
/// 64-bit FNV-1a of an image set's shape and pixels, as 16 hex digits.
std::string fingerprintImages(const ImageSet& images);

struct ScoreCacheKey {
  std::string modelFingerprint;  ///< fingerprintFile of the saved model
  std::string dataFingerprint;   ///< fingerprintImages of the scored set
  PreprocessMode mode = PreprocessMode::PaperEvaluation;
  std::uint64_t noiseSeed = 0;
  std::string fileName() const;  ///< "<model>-<data>-<mode>-<seed>.scores"
};

class ScoreCache {
 public:
  explicit ScoreCache(std::filesystem::path folder);

  /// The cached scores, or nothing when absent or unreadable (a damaged file is logged and
  /// ignored, so the caller recomputes and overwrites it).
  std::optional<ModelScores> load(const ScoreCacheKey& key) const;
  void store(const ScoreCacheKey& key, const ModelScores& scores) const;
  /// load() or, on a miss, compute() then store().
  ModelScores getOrCompute(const ScoreCacheKey& key, const std::function<ModelScores()>& compute);

  int hits() const { return hits_; }
  int misses() const { return misses_; }
  const std::filesystem::path& folder() const { return folder_; }

 private:
  std::filesystem::path folder_;
  int hits_ = 0;
  int misses_ = 0;
};

}  // namespace glowscope
