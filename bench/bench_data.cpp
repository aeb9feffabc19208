// Times the data loaders: real IDX files, photo-crop generation (fresh and cached) and the
// background batch loader. Prints figures; never run by CTest.
//   bench_data [photo crop count, default 50000]
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

#include "core/data/dataset_registry.h"
#include "core/data/tensor_batches.h"
#include "core/util/errors.h"

using namespace glowscope;
using Clock = std::chrono::steady_clock;

namespace {

double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

void timeLoad(const std::string& spec, const LoadOptions& options) {
  const auto start = Clock::now();
  try {
    const ImageSet set = loadDataset(spec, options);
    std::printf("%-26s %7lld images %lldx%lldx%lld  %6.2f s\n", spec.c_str(), (long long)set.count,
                (long long)set.channels, (long long)set.height, (long long)set.width,
                secondsSince(start));
  } catch (const Error& e) {
    std::printf("%-26s unavailable: %s\n", spec.c_str(), e.what());
  }
}

}  // namespace

int main(int argc, char** argv) {
  LoadOptions options;
  timeLoad("fashion-mnist:train", options);
  timeLoad("mnist:train", options);
  const auto cache = std::filesystem::temp_directory_path() / "glowscope-bench-data";
  std::filesystem::remove_all(cache);
  options.dataDir = cache;
  options.photoCropCount = argc > 1 ? std::stoll(argv[1]) : 50000;
  std::printf("photo crops (count %lld, fresh cache then cached):\n",
              (long long)options.photoCropCount);
  timeLoad("photo-crops-rgb:train", options);
  timeLoad("photo-crops-rgb:train", options);
  timeLoad("photo-crops-gray:train", options);
  std::filesystem::remove_all(cache);

  options = {};
  options.outputSize = 32;
  auto set = std::make_shared<const ImageSet>(loadDataset("mnist:train", options));
  BatchOptions batches;
  batches.batchSize = 64;
  batches.augment.maxTranslatePx = 2;
  batches.augment.horizontalFlip = true;
  BatchLoader loader(set, batches);
  const auto start = Clock::now();
  loader.startEpoch(0);
  int64_t images = 0;
  while (auto batch = loader.next()) images += batch->images.size(0);
  std::printf("batch loader, 64 x 1x32x32 with translation+flip: %.0f images/s\n",
              double(images) / secondsSince(start));
  return 0;
}
