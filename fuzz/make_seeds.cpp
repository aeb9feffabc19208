// Writes a few valid seed inputs for the fuzzers (IDX raw/gzip, CIFAR records, rcc v1/v3).
#include <filesystem>

#include "tests/core/data/test_files.h"

using namespace glowscope::testing;

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  const std::filesystem::path out = argv[1];
  const std::string idx = idxBytes({3, 2, 2}, std::vector<uint8_t>(12, 7));
  writeBytes(out / "idx" / "raw", idx);
  writeBytes(out / "idx" / "gzip", deflateBytes(idx, true));
  writeBytes(out / "idx" / "labels", idxBytes({3}, {1, 2, 3}));
  std::string cifar(2 * 3074, '\x05');
  writeBytes(out / "cifar" / "two100", cifar);
  writeBytes(out / "cifar" / "one10", cifar.substr(0, 3073));
  const std::vector<RccInput> files{{"a/b/c.txt", "hello hello hello", true}, {"d.txt", "x"}};
  writeBytes(out / "rcc" / "v3", rccBytes(files, 3));
  writeBytes(out / "rcc" / "v1", rccBytes(files, 1));
  return 0;
}
