// libFuzzer target: the IDX parser (raw and gzip) on arbitrary bytes. Built by scripts/fuzz.sh.
#include <cstddef>
#include <cstdint>

#include "core/data/loaders.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    const glowscope::IdxArray array =
        glowscope::parseIdx({reinterpret_cast<const char*>(data), size}, "fuzz");
    size_t expected = array.dims.empty() ? 0 : 1;
    for (int64_t d : array.dims) expected *= size_t(d);
    if (array.data.size() != expected) __builtin_trap();  // a silent partial load
  } catch (const glowscope::DataError&) {
  }
  return 0;
}
