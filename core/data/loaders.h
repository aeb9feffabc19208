#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/data/data_error.h"
#include "core/data/dataset_registry.h"
#include "core/data/image_set.h"

namespace glowscope {

/// readWholeFile() whose failures are DataErrors (missing or unreadable file).
std::string readDataFile(const std::filesystem::path& path);

/// One IDX array: dims as stored (e.g. {N, 28, 28}) and the uint8 payload.
struct IdxArray {
  std::vector<int64_t> dims;
  std::vector<uint8_t> data;
};

/// Parses an IDX file held in memory, gzip-compressed or raw (auto-detected by the gzip magic).
/// Only uint8 payloads (type 0x08) are accepted. `source` names the file in errors.
IdxArray parseIdx(std::string_view bytes, const std::string& source);

/// Images (N×H×W) plus optional labels (N): throws DataError on a count mismatch.
ImageSet loadIdx(const std::filesystem::path& images,
                 const std::optional<std::filesystem::path>& labels, const std::string& name);

/// gzip or zlib stream → bytes (auto-detected); at most maxOutput bytes else DataError.
std::string inflateBytes(std::string_view compressed, const std::string& source,
                         size_t maxOutput = size_t(1) << 32);

enum class CifarKind { Cifar10, Cifar100 };

/// CIFAR binary records: CIFAR-10 = 1 label byte + 3072 pixels, CIFAR-100 = coarse + fine label
/// bytes + 3072 pixels. The buffer must hold a whole number of records.
ImageSet parseCifar(std::string_view bytes, CifarKind kind, CifarLabel label,
                    const std::string& source);

/// CIFAR folder: cifar-10 data_batch_1..5.bin / test_batch.bin, cifar-100 train.bin / test.bin
/// (also found in a cifar-10-batches-bin / cifar-100-binary sub-folder).
ImageSet loadCifarDir(const std::filesystem::path& dir, CifarKind kind, bool train,
                      CifarLabel label);

/// SVHN *_32x32.mat (MATLAB v5/v7.3 read by libmatio): X 32×32×3×N uint8, y N×1 (10 = digit 0).
ImageSet loadSvhnMat(const std::filesystem::path& file);

struct ImageFolderOptions {
  int64_t size = 32;     // output is size×size: shorter side resized to size, centre-cropped
  int64_t channels = 3;  // 1 = luminance, 3 = RGB
};

/// A folder with one sub-folder per class (labels = sorted sub-folder order) or a flat folder of
/// images (unlabelled). Any format OpenCV decodes; an undecodable image is a DataError.
ImageSet loadImageFolder(const std::filesystem::path& dir, const ImageFolderOptions& options);

/// Decodes an encoded image (JPEG, PNG, WebP, ...) to an 8-bit RGB interleaved H×W×3 buffer.
struct DecodedImage {
  int64_t height = 0, width = 0;
  std::vector<uint8_t> rgb;  // interleaved
};
DecodedImage decodeImageRgb(std::string_view encoded, const std::string& source);

}  // namespace glowscope
