#pragma once
// A training checkpoint: everything needed to continue a run exactly, in ONE file written
// atomically (temp file, fsync, rename). Layout: a text header line with magic, format version,
// payload size and CRC-32, then a LibTorch archive. A truncated or corrupted file is detected
// by size and checksum before anything is parsed, and reported as a FileError naming the file.
#include <ATen/core/Tensor.h>

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace glowscope {

inline constexpr int64_t kTrainingCheckpointFormatVersion = 1;

/// Where the data streams stand, so a resumed run sees the same batches.
struct DataPosition {
  int64_t epoch = 0;         ///< training-set epoch (its shuffle depends on (dataSeed, epoch))
  int64_t batchInEpoch = 0;  ///< batches of that epoch already consumed
  int64_t outlierEpoch = 0;  ///< same for the outlier stream
  int64_t outlierBatchInEpoch = 0;
};

struct TrainingCheckpoint {
  std::string modelFileBytes;  ///< the trained model as saveFlowModel writes it
  std::string optimizerBytes;  ///< the optimizer state (torch archive)
  /// The weight average as a model file (optimizer.averageDecay > 0), else empty. Optional in
  /// the archive, so checkpoints written before averaging existed still load.
  std::string averagedModelFileBytes;
  int64_t averageUpdates = 0;
  int64_t step = 0;  ///< optimiser steps taken (attempted steps, skipped included)
  DataPosition data;
  at::Tensor torchGeneratorState;  ///< the default CPU generator
  at::Tensor noiseGeneratorState;  ///< the dequantisation-noise generator
  double learningRateFactor = 1;   ///< product of the NaN-guard backoffs so far
  int64_t skippedSteps = 0, droppedSamples = 0, rollbacks = 0;
  double bestMetric = 0;  ///< lower is better (test bpd, else train bpd)
  bool hasBestMetric = false;
  nlohmann::json config;           ///< TrainingConfig::toJson() of the run
  nlohmann::json dataDescription;  ///< the sets actually used (names, counts, shapes)
};

/// Serialises to the checkpoint byte format (header + archive).
std::string serializeCheckpoint(const TrainingCheckpoint& checkpoint);
/// Parses bytes; `origin` names the file in errors. Throws FileError.
TrainingCheckpoint deserializeCheckpoint(const std::string& bytes, const std::string& origin);

/// Writes atomically; throws FileError.
void saveTrainingCheckpoint(const TrainingCheckpoint& checkpoint,
                            const std::filesystem::path& path);
/// Throws FileError: missing, not a checkpoint, truncated, checksum mismatch, unsupported version.
TrainingCheckpoint loadTrainingCheckpoint(const std::filesystem::path& path);

/// Checkpoints of a run folder: <outputDir>/checkpoints/step-<step>.ckpt, oldest first.
std::vector<std::filesystem::path> listCheckpoints(const std::filesystem::path& outputDir);
std::filesystem::path checkpointPath(const std::filesystem::path& outputDir, int64_t step);
std::filesystem::path bestCheckpointPath(const std::filesystem::path& outputDir);
/// Deletes all but the newest `keep` step checkpoints (best.ckpt is separate and kept).
void pruneCheckpoints(const std::filesystem::path& outputDir, int64_t keep);

}  // namespace glowscope
