// libFuzzer target: the Qt resource (.rcc) parser. Built by scripts/fuzz.sh.
#include <cstddef>
#include <cstdint>

#include "core/data/data_error.h"
#include "core/data/rcc.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace glowscope;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    const auto paths = listRcc(bytes, "fuzz");
    int selected = 0;
    // At most 8 blobs per input: each may legitimately inflate to a few MB.
    const auto files = parseRcc(bytes, "fuzz", [&](const std::string&) { return ++selected <= 8; });
    if (files.size() > paths.size()) __builtin_trap();
  } catch (const DataError&) {
  }
  return 0;
}
