// Atomic writes: the target holds either the old or the new content; failures leave no debris.
#include <QtTest>
#include <filesystem>
#include <stdexcept>

#include "core/util/atomic_file.h"
#include "core/util/errors.h"

namespace glowscope {

class TstAtomicFile : public QObject {
  Q_OBJECT

 private:
  std::filesystem::path folder_;

  size_t entriesInFolder() const {
    return static_cast<size_t>(std::distance(std::filesystem::directory_iterator(folder_),
                                             std::filesystem::directory_iterator()));
  }

 private Q_SLOTS:
  void init() {
    folder_ = std::filesystem::temp_directory_path() /
              ("glowscope-atomic-" + std::to_string(QRandomGenerator::global()->generate()));
    std::filesystem::create_directories(folder_);
  }
  void cleanup() { std::filesystem::remove_all(folder_); }

  void writesAndReplaces() {
    const auto target = folder_ / "a.bin";
    writeFileAtomically(target, std::string("old content"));
    QCOMPARE(readWholeFile(target), std::string("old content"));
    writeFileAtomically(target, std::string("new"));
    QCOMPARE(readWholeFile(target), std::string("new"));
    QCOMPARE(entriesInFolder(), size_t{1});  // no temporary file left behind
  }

  void failingWriterKeepsOldFile() {
    const auto target = folder_ / "b.bin";
    writeFileAtomically(target, std::string("precious"));
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, writeFileAtomically(target, [](std::ostream& out) {
                               out << "half written";
                               throw std::runtime_error("writer failed midway");
                             }));
    QCOMPARE(readWholeFile(target), std::string("precious"));
    QCOMPARE(entriesInFolder(), size_t{1});
  }

  void createsMissingFolders() {
    const auto target = folder_ / "x" / "y" / "c.txt";
    writeFileAtomically(target, std::string("deep"));
    QCOMPARE(readWholeFile(target), std::string("deep"));
  }

  void missingFileNamesThePath() {
    const auto missing = folder_ / "nope.bin";
    try {
      readWholeFile(missing);
      QFAIL("expected a FileError");
    } catch (const FileError& error) {
      QCOMPARE(error.path(), missing.string());
      QVERIFY(std::string(error.what()).find("nope.bin") != std::string::npos);
    }
  }
};

}  // namespace glowscope

QTEST_GUILESS_MAIN(glowscope::TstAtomicFile)
#include "tst_atomic_file.moc"
