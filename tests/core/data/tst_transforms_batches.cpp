#include <ATen/ATen.h>

#include <QTest>
#include <atomic>
#include <chrono>
#include <thread>

#include "core/data/tensor_batches.h"
#include "core/data/transforms.h"

using namespace glowscope;

namespace {

ImageSet makeSet(int64_t count, int64_t channels, int64_t side) {
  ImageSet set;
  set.count = count;
  set.channels = channels;
  set.height = set.width = side;
  set.numClasses = 10;
  set.pixels.resize(size_t(count * channels * side * side));
  for (size_t i = 0; i < set.pixels.size(); ++i) set.pixels[i] = uint8_t(i * 31 + i / 7);
  for (int64_t i = 0; i < count; ++i) set.labels.push_back(int32_t(i % 10));
  return set;
}

BatchOptions batchOptions(int64_t batchSize, uint64_t seed = 0, int64_t prefetch = 4,
                          bool dropLast = false) {
  BatchOptions options;
  options.batchSize = batchSize;
  options.seed = seed;
  options.prefetchBatches = prefetch;
  options.dropLast = dropLast;
  return options;
}

std::vector<Batch> epochBatches(BatchLoader& loader, int64_t epoch) {
  loader.startEpoch(epoch);
  std::vector<Batch> out;
  while (auto batch = loader.next()) out.push_back(*batch);
  return out;
}

}  // namespace

class TestTransformsBatches : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void tensorsMatchThePixels();
  void resizeAndChannelConversions();
  void translationPadsAsDocumented();
  void batchesCoverEachImageOncePerEpoch();
  void batchesAreDeterministicGivenTheSeed();
  void prefetchQueueIsBounded();
  void workerErrorsReachTheConsumer();
};

void TestTransformsBatches::tensorsMatchThePixels() {
  const ImageSet set = makeSet(3, 2, 4);
  const at::Tensor t = toUint8Tensor(set);
  QCOMPARE(t.sizes().vec(), (std::vector<int64_t>{3, 2, 4, 4}));
  QCOMPARE(int(t[2][1][3][2].item<uint8_t>()), int(set.image(2)[16 + 3 * 4 + 2]));
  QCOMPARE(labelsTensor(set)[2].item<int64_t>(), 2);
  const at::Tensor f = toFloatTensor(set);
  QVERIFY(f.max().item<float>() <= 1.0f && f.min().item<float>() >= 0.0f);
  QCOMPARE(f[2][1][3][2].item<float>(), float(set.image(2)[16 + 3 * 4 + 2]) / 255.0f);
}

void TestTransformsBatches::resizeAndChannelConversions() {
  ImageSet flat = makeSet(2, 1, 28);
  std::fill(flat.pixels.begin(), flat.pixels.begin() + 784, uint8_t(77));
  const ImageSet big = resizeImages(flat, 32, 32);
  QCOMPARE(big.height, 32);
  QCOMPARE(big.pixels.size(), size_t(2 * 32 * 32));
  QVERIFY(std::all_of(big.pixels.begin(), big.pixels.begin() + 1024,
                      [](uint8_t v) { return v == 77; }));
  QVERIFY(
      !std::all_of(big.pixels.begin() + 1024, big.pixels.end(), [](uint8_t v) { return v == 77; }));
  const ImageSet rgb = convertChannels(flat, 3);
  QCOMPARE(rgb.channels, 3);
  QCOMPARE(int(rgb.image(1)[2 * 784 + 100]), int(flat.image(1)[100]));
  QVERIFY(convertChannels(rgb, 1).pixels == flat.pixels);  // grey → RGB → grey is exact
  ImageSet red = makeSet(1, 3, 2);
  std::fill(red.pixels.begin(), red.pixels.end(), uint8_t(0));
  std::fill(red.pixels.begin(), red.pixels.begin() + 4, uint8_t(255));
  QCOMPARE(int(convertChannels(red, 1).pixels[0]), 76);  // 0.299 * 255
}

