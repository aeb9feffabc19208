#include "core/data/dataset_paths.h"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <fstream>

namespace glowscope {
namespace {

namespace fs = std::filesystem;

// Absolute and normalised, without a trailing separator (as the loaders' specs are written).
std::string cleanPath(const fs::path& path) {
  std::error_code error;
  fs::path absolute = fs::absolute(path, error).lexically_normal();
  std::string text = absolute.string();
  while (text.size() > 1 && text.back() == '/') text.pop_back();
  return text;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  if (const auto at = text.find(from); at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

std::string idxSpec(const fs::path& imageFile) {
  const std::string images = cleanPath(imageFile);
  const fs::path folder = fs::path(images).parent_path();
  std::string labelName = imageFile.filename().string();
  labelName =
      replaced(replaced(labelName, "images-idx3", "labels-idx1"), "images.idx3", "labels.idx1");
  std::error_code error;
  if (labelName != imageFile.filename().string() && fs::is_regular_file(folder / labelName, error))
    return "idx:" + images + "," + (folder / labelName).string();
  return "idx:" + images;
}

using Header = std::array<unsigned char, 16>;

// The first bytes of a file as stored (MATLAB and pickle headers are never compressed).
size_t readRawHeader(const fs::path& file, Header& header) {
  std::ifstream in(file, std::ios::binary);
  in.read(reinterpret_cast<char*>(header.data()), std::streamsize(header.size()));
  return size_t(in.gcount());
}

// The first bytes after gzip decompression; zlib reads a file without a gzip header as is.
size_t readExpandedHeader(const fs::path& file, Header& header) {
  gzFile in = gzopen(file.c_str(), "rb");
  if (!in) return 0;
  const int read = gzread(in, header.data(), unsigned(header.size()));
  gzclose(in);
  return read > 0 ? size_t(read) : 0;
}

uint32_t bigEndian32(const Header& header, size_t at) {
  return uint32_t(header[at]) << 24 | uint32_t(header[at + 1]) << 16 |
         uint32_t(header[at + 2]) << 8 | uint32_t(header[at + 3]);
}

// IDX (http://yann.lecun.com/exdb/mnist/): two zero bytes, the element type (0x08 = uint8),
// the number of dimensions, then each dimension as a big-endian uint32.
DatasetPathGuess identifyIdx(const fs::path& file, const Header& header, size_t headerBytes) {
  if (header[2] != 0x08) return {{}, "an IDX file whose elements are not uint8 images"};
  if (header[3] == 1)
    return {{},
            "an IDX label file (one dimension); add its image file, the labels beside it "
            "are found by name (…-labels-idx1-ubyte)"};
  if (header[3] != 3)
    return {{},
            "an IDX file with " + std::to_string(header[3]) +
                " dimensions; images have 3 (count, height, width)"};
  if (headerBytes < 16) return {{}, "an IDX image file cut short inside its header"};
  Header raw{};
  std::error_code error;
  const bool compressed = readRawHeader(file, raw) >= 2 && raw[0] == 0x1f && raw[1] == 0x8b;
  const uint64_t pixels =
      uint64_t(bigEndian32(header, 4)) * bigEndian32(header, 8) * bigEndian32(header, 12);
  const uintmax_t size = fs::file_size(file, error);
  if (!compressed && !error && size < 16 + pixels)
    return {{},
            "an IDX image file cut short: its header promises " + std::to_string(pixels) +
                " pixels, the file holds " + std::to_string(size < 16 ? 0 : size - 16)};
  return {idxSpec(file), {}};
}

// A Python pickle (CIFAR's batches) names its folder's set; alone it is not a data set.
DatasetPathGuess identifyPickle(const fs::path& file) {
  const fs::path folder = fs::path(cleanPath(file)).parent_path();
  std::error_code error;
  if (fs::exists(folder / "data_batch_1", error)) return {"cifar10:" + folder.string(), {}};
  if (fs::exists(folder / "train", error) && fs::exists(folder / "meta", error))
    return {"cifar100:" + folder.string(), {}};
  return {{},
          "a Python pickle outside a CIFAR folder (data_batch_1, or train and meta, beside "
          "it); add the folder"};
}

DatasetPathGuess identifyFile(const fs::path& file) {
  Header raw{};
  const size_t rawBytes = readRawHeader(file, raw);
  if (rawBytes == 0) return {{}, "the file is empty or cannot be read"};
  if (rawBytes >= 6 && std::equal(raw.begin(), raw.begin() + 6, "MATLAB"))
    return {"svhn:" + cleanPath(file), {}};
  if (rawBytes >= 2 && raw[0] == 0x80 && raw[1] >= 2 && raw[1] <= 5) return identifyPickle(file);
  Header expanded{};
  const size_t expandedBytes = readExpandedHeader(file, expanded);
  if (expandedBytes >= 4 && expanded[0] == 0 && expanded[1] == 0)
    return identifyIdx(file, expanded, expandedBytes);
  return {{},
          "not a format Glowscope reads: an IDX image file starts with the bytes "
          "00 00 08 03, a MATLAB (SVHN) file with \"MATLAB\", a CIFAR batch is a Python "
          "pickle; image files are added as a folder"};
}

}  // namespace

DatasetPathGuess identifyDatasetPath(const fs::path& path) {
  std::error_code error;
  if (fs::is_directory(path, error)) {
    const std::string folder = cleanPath(path);
    if (fs::exists(path / "data_batch_1", error)) return {"cifar10:" + folder, {}};
    if (fs::exists(path / "train", error) && fs::exists(path / "meta", error))
      return {"cifar100:" + folder, {}};
    return {"folder:" + folder, {}};
  }
  if (!fs::exists(path, error)) return {{}, "no such file or folder"};
  if (!fs::is_regular_file(path, error)) return {{}, "neither a regular file nor a folder"};
  return identifyFile(path);
}

std::string datasetSpecForPath(const fs::path& path) { return identifyDatasetPath(path).spec; }

}  // namespace glowscope
