#pragma once
// A run's metrics file, <outputDir>/metrics.jsonl (docs/training-config.md, "Run metrics"): one
// JSON object per line, each a TrainingProgress report of the trainer, appended as the run
// trains. The curves of a run therefore survive a restart of the application, a resume and a
// kill: every line goes to the file with one write(2) as soon as it is reported, so a killed
// process loses at most the line it was writing, and a torn last line is ignored on reading.
// Torch-free (library glowscope_core_training_records): the GUI's training view reads it.
#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/training/progress.h"

namespace glowscope {

inline constexpr const char* kRunMetricsFileName = "metrics.jsonl";
inline constexpr int kRunMetricsFormatVersion = 1;

std::filesystem::path runMetricsPath(const std::filesystem::path& outputDir);

/// One report as one line's object: every field of TrainingProgress, NaN written as null, the
/// events with their kind's name, plus "v" (the format version) and "time" (UTC, ISO 8601).
nlohmann::json progressToJson(const TrainingProgress& progress);
/// The inverse; missing fields keep their defaults and null reads as NaN (kNotComputed), so
/// lines of older versions read. Throws nlohmann::json::exception for a wrong type.
TrainingProgress progressFromJson(const nlohmann::json& json);

/// How a run's history ends, as its metrics tell it.
enum class RunEnd {
  None,         ///< no record at all (the file is missing or empty)
  Finished,     ///< the last record says finished
  Cancelled,    ///< stopped; the trainer wrote a resumable checkpoint
  Failed,       ///< the trainer threw (the last record's message says why)
  Interrupted,  ///< no final record: the process was killed, or the run is still going
};

struct RunMetrics {
  /// The run's history as it stands: a `started` record at step s drops the records after s
  /// that came before it (a resume recomputes those steps; a fresh start at step 0 drops all).
  std::vector<TrainingProgress> records;
  int64_t ignoredLines = 0;  ///< torn or unreadable lines that were skipped
  RunEnd end() const;
  /// The last record's message when the run failed, else empty.
  std::string failureMessage() const;
};

/// Reads <outputDir>/metrics.jsonl. A missing file is an empty history; unreadable lines
/// (a torn last line after a kill, garbage) are skipped and counted. Throws FileError only when
/// the file exists but cannot be read.
RunMetrics readRunMetrics(const std::filesystem::path& outputDir);

/// Parses the text of a metrics file (what readRunMetrics does after reading it).
RunMetrics parseRunMetrics(const std::string& text);

/// True when <outputDir>/checkpoints holds a step checkpoint: a resume continues from it (and
/// does not start again from step 0).
bool runFolderHasCheckpoint(const std::filesystem::path& outputDir);

/// Appends a `failed` record for a run that failed before Trainer::run could report it (its
/// set-up threw: a data set that does not load, a model file that does not exist). Problems
/// writing it are logged, never thrown.
void recordRunFailure(const std::filesystem::path& outputDir, const std::string& message);

/// Appends the reports of one Trainer::run to the metrics file. Writing problems (disk full, no
/// permission) are logged once and never stop the training.
class RunMetricsWriter {
 public:
  /// Opens <outputDir>/metrics.jsonl. The history is kept up to `startStep` (the step the run
  /// starts from: a resume's checkpoint step) and rewritten atomically without the torn last
  /// line of a kill and without the records after `startStep`; a start at step 0 empties it.
  RunMetricsWriter(const std::filesystem::path& outputDir, int64_t startStep);
  ~RunMetricsWriter();
  RunMetricsWriter(const RunMetricsWriter&) = delete;
  RunMetricsWriter& operator=(const RunMetricsWriter&) = delete;

  /// One line, written with one write(2); the first, the final and the failure record are also
  /// synced to the disk (fdatasync).
  void append(const TrainingProgress& progress);
  const std::filesystem::path& path() const { return path_; }

 private:
  void reportProblem(const std::string& what);

  std::filesystem::path path_;
  int fd_ = -1;
  bool problemReported_ = false;
};

}  // namespace glowscope
