#include "core/training/checkpoint.h"

#include <ATen/ATen.h>
#include <torch/serialize/archive.h>
#include <zlib.h>

#include <algorithm>
#include <sstream>

#include "core/util/atomic_file.h"
#include "core/util/errors.h"

namespace glowscope {
namespace {

constexpr const char* kMagic = "GLOWSCOPE-TRAINING-CHECKPOINT";

uint32_t crc32Of(const std::string& bytes) {
  uLong crc = crc32(0L, Z_NULL, 0);
  size_t offset = 0;
  while (offset < bytes.size()) {  // zlib takes uInt lengths: feed in chunks
    const size_t chunk = std::min<size_t>(bytes.size() - offset, 1u << 30);
    crc =
        crc32(crc, reinterpret_cast<const Bytef*>(bytes.data() + offset), static_cast<uInt>(chunk));
    offset += chunk;
  }
  return static_cast<uint32_t>(crc);
}

at::Tensor bytesToTensor(const std::string& bytes) {
  at::Tensor tensor = at::empty({static_cast<int64_t>(bytes.size())}, at::kByte);
  std::copy(bytes.begin(), bytes.end(), reinterpret_cast<char*>(tensor.data_ptr<uint8_t>()));
  return tensor;
}

std::string tensorToBytes(const at::Tensor& tensor) {
  const at::Tensor contiguous = tensor.contiguous();
  const auto* data = reinterpret_cast<const char*>(contiguous.data_ptr<uint8_t>());
  return std::string(data, data + contiguous.numel());
}

void writeArchive(torch::serialize::OutputArchive& archive, const TrainingCheckpoint& c) {
  archive.write("format", c10::IValue(kTrainingCheckpointFormatVersion));
  archive.write("model", bytesToTensor(c.modelFileBytes));
  archive.write("optimizer", bytesToTensor(c.optimizerBytes));
  if (!c.averagedModelFileBytes.empty()) {
    archive.write("averagedModel", bytesToTensor(c.averagedModelFileBytes));
    archive.write("averageUpdates", c10::IValue(c.averageUpdates));
  }
  archive.write("step", c10::IValue(c.step));
  archive.write("data",
                c10::IValue(std::vector<int64_t>{c.data.epoch, c.data.batchInEpoch,
                                                 c.data.outlierEpoch, c.data.outlierBatchInEpoch}));
  archive.write("torchGenerator", c.torchGeneratorState);
  archive.write("noiseGenerator", c.noiseGeneratorState);
  archive.write("learningRateFactor", c10::IValue(c.learningRateFactor));
  archive.write("events",
                c10::IValue(std::vector<int64_t>{c.skippedSteps, c.droppedSamples, c.rollbacks}));
  archive.write("bestMetric", c10::IValue(c.bestMetric));
  archive.write("hasBestMetric", c10::IValue(c.hasBestMetric));
  archive.write("config", c10::IValue(c.config.dump()));
  archive.write("dataDescription", c10::IValue(c.dataDescription.dump()));
}

void readArchive(torch::serialize::InputArchive& archive, TrainingCheckpoint& c) {
  c10::IValue value;
  archive.read("format", value);
  if (value.toInt() != kTrainingCheckpointFormatVersion)
    throw Error("unsupported checkpoint format version " + std::to_string(value.toInt()));
  at::Tensor bytes;
  archive.read("model", bytes);
  c.modelFileBytes = tensorToBytes(bytes);
  archive.read("optimizer", bytes);
  c.optimizerBytes = tensorToBytes(bytes);
  if (archive.try_read("averagedModel", bytes)) {
    c.averagedModelFileBytes = tensorToBytes(bytes);
    archive.read("averageUpdates", value);
    c.averageUpdates = value.toInt();
  }
  archive.read("step", value);
  c.step = value.toInt();
  archive.read("data", value);
  const auto data = value.toIntVector();
  if (data.size() != 4) throw Error("bad data position");
  c.data = {data[0], data[1], data[2], data[3]};
  archive.read("torchGenerator", c.torchGeneratorState);
  archive.read("noiseGenerator", c.noiseGeneratorState);
  archive.read("learningRateFactor", value);
  c.learningRateFactor = value.toDouble();
  archive.read("events", value);
  const auto events = value.toIntVector();
  if (events.size() != 3) throw Error("bad event counts");
  c.skippedSteps = events[0];
  c.droppedSamples = events[1];
  c.rollbacks = events[2];
  archive.read("bestMetric", value);
  c.bestMetric = value.toDouble();
  archive.read("hasBestMetric", value);
  c.hasBestMetric = value.toBool();
  archive.read("config", value);
  c.config = nlohmann::json::parse(value.toStringRef());
  archive.read("dataDescription", value);
  c.dataDescription = nlohmann::json::parse(value.toStringRef());
}

}  // namespace

std::string serializeCheckpoint(const TrainingCheckpoint& checkpoint) {
  torch::serialize::OutputArchive archive;
  writeArchive(archive, checkpoint);
  std::ostringstream payload;
  archive.save_to(payload);
  const std::string body = payload.str();
  std::ostringstream header;
  header << kMagic << " " << kTrainingCheckpointFormatVersion << " " << body.size() << " "
         << crc32Of(body) << "\n";
  return header.str() + body;
}

TrainingCheckpoint deserializeCheckpoint(const std::string& bytes, const std::string& origin) {
  const auto newline = bytes.find('\n');
  std::istringstream header(bytes.substr(0, std::min<size_t>(newline, 200)));
  std::string magic;
  int64_t version = 0;
  uint64_t size = 0;
  uint32_t crc = 0;
  header >> magic >> version >> size >> crc;
  if (newline == std::string::npos || magic != kMagic || !header)
    throw FileError(origin, "not a Glowscope training checkpoint (bad header)");
  if (version != kTrainingCheckpointFormatVersion)
    throw FileError(origin, "unsupported checkpoint version " + std::to_string(version));
  const std::string body = bytes.substr(newline + 1);
  if (body.size() != size)
    throw FileError(origin, "truncated or padded checkpoint: expected " + std::to_string(size) +
                                " bytes of data, found " + std::to_string(body.size()));
  if (crc32Of(body) != crc) throw FileError(origin, "corrupted checkpoint: checksum mismatch");
  TrainingCheckpoint checkpoint;
  try {
    torch::serialize::InputArchive archive;
    std::istringstream stream(body);
    archive.load_from(stream);
    readArchive(archive, checkpoint);
  } catch (const std::exception& error) {
    throw FileError(origin, std::string("unreadable checkpoint content: ") + error.what());
  }
  return checkpoint;
}

void saveTrainingCheckpoint(const TrainingCheckpoint& checkpoint,
                            const std::filesystem::path& path) {
  std::error_code ignored;
  std::filesystem::create_directories(path.parent_path(), ignored);
  writeFileAtomically(path, serializeCheckpoint(checkpoint));
}

TrainingCheckpoint loadTrainingCheckpoint(const std::filesystem::path& path) {
  return deserializeCheckpoint(readWholeFile(path), path.string());
}

std::filesystem::path checkpointPath(const std::filesystem::path& outputDir, int64_t step) {
  char name[64];
  std::snprintf(name, sizeof name, "step-%09lld.ckpt", static_cast<long long>(step));
  return outputDir / "checkpoints" / name;
}

std::filesystem::path bestCheckpointPath(const std::filesystem::path& outputDir) {
  return outputDir / "checkpoints" / "best.ckpt";
}

std::vector<std::filesystem::path> listCheckpoints(const std::filesystem::path& outputDir) {
  std::vector<std::filesystem::path> found;
  std::error_code error;
  const auto folder = outputDir / "checkpoints";
  if (!std::filesystem::is_directory(folder, error)) return found;
  for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("step-", 0) == 0 && entry.path().extension() == ".ckpt")
      found.push_back(entry.path());
  }
  std::sort(found.begin(), found.end());  // zero-padded step numbers sort by step
  return found;
}

void pruneCheckpoints(const std::filesystem::path& outputDir, int64_t keep) {
  auto all = listCheckpoints(outputDir);
  const int64_t excess = static_cast<int64_t>(all.size()) - std::max<int64_t>(keep, 1);
  for (int64_t i = 0; i < excess; ++i) {
    std::error_code ignored;
    std::filesystem::remove(all[static_cast<size_t>(i)], ignored);
  }
}

}  // namespace glowscope
