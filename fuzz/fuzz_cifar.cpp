// libFuzzer target: the CIFAR-10 and CIFAR-100 record parser. Built by scripts/fuzz.sh.
#include <cstddef>
#include <cstdint>

#include "core/data/loaders.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace glowscope;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  for (CifarKind kind : {CifarKind::Cifar10, CifarKind::Cifar100}) {
    for (CifarLabel label : {CifarLabel::Fine, CifarLabel::Coarse}) {
      try {
        const ImageSet set = parseCifar(bytes, kind, label, "fuzz");
        if (set.pixels.size() != size_t(set.count) * 3072 || set.labels.size() != size_t(set.count))
          __builtin_trap();
        for (int32_t l : set.labels)
          if (l < 0 || l >= set.numClasses) __builtin_trap();
      } catch (const DataError&) {
      }
    }
  }
  return 0;
}
