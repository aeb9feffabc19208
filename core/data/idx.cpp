#include <zlib.h>

#include <cstring>
#include <fstream>
#include <limits>

#include "core/data/loaders.h"

namespace glowscope {
namespace {

constexpr size_t kMaxIdxDims = 8;
constexpr uint64_t kMaxIdxPayload = uint64_t(1) << 34;  // 16 GiB: anything above is absurd

uint32_t readBigEndian32(std::string_view bytes, size_t offset) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data() + offset);
  return (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | uint32_t(p[3]);
}

bool looksGzip(std::string_view bytes) {
  return bytes.size() >= 2 && uint8_t(bytes[0]) == 0x1f && uint8_t(bytes[1]) == 0x8b;
}

// Inflates up to maxOutput bytes; beyond that either stops quietly (prefixOnly, used to read a
// header before deciding how much to allow) or throws.
std::string inflateImpl(std::string_view compressed, const std::string& source, size_t maxOutput,
                        bool prefixOnly) {
  z_stream stream{};
  // 15 + 32: accept zlib and gzip headers alike.
  if (inflateInit2(&stream, 15 + 32) != Z_OK) throw DataError(source, "zlib init failed");
  std::string out;
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(std::min<size_t>(compressed.size(), UINT32_MAX));
  char chunk[1 << 16];
  int status = Z_OK;
  while (status != Z_STREAM_END) {
    stream.next_out = reinterpret_cast<Bytef*>(chunk);
    stream.avail_out = sizeof(chunk);
    status = inflate(&stream, Z_NO_FLUSH);
    if (prefixOnly && status == Z_BUF_ERROR) break;
    if (status != Z_OK && status != Z_STREAM_END) {
      inflateEnd(&stream);
      const bool truncated = status == Z_BUF_ERROR;
      throw DataError(source, truncated ? "compressed data is truncated"
                                        : "corrupt compressed data (zlib error " +
                                              std::to_string(status) + ")");
    }
    out.append(chunk, sizeof(chunk) - stream.avail_out);
    if (prefixOnly && out.size() >= maxOutput) break;
    if (out.size() > maxOutput) {
      inflateEnd(&stream);
      throw DataError(source, "decompressed data exceeds " + std::to_string(maxOutput) + " bytes");
    }
  }
  inflateEnd(&stream);
  if (prefixOnly && out.size() > maxOutput) out.resize(maxOutput);
  return out;
}

struct IdxHeader {
  size_t offset = 0;
  uint64_t totalBytes = 0;
};

IdxHeader parseIdxHeader(std::string_view bytes, const std::string& source,
                         std::vector<int64_t>* dims) {
  if (bytes.size() < 4) throw DataError(source, "too short for an IDX header");
  const uint32_t magic = readBigEndian32(bytes, 0);
  if ((magic >> 16) != 0) throw DataError(source, "not an IDX file (bad magic)");
  const uint32_t type = (magic >> 8) & 0xff, rank = magic & 0xff;
  if (type != 0x08) throw DataError(source, "IDX element type is not uint8");
  if (rank == 0 || rank > kMaxIdxDims) {
    throw DataError(source, "IDX rank " + std::to_string(rank) + " is not in 1..8");
  }
  IdxHeader header;
  header.offset = 4 + 4 * size_t(rank);
  if (bytes.size() < header.offset) throw DataError(source, "truncated IDX header");
  uint64_t payload = 1;
  for (uint32_t d = 0; d < rank; ++d) {
    const uint32_t dim = readBigEndian32(bytes, 4 + 4 * d);
    if (dims) dims->push_back(dim);
    if (dim != 0 && payload > kMaxIdxPayload / dim) {
      throw DataError(source, "absurd IDX dimensions (more than 16 GiB of pixels)");
    }
    payload *= dim;
  }
  header.totalBytes = header.offset + payload;
  return header;
}

}  // namespace

std::string readDataFile(const std::filesystem::path& path) {
  // One read into a presized string: the data files and caches are hundreds of MB.
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) throw DataError(path.string(), "cannot open for reading (missing or unreadable)");
  const std::streamoff size = in.tellg();
  if (size < 0) throw DataError(path.string(), "cannot determine the file size");
  std::string bytes(size_t(size), '\0');
  in.seekg(0);
  if (!in.read(bytes.data(), size)) throw DataError(path.string(), "read failed");
  return bytes;
}

std::string inflateBytes(std::string_view compressed, const std::string& source, size_t maxOutput) {
  return inflateImpl(compressed, source, maxOutput, false);
}

IdxArray parseIdx(std::string_view bytes, const std::string& source) {
  if (looksGzip(bytes)) {
    // Read the header first so that a lying or hostile stream is never inflated past the size
    // its own header announces.
    const std::string header = inflateImpl(bytes, source, 4 + 4 * kMaxIdxDims, true);
    const uint64_t expected = parseIdxHeader(header, source, nullptr).totalBytes;
    return parseIdx(inflateImpl(bytes, source, size_t(expected), false), source);
  }
  IdxArray array;
  const IdxHeader header = parseIdxHeader(bytes, source, &array.dims);
  // Compare with the real size before allocating anything.
  if (bytes.size() != header.totalBytes) {
    const uint64_t payload = header.totalBytes - header.offset;
    throw DataError(source, "IDX payload is " + std::to_string(bytes.size() - header.offset) +
                                " bytes but the header announces " + std::to_string(payload) +
                                (bytes.size() < header.totalBytes ? " (truncated)" : ""));
  }
  array.data.assign(bytes.begin() + header.offset, bytes.end());
  return array;
}

ImageSet loadIdx(const std::filesystem::path& images,
                 const std::optional<std::filesystem::path>& labels, const std::string& name) {
  const IdxArray imageArray = parseIdx(readDataFile(images), images.string());
  if (imageArray.dims.size() != 3 && imageArray.dims.size() != 4) {
    throw DataError(images.string(), "IDX images must have 3 (N,H,W) or 4 (N,H,W,C) dimensions");
  }
  ImageSet set;
  set.name = name;
  set.count = imageArray.dims[0];
  set.height = imageArray.dims[1];
  set.width = imageArray.dims[2];
  set.channels = imageArray.dims.size() == 4 ? imageArray.dims[3] : 1;
  if (set.channels == 1) {
    set.pixels = imageArray.data;
  } else {  // N,H,W,C interleaved → planes
    set.pixels.resize(imageArray.data.size());
    const int64_t plane = set.height * set.width;
    for (int64_t n = 0; n < set.count; ++n)
      for (int64_t p = 0; p < plane; ++p)
        for (int64_t c = 0; c < set.channels; ++c)
          set.pixels[(n * set.channels + c) * plane + p] =
              imageArray.data[(n * plane + p) * set.channels + c];
  }
  if (!labels) return set;
  const IdxArray labelArray = parseIdx(readDataFile(*labels), labels->string());
  if (labelArray.dims.size() != 1) {
    throw DataError(labels->string(), "IDX labels must have 1 dimension");
  }
  if (labelArray.dims[0] != set.count) {
    throw DataError(labels->string(), "holds " + std::to_string(labelArray.dims[0]) +
                                          " labels but " + images.string() + " holds " +
                                          std::to_string(set.count) + " images");
  }
  set.labels.assign(labelArray.data.begin(), labelArray.data.end());
  int maxLabel = -1;
  for (int32_t l : set.labels) maxLabel = std::max(maxLabel, int(l));
  set.numClasses = std::max(10, maxLabel + 1);
  return set;
}

}  // namespace glowscope
