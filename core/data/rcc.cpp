#include "core/data/rcc.h"

#include <unordered_set>

#include "core/data/data_error.h"
#include "core/data/loaders.h"

namespace glowscope {
namespace {

constexpr uint16_t kFlagCompressed = 0x01;
constexpr uint16_t kFlagDirectory = 0x02;
constexpr uint16_t kFlagZstd = 0x04;
constexpr int kMaxDepth = 64;
constexpr uint32_t kMaxBlob = 1u << 30;

class RccReader {
 public:
  RccReader(std::string_view bytes, const std::string& source) : bytes_(bytes), source_(source) {
    if (bytes.size() < 20 || bytes.substr(0, 4) != "qres") fail("not a Qt resource file (magic)");
    version_ = u32(4);
    if (version_ < 1 || version_ > 3) fail("unsupported rcc version " + std::to_string(version_));
    tree_ = u32(8);
    data_ = u32(12);
    names_ = u32(16);
    entrySize_ = version_ >= 2 ? 22 : 14;
    if (tree_ >= bytes.size()) fail("tree offset outside the file");
    maxEntries_ = (bytes.size() - tree_) / entrySize_;
  }

  // Visits every file below the root; `visit(path, entryOffset)`.
  template <typename Visit>
  void walk(Visit&& visit) {
    std::unordered_set<uint64_t> seen;
    walkDirectory(0, "", 0, seen, visit);
  }

  std::string blob(size_t entry) {
    const uint16_t flags = u16(entry + 4);
    const uint64_t offset = uint64_t(data_) + u32(entry + 10);
    const uint32_t size = u32(offset);
    if (size > kMaxBlob || offset + 4 + size > bytes_.size()) fail("data blob outside the file");
    std::string_view content = bytes_.substr(offset + 4, size);
    if (flags & kFlagZstd) fail("zstd-compressed entries are not supported");
    if (!(flags & kFlagCompressed)) return std::string(content);
    if (content.size() < 4) fail("compressed blob too short");
    const uint32_t expected = u32(offset + 4);
    if (expected > kMaxBlob) fail("compressed blob announces an absurd size");
    std::string out = inflateBytes(content.substr(4), source_, expected);
    if (out.size() != expected) fail("compressed blob has the wrong decompressed size");
    return out;
  }

 private:
  [[noreturn]] void fail(const std::string& reason) const { throw DataError(source_, reason); }

  void need(uint64_t offset, uint64_t n) const {
    if (offset + n > bytes_.size()) fail("offset outside the file (truncated or corrupt)");
  }
  uint32_t u32(uint64_t offset) const {
    need(offset, 4);
    const auto* p = reinterpret_cast<const unsigned char*>(bytes_.data() + offset);
    return (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | p[3];
  }
  uint16_t u16(uint64_t offset) const {
    need(offset, 2);
    const auto* p = reinterpret_cast<const unsigned char*>(bytes_.data() + offset);
    return uint16_t((p[0] << 8) | p[1]);
  }

  std::string name(size_t entry) const {
    const uint64_t offset = uint64_t(names_) + u32(entry);
    const uint16_t length = u16(offset);
    need(offset + 6, uint64_t(length) * 2);
    std::string utf8;
    for (uint32_t i = 0; i < length; ++i) {
      uint32_t c = u16(offset + 6 + 2 * i);
      if (c >= 0xD800 && c < 0xDC00 && i + 1 < length) {
        const uint32_t low = u16(offset + 6 + 2 * (i + 1));
        if (low >= 0xDC00 && low < 0xE000) {
          c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
          ++i;
        }
      }
      appendUtf8(utf8, c);
    }
    if (utf8.empty() || utf8.find('/') != std::string::npos) fail("invalid entry name");
    return utf8;
  }

  static void appendUtf8(std::string& s, uint32_t c) {
    if (c < 0x80) {
      s += char(c);
    } else if (c < 0x800) {
      s += char(0xC0 | (c >> 6));
      s += char(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      s += char(0xE0 | (c >> 12));
      s += char(0x80 | ((c >> 6) & 0x3F));
      s += char(0x80 | (c & 0x3F));
    } else {
      s += char(0xF0 | (c >> 18));
      s += char(0x80 | ((c >> 12) & 0x3F));
      s += char(0x80 | ((c >> 6) & 0x3F));
      s += char(0x80 | (c & 0x3F));
    }
  }

  template <typename Visit>
  void walkDirectory(uint64_t index, const std::string& path, int depth,
                     std::unordered_set<uint64_t>& seen, Visit& visit) {
    if (depth > kMaxDepth) fail("resource tree too deep");
    if (index >= maxEntries_ || !seen.insert(index).second) fail("corrupt resource tree");
    const size_t entry = tree_ + index * entrySize_;
    if (!(u16(entry + 4) & kFlagDirectory)) fail("resource tree root is not a directory");
    const uint32_t count = u32(entry + 6), first = u32(entry + 10);
    if (count > maxEntries_ || uint64_t(first) + count > maxEntries_) {
      fail("directory children outside the tree");
    }
    for (uint32_t i = 0; i < count; ++i) {
      const uint64_t child = uint64_t(first) + i;
      const size_t childEntry = tree_ + child * entrySize_;
      const std::string childPath = (path.empty() ? "" : path + "/") + name(childEntry);
      if (u16(childEntry + 4) & kFlagDirectory) {
        walkDirectory(child, childPath, depth + 1, seen, visit);
      } else {
        if (!seen.insert(child).second) fail("corrupt resource tree (shared entry)");
        visit(childPath, childEntry);
      }
    }
  }

  std::string_view bytes_;
  std::string source_;
  uint32_t version_ = 0, tree_ = 0, data_ = 0, names_ = 0;
  size_t entrySize_ = 22;
  uint64_t maxEntries_ = 0;
};

}  // namespace

std::vector<RccFile> parseRcc(std::string_view bytes, const std::string& source,
                              const std::function<bool(const std::string&)>& select) {
  RccReader reader(bytes, source);
  std::vector<RccFile> files;
  reader.walk([&](const std::string& path, size_t entry) {
    if (select && !select(path)) return;
    files.push_back({path, reader.blob(entry)});
  });
  return files;
}

std::vector<std::string> listRcc(std::string_view bytes, const std::string& source) {
  RccReader reader(bytes, source);
  std::vector<std::string> paths;
  reader.walk([&](const std::string& path, size_t) { paths.push_back(path); });
  return paths;
}

}  // namespace glowscope
