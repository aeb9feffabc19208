#pragma once
#include <ATen/core/Tensor.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>

#include "core/data/image_set.h"
#include "core/data/transforms.h"

namespace glowscope {

/// N×C×H×W uint8 tensor (a copy of set.pixels).
at::Tensor toUint8Tensor(const ImageSet& set);
/// N int64 labels (empty tensor of size 0 when unlabelled).
at::Tensor labelsTensor(const ImageSet& set);
/// Plain k/255 float in [0,1]; the flows module does its own dequantisation (k/256 - 0.5 + U).
at::Tensor toFloatTensor(const ImageSet& set);

struct Batch {
  at::Tensor images;   // B×C×H×W uint8 (or whatever the hook returns)
  at::Tensor labels;   // B int64, or undefined when unlabelled
  at::Tensor indices;  // B int64: positions in the ImageSet
  int64_t epoch = 0, index = 0;
};

struct BatchOptions {
  int64_t batchSize = 64;
  bool shuffle = true;    // a fresh permutation each epoch, from (seed, epoch)
  bool dropLast = false;  // drop a final partial batch
  uint64_t seed = 0;
  int64_t prefetchBatches = 4;  // bound of the queue between the worker and the consumer
  AugmentOptions augment;       // applied per image, RNG from (seed, epoch, image position)
  // Optional hook run on the worker thread (e.g. dequantise to float); identity if empty.
  std::function<at::Tensor(const at::Tensor& uint8Images)> imageHook;
};

/// Produces the batches of one epoch on a background thread through a bounded queue (memory is
/// at most prefetchBatches batches). The sequence depends only on (set, options, epoch), not on
/// thread timing. Destroying the loader stops the worker.
class BatchLoader {
 public:
  BatchLoader(std::shared_ptr<const ImageSet> set, BatchOptions options);
  ~BatchLoader();
  BatchLoader(const BatchLoader&) = delete;
  BatchLoader& operator=(const BatchLoader&) = delete;

  /// Starts (or restarts) epoch `epoch`; the previous one is abandoned.
  void startEpoch(int64_t epoch);
  /// The next batch of the current epoch, or nothing when it is exhausted (or before the first
  /// startEpoch()). Rethrows an error raised on the worker (e.g. by the image hook).
  std::optional<Batch> next();
  int64_t batchesPerEpoch() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace glowscope
