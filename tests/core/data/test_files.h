#pragma once
// Writers for the small files the data tests create in every supported format.
#include <zlib.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace glowscope::testing {

inline void writeBytes(const std::filesystem::path& path, const std::string& bytes) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary).write(bytes.data(), std::streamsize(bytes.size()));
}

inline void putBigEndian32(std::string& out, uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out += char((v >> shift) & 0xff);
}
inline void putBigEndian16(std::string& out, uint16_t v) {
  out += char(v >> 8);
  out += char(v & 0xff);
}

inline std::string idxBytes(const std::vector<uint32_t>& dims, const std::vector<uint8_t>& data) {
  std::string out;
  putBigEndian32(out, 0x00000800u | uint32_t(dims.size()));
  for (uint32_t d : dims) putBigEndian32(out, d);
  out.append(data.begin(), data.end());
  return out;
}

/// gzip (windowBits 31) or zlib (15) stream of `raw`.
inline std::string deflateBytes(const std::string& raw, bool gzip) {
  z_stream s{};
  deflateInit2(&s, 6, Z_DEFLATED, gzip ? 31 : 15, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&s, uLong(raw.size())) + 64, '\0');
  s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(raw.data()));
  s.avail_in = uInt(raw.size());
  s.next_out = reinterpret_cast<Bytef*>(out.data());
  s.avail_out = uInt(out.size());
  deflate(&s, Z_FINISH);
  out.resize(s.total_out);
  deflateEnd(&s);
  return out;
}

/// A Qt resource file (format v3, or v1 when version = 1) holding `files` (path → content);
/// contents listed in `compressed` are stored qCompress'ed (flag 1).
struct RccInput {
  std::string path;
  std::string content;
  bool compressed = false;
};

inline std::string rccBytes(const std::vector<RccInput>& files, int version = 3) {
  struct Node {
    std::string name;
    bool dir = true;
    std::vector<size_t> children;
    const RccInput* file = nullptr;
    uint32_t index = 0;
  };
  std::vector<Node> nodes(1);  // 0 = root
  for (const RccInput& f : files) {
    size_t current = 0;
    size_t start = 0;
    while (true) {
      const size_t slash = f.path.find('/', start);
      const std::string part = f.path.substr(start, slash - start);
      size_t found = 0;
      for (size_t c : nodes[current].children)
        if (nodes[c].name == part) found = c;
      if (!found) {
        nodes.push_back({part, slash != std::string::npos, {}, nullptr, 0});
        found = nodes.size() - 1;
        nodes[current].children.push_back(found);
      }
      current = found;
      if (slash == std::string::npos) {
        nodes[current].file = &f;
        break;
      }
      start = slash + 1;
    }
  }
  // Breadth-first numbering: the children of a directory are contiguous, as rcc writes them.
  std::vector<size_t> order{0};
  for (size_t i = 0; i < order.size(); ++i)
    for (size_t c : nodes[order[i]].children) order.push_back(c);
  for (size_t i = 0; i < order.size(); ++i) nodes[order[i]].index = uint32_t(i);
  std::string names, data, tree;
  for (size_t i = 0; i < order.size(); ++i) {
    Node& n = nodes[order[i]];
    const uint32_t nameOffset = uint32_t(names.size());
    size_t units = 0;
    for (char c : n.name) units += (uint8_t(c) & 0xC0) != 0x80;
    putBigEndian16(names, uint16_t(units));
    putBigEndian32(names, 0);                     // hash: not checked by readers of the tree
    for (size_t k = 0; k < n.name.size(); ++k) {  // UTF-8 (up to 2 bytes) → UTF-16
      uint16_t unit = uint8_t(n.name[k]);
      if ((unit & 0xE0) == 0xC0 && k + 1 < n.name.size())
        unit = uint16_t(((unit & 0x1F) << 6) | (uint8_t(n.name[++k]) & 0x3F));
      putBigEndian16(names, unit);
    }
    putBigEndian32(tree, i == 0 ? 0 : nameOffset);
    if (n.dir) {
      putBigEndian16(tree, 2);
      putBigEndian32(tree, uint32_t(n.children.size()));
      putBigEndian32(tree, n.children.empty() ? 0 : nodes[n.children.front()].index);
    } else {
      putBigEndian16(tree, n.file->compressed ? 1 : 0);
      putBigEndian16(tree, 0);
      putBigEndian16(tree, 1);
      putBigEndian32(tree, uint32_t(data.size()));
      std::string blob = n.file->content;
      if (n.file->compressed) {
        std::string q;
        putBigEndian32(q, uint32_t(blob.size()));
        blob = q + deflateBytes(blob, false);
      }
      putBigEndian32(data, uint32_t(blob.size()));
      data += blob;
    }
    if (version >= 2) tree.append(8, '\0');  // mtime
  }
  const uint32_t header = version >= 3 ? 24 : 20;
  std::string out = "qres";
  putBigEndian32(out, uint32_t(version));
  putBigEndian32(out, header + uint32_t(data.size() + names.size()));  // tree
  putBigEndian32(out, header);                                         // data
  putBigEndian32(out, header + uint32_t(data.size()));                 // names
  if (version >= 3) putBigEndian32(out, 0);
  return out + data + names + tree;
}

}  // namespace glowscope::testing
