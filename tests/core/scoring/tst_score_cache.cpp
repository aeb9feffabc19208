// The score cache: a hit returns identical scores without recomputing; keys separate models,
// data and modes; a damaged entry is recomputed instead of trusted.
#include <QtTest>
#include <filesystem>
#include <fstream>

#include "core/scoring/score_cache.h"
#include "core/util/atomic_file.h"
#include "scoring_test_data.h"

namespace glowscope {

class TstScoreCache : public QObject {
  Q_OBJECT

 private:
  std::filesystem::path folder_;

  static ModelScores sampleScores() {
    ModelScores scores;
    scores.dimsPerImage = 1024;
    scores.logLikelihoodNats = {-1000.5, -2000.25, std::nan("")};
    scores.scaleLogLikelihoodNats = {{-500, -1000, 1}, {-500.5, -1000.25, 2}};
    return scores;
  }

 private Q_SLOTS:
  void init() {
    folder_ = std::filesystem::temp_directory_path() /
              ("glowscope-cache-" + std::to_string(QRandomGenerator::global()->generate()));
  }
  void cleanup() { std::filesystem::remove_all(folder_); }

  void hitReturnsIdenticalScores() {
    ScoreCache cache(folder_);
    const ScoreCacheKey key{"aaaa", "bbbb", PreprocessMode::PaperEvaluation, 0};
    int computed = 0;
    auto compute = [&] {
      ++computed;
      return sampleScores();
    };
    const ModelScores first = cache.getOrCompute(key, compute);
    const ModelScores second = cache.getOrCompute(key, compute);
    QCOMPARE(computed, 1);
    QCOMPARE(cache.hits(), 1);
    QCOMPARE(second.logLikelihoodNats[0], first.logLikelihoodNats[0]);
    QCOMPARE(second.logLikelihoodNats[1], first.logLikelihoodNats[1]);
    QVERIFY(std::isnan(second.logLikelihoodNats[2]));
    QCOMPARE(second.scaleLogLikelihoodNats, first.scaleLogLikelihoodNats);
    QCOMPARE(second.dimsPerImage, int64_t{1024});
  }

  void keysSeparateModesAndData() {
    const ScoreCacheKey a{"m", "d", PreprocessMode::PaperEvaluation, 0};
    ScoreCacheKey b = a;
    b.mode = PreprocessMode::TrainingNoise;
    ScoreCacheKey c = a;
    c.dataFingerprint = "e";
    QVERIFY(a.fileName() != b.fileName());
    QVERIFY(a.fileName() != c.fileName());
  }

  void damagedEntryIsRecomputed() {
    ScoreCache cache(folder_);
    const ScoreCacheKey key{"m", "d", PreprocessMode::PaperEvaluation, 0};
    cache.store(key, sampleScores());
    const auto path = folder_ / key.fileName();
    std::string bytes = readWholeFile(path);
    writeFileAtomically(path, bytes.substr(0, bytes.size() - 5));  // truncated
    QVERIFY(!cache.load(key).has_value());
    writeFileAtomically(path, std::string("garbage that is not a cache entry"));
    QVERIFY(!cache.load(key).has_value());
    int computed = 0;
    cache.getOrCompute(key, [&] {
      ++computed;
      return sampleScores();
    });
    QCOMPARE(computed, 1);
    QVERIFY(cache.load(key).has_value());
  }

  void fingerprintsFollowContent() {
    ImageSet a = testing::randomImages(3, 1, 4, 1);
    ImageSet b = a;
    QCOMPARE(fingerprintImages(a), fingerprintImages(b));
    b.pixels[5] ^= 1;
    QVERIFY(fingerprintImages(a) != fingerprintImages(b));
    std::filesystem::create_directories(folder_);
    writeFileAtomically(folder_ / "x", std::string("abc"));
    writeFileAtomically(folder_ / "y", std::string("abd"));
    QVERIFY(fingerprintFile(folder_ / "x") != fingerprintFile(folder_ / "y"));
    QCOMPARE(fingerprintFile(folder_ / "x").size(), size_t{16});
  }
};

}  // namespace glowscope

QTEST_GUILESS_MAIN(glowscope::TstScoreCache)
#include "tst_score_cache.moc"
