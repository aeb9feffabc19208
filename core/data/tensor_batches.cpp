#include "core/data/tensor_batches.h"

#include <ATen/ATen.h>

#include <condition_variable>
#include <cstring>
#include <deque>
#include <exception>
#include <mutex>
#include <numeric>
#include <thread>

#include "core/util/errors.h"

namespace glowscope {
namespace {

uint64_t mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

std::vector<int64_t> epochOrder(int64_t count, bool shuffle, uint64_t seed, int64_t epoch) {
  std::vector<int64_t> order(static_cast<size_t>(count));
  std::iota(order.begin(), order.end(), 0);
  if (!shuffle) return order;
  std::mt19937_64 rng(mix(seed ^ mix(uint64_t(epoch))));
  for (int64_t i = count - 1; i > 0; --i)  // Fisher-Yates with portable draws
    std::swap(order[size_t(i)], order[size_t(rng() % uint64_t(i + 1))]);
  return order;
}

}  // namespace

at::Tensor toUint8Tensor(const ImageSet& set) {
  at::Tensor t = at::empty({set.count, set.channels, set.height, set.width}, at::kByte);
  std::memcpy(t.data_ptr<uint8_t>(), set.pixels.data(), set.pixels.size());
  return t;
}

at::Tensor labelsTensor(const ImageSet& set) {
  at::Tensor t = at::empty({int64_t(set.labels.size())}, at::kLong);
  std::copy(set.labels.begin(), set.labels.end(), t.data_ptr<int64_t>());
  return t;
}

at::Tensor toFloatTensor(const ImageSet& set) {
  return toUint8Tensor(set).to(at::kFloat).div_(255.0);
}

struct BatchLoader::State {
  std::shared_ptr<const ImageSet> set;
  BatchOptions options;
  std::mutex mutex;
  std::condition_variable changed;
  std::deque<Batch> queue;
  std::thread worker;
  bool stop = false, finished = true;
  std::exception_ptr error;

  Batch makeBatch(const std::vector<int64_t>& order, int64_t epoch, int64_t index) const {
    const int64_t begin = index * options.batchSize;
    const int64_t size = std::min<int64_t>(options.batchSize, int64_t(order.size()) - begin);
    const int64_t bytes = set->imageBytes();
    Batch batch;
    batch.epoch = epoch;
    batch.index = index;
    batch.images = at::empty({size, set->channels, set->height, set->width}, at::kByte);
    batch.indices = at::empty({size}, at::kLong);
    if (set->labelled()) batch.labels = at::empty({size}, at::kLong);
    auto* pixels = batch.images.data_ptr<uint8_t>();
    const bool augment = options.augment.maxTranslatePx > 0 || options.augment.horizontalFlip;
    for (int64_t i = 0; i < size; ++i) {
      const int64_t source = order[size_t(begin + i)];
      std::memcpy(pixels + i * bytes, set->image(source), size_t(bytes));
      if (augment) {
        std::mt19937_64 rng(
            mix(options.seed ^ mix(uint64_t(epoch) * 0x10000000ull + uint64_t(begin + i))));
        augmentImage(pixels + i * bytes, set->channels, set->height, set->width, options.augment,
                     rng);
      }
      batch.indices.data_ptr<int64_t>()[i] = source;
      if (set->labelled()) batch.labels.data_ptr<int64_t>()[i] = set->labels[size_t(source)];
    }
    if (options.imageHook) batch.images = options.imageHook(batch.images);
    return batch;
  }

  void produce(int64_t epoch, int64_t batches) {
    try {
      const auto order = epochOrder(set->count, options.shuffle, options.seed, epoch);
      for (int64_t b = 0; b < batches; ++b) {
        Batch batch = makeBatch(order, epoch, b);
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return stop || int64_t(queue.size()) < options.prefetchBatches; });
        if (stop) return;
        queue.push_back(std::move(batch));
        changed.notify_all();
      }
    } catch (...) {
      std::lock_guard lock(mutex);
      error = std::current_exception();
    }
    std::lock_guard lock(mutex);
    finished = true;
    changed.notify_all();
  }

  void halt() {
    {
      std::lock_guard lock(mutex);
      stop = true;
      changed.notify_all();
    }
    if (worker.joinable()) worker.join();
    queue.clear();
    stop = false;
    error = nullptr;
  }
};

BatchLoader::BatchLoader(std::shared_ptr<const ImageSet> set, BatchOptions options)
    : state_(std::make_unique<State>()) {
  if (!set || set->count == 0) throw ConfigError("batches", "empty image set");
  if (options.batchSize < 1) throw ConfigError("batchSize", "must be >= 1");
  if (options.prefetchBatches < 1) throw ConfigError("prefetchBatches", "must be >= 1");
  state_->set = std::move(set);
  state_->options = std::move(options);
}

BatchLoader::~BatchLoader() { state_->halt(); }

int64_t BatchLoader::batchesPerEpoch() const {
  const int64_t n = state_->set->count, b = state_->options.batchSize;
  return state_->options.dropLast ? n / b : (n + b - 1) / b;
}

void BatchLoader::startEpoch(int64_t epoch) {
  state_->halt();
  state_->finished = false;
  const int64_t batches = batchesPerEpoch();
  state_->worker = std::thread([this, epoch, batches] { state_->produce(epoch, batches); });
}

std::optional<Batch> BatchLoader::next() {
  std::unique_lock lock(state_->mutex);
  state_->changed.wait(lock,
                       [&] { return !state_->queue.empty() || state_->finished || state_->error; });
  if (state_->error) std::rethrow_exception(state_->error);
  if (state_->queue.empty()) return std::nullopt;
  Batch batch = std::move(state_->queue.front());
  state_->queue.pop_front();
  state_->changed.notify_all();
  return batch;
}

}  // namespace glowscope