void TestTransformsBatches::translationPadsAsDocumented() {
  std::vector<uint8_t> ones(3 * 8 * 8, 1);
  AugmentOptions zero{3, PadMode::Zero, false};
  int shifted = 0;
  for (uint64_t seed = 0; seed < 20; ++seed) {
    std::vector<uint8_t> img = ones;
    std::mt19937_64 rng(seed);
    augmentImage(img.data(), 3, 8, 8, zero, rng);
    shifted += std::count(img.begin(), img.end(), 0) > 0;
    std::vector<uint8_t> again = ones;
    std::mt19937_64 rng2(seed);
    augmentImage(again.data(), 3, 8, 8, zero, rng2);
    QVERIFY(img == again);
  }
  QVERIFY(shifted > 10);  // zero padding shows up for most shifts
  std::vector<uint8_t> ramp(8 * 8);
  for (int i = 0; i < 64; ++i) ramp[size_t(i)] = uint8_t(i % 8);  // value = column
  AugmentOptions reflect{2, PadMode::Reflect, false};
  for (uint64_t seed = 0; seed < 20; ++seed) {
    std::vector<uint8_t> img = ramp;
    std::mt19937_64 rng(seed);
    augmentImage(img.data(), 1, 8, 8, reflect, rng);
    // Every row is the column ramp shifted by dx mirrored at the edges.
    const int dx = int(img[2]) - 2;  // column 2 never reflects for |dx| <= 2
    for (int y = 0; y < 8; ++y)
      for (int x = 0; x < 8; ++x) {
        int src = x + dx;
        if (src < 0) src = -src;
        if (src > 7) src = 14 - src;
        QCOMPARE(int(img[size_t(y * 8 + x)]), src);
      }
  }
  std::vector<uint8_t> flipped = ramp;
  AugmentOptions flipOnly{0, PadMode::Zero, true};
  int flips = 0;
  for (uint64_t seed = 0; seed < 40; ++seed) {
    std::vector<uint8_t> img = ramp;
    std::mt19937_64 rng(seed);
    augmentImage(img.data(), 1, 8, 8, flipOnly, rng);
    if (img != ramp) {
      ++flips;
      QCOMPARE(int(img[0]), 7);
    }
  }
  QVERIFY(flips > 8 && flips < 32);
}

void TestTransformsBatches::batchesCoverEachImageOncePerEpoch() {
  auto set = std::make_shared<const ImageSet>(makeSet(10, 1, 4));
  BatchLoader loader(set, batchOptions(3, 7));
  QCOMPARE(loader.batchesPerEpoch(), 4);
  const auto batches = epochBatches(loader, 0);
  QCOMPARE(batches.size(), size_t(4));
  std::vector<int64_t> seen;
  for (const Batch& b : batches) {
    for (int64_t i = 0; i < b.indices.size(0); ++i) {
      const int64_t source = b.indices[i].item<int64_t>();
      seen.push_back(source);
      QCOMPARE(b.labels[i].item<int64_t>(), int64_t(set->labels[size_t(source)]));
      QCOMPARE(int(b.images[i][0][1][2].item<uint8_t>()), int(set->image(source)[6]));
    }
  }
  std::vector<int64_t> sorted = seen;
  std::sort(sorted.begin(), sorted.end());
  for (int64_t i = 0; i < 10; ++i) QCOMPARE(sorted[size_t(i)], i);
  QVERIFY(!std::is_sorted(seen.begin(), seen.end()));  // shuffled
  BatchLoader dropping(set, batchOptions(3, 0, 4, true));
  QCOMPARE(epochBatches(dropping, 0).size(), size_t(3));
}

void TestTransformsBatches::batchesAreDeterministicGivenTheSeed() {
  auto set = std::make_shared<const ImageSet>(makeSet(40, 3, 8));
  BatchOptions options = batchOptions(8, 3, 2);
  options.augment = {2, PadMode::Reflect, true};
  BatchLoader a(set, options), b(set, options);
  const auto ea = epochBatches(a, 1), eb = epochBatches(b, 1);
  QCOMPARE(ea.size(), eb.size());
  for (size_t i = 0; i < ea.size(); ++i) {
    QVERIFY(ea[i].images.equal(eb[i].images));
    QVERIFY(ea[i].indices.equal(eb[i].indices));
  }
  const auto e2 = epochBatches(a, 2);
  QVERIFY(!e2[0].indices.equal(ea[0].indices));  // a new permutation each epoch
  const auto again = epochBatches(a, 1);         // restarting an epoch replays it
  QVERIFY(again[3].images.equal(ea[3].images));
}

void TestTransformsBatches::prefetchQueueIsBounded() {
  auto set = std::make_shared<const ImageSet>(makeSet(100, 1, 4));
  std::atomic<int> made{0};
  BatchOptions options = batchOptions(2, 0, 3);
  options.imageHook = [&](const at::Tensor& images) {
    ++made;
    return images.to(at::kFloat);
  };
  BatchLoader loader(set, options);
  loader.startEpoch(0);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  QVERIFY2(made.load() <= 4, std::to_string(made.load()).c_str());  // 3 queued + 1 waiting
  QCOMPARE(loader.next()->images.scalar_type(), at::kFloat);
  int count = 1;
  while (loader.next()) ++count;
  QCOMPARE(count, 50);
}

void TestTransformsBatches::workerErrorsReachTheConsumer() {
  auto set = std::make_shared<const ImageSet>(makeSet(10, 1, 4));
  BatchOptions options = batchOptions(5);
  options.imageHook = [](const at::Tensor&) -> at::Tensor { throw std::runtime_error("boom"); };
  BatchLoader loader(set, options);
  loader.startEpoch(0);
  QVERIFY_THROWS_EXCEPTION(std::runtime_error, loader.next());
}

QTEST_APPLESS_MAIN(TestTransformsBatches)
#include "tst_transforms_batches.moc"
