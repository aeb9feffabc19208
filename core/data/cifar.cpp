#include <algorithm>

#include "core/data/loaders.h"
#include "core/util/atomic_file.h"

namespace glowscope {
namespace {

constexpr int64_t kCifarPixels = 3 * 32 * 32;

std::vector<std::filesystem::path> cifarFiles(const std::filesystem::path& dir, CifarKind kind,
                                              bool train) {
  std::vector<std::string> names;
  if (kind == CifarKind::Cifar10) {
    if (train)
      for (int i = 1; i <= 5; ++i) names.push_back("data_batch_" + std::to_string(i) + ".bin");
    else
      names.push_back("test_batch.bin");
  } else {
    names.push_back(train ? "train.bin" : "test.bin");
  }
  const std::string sub = kind == CifarKind::Cifar10 ? "cifar-10-batches-bin" : "cifar-100-binary";
  std::filesystem::path base = dir;
  if (!std::filesystem::exists(base / names[0]) && std::filesystem::exists(base / sub / names[0]))
    base = base / sub;
  std::vector<std::filesystem::path> files;
  for (const auto& n : names) files.push_back(base / n);
  return files;
}

}  // namespace

ImageSet parseCifar(std::string_view bytes, CifarKind kind, CifarLabel label,
                    const std::string& source) {
  const int64_t labelBytes = kind == CifarKind::Cifar10 ? 1 : 2;
  const int64_t record = labelBytes + kCifarPixels;
  if (bytes.empty()) throw DataError(source, "empty CIFAR file");
  if (int64_t(bytes.size()) % record != 0) {
    throw DataError(source, "size " + std::to_string(bytes.size()) +
                                " is not a multiple of the CIFAR record size " +
                                std::to_string(record) + " (truncated or wrong kind)");
  }
  ImageSet set;
  set.name = source;
  set.count = int64_t(bytes.size()) / record;
  set.channels = 3;
  set.height = set.width = 32;
  set.numClasses = kind == CifarKind::Cifar10 ? 10 : (label == CifarLabel::Coarse ? 20 : 100);
  set.pixels.resize(size_t(set.count * kCifarPixels));
  set.labels.resize(size_t(set.count));
  const int labelOffset = (kind == CifarKind::Cifar100 && label == CifarLabel::Fine) ? 1 : 0;
  for (int64_t i = 0; i < set.count; ++i) {
    const auto* rec = reinterpret_cast<const uint8_t*>(bytes.data() + i * record);
    const int value = rec[labelOffset];
    if (value >= set.numClasses) {
      throw DataError(source, "record " + std::to_string(i) + " has label " +
                                  std::to_string(value) + " outside 0.." +
                                  std::to_string(set.numClasses - 1));
    }
    set.labels[size_t(i)] = value;
    std::copy_n(rec + labelBytes, kCifarPixels, set.image(i));
  }
  return set;
}

ImageSet loadCifarDir(const std::filesystem::path& dir, CifarKind kind, bool train,
                      CifarLabel label) {
  if (!std::filesystem::is_directory(dir)) throw DataError(dir.string(), "not a folder");
  ImageSet all;
  for (const auto& file : cifarFiles(dir, kind, train)) {
    ImageSet part = parseCifar(readDataFile(file), kind, label, file.string());
    if (all.count == 0) {
      all = std::move(part);
      continue;
    }
    all.count += part.count;
    all.pixels.insert(all.pixels.end(), part.pixels.begin(), part.pixels.end());
    all.labels.insert(all.labels.end(), part.labels.begin(), part.labels.end());
  }
  all.name = std::string(kind == CifarKind::Cifar10 ? "cifar10:" : "cifar100:") + dir.string() +
             (train ? ":train" : ":test");
  return all;
}

}  // namespace glowscope
