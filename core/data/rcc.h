#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace glowscope {

/// One file stored in a Qt resource (.rcc) archive, already decompressed.
struct RccFile {
  std::string
      path;  // without leading ':' or '/', e.g. "gcompris/src/activities/erase/resource/a.webp"
  std::string data;
};

/// Parses a binary Qt resource file (format versions 1-3) held in memory, without Qt: returns the
/// files whose path `select` accepts (all when select is empty), in tree order. qCompress'd blobs
/// are inflated with zlib; zstd blobs are a DataError. Throws DataError naming `source` on any
/// malformed content (bad magic, offsets outside the buffer, cycles, absurd sizes).
std::vector<RccFile> parseRcc(std::string_view bytes, const std::string& source,
                              const std::function<bool(const std::string&)>& select = {});

/// Just the file paths (no blob is inflated).
std::vector<std::string> listRcc(std::string_view bytes, const std::string& source);

}  // namespace glowscope
