// Data-parallel training on c10d/Gloo over loopback (docs/scaling-out.md): two processes of
// dist_worker with torchrun's variables against one process with the same global batch.
#include <ATen/ATen.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <QElapsedTimer>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>

#include "core/training/checkpoint.h"
#include "core/training/distributed.h"
#include "core/training/local_launch.h"
#include "training_test_util.h"

using namespace glowscope;
using namespace glowscope::testing;

namespace {

constexpr int kTimeoutSeconds = 20;  // collective deadline in these runs

struct Finished {
  int exitCode = -1;
  QString errors;
};

QProcess* startWorker(const QStringList& arguments, const std::map<QString, QString>& variables) {
  auto* process = new QProcess;
  QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
  for (const char* name : {"RANK", "WORLD_SIZE", "LOCAL_RANK", "MASTER_ADDR", "MASTER_PORT"})
    environment.remove(name);
  environment.insert("GLOWSCOPE_COLLECTIVE_TIMEOUT_S", QString::number(kTimeoutSeconds));
  environment.insert("OMP_NUM_THREADS", "1");
  for (const auto& [name, value] : variables) environment.insert(name, value);
  process->setProcessEnvironment(environment);
  process->start(GLOWSCOPE_DIST_WORKER, arguments);
  return process;
}

Finished finish(QProcess* process, int seconds) {
  Finished result;
  if (process->waitForFinished(seconds * 1000) && process->exitStatus() == QProcess::NormalExit)
    result.exitCode = process->exitCode();
  else if (process->state() != QProcess::NotRunning)
    process->kill(), process->waitForFinished(5000), result.exitCode = -2;  // hung
  result.errors = QString::fromLocal8Bit(process->readAllStandardError());
  delete process;
  return result;
}

std::map<QString, QString> rankVariables(int rank, int worldSize, int port) {
  std::map<QString, QString> variables;
  for (const auto& [name, value] : localRankEnvironment(rank, worldSize, port))
    variables[QString::fromStdString(name)] = QString::fromStdString(value);
  return variables;
}

/// Runs `mode` as two ranks (plus per-rank extra variables); returns both results.
std::vector<Finished> runTwoRanks(const QStringList& arguments,
                                  const std::vector<std::map<QString, QString>>& extra = {}) {
  const int port = freeLoopbackPort();
  std::vector<QProcess*> processes;
  for (int rank = 0; rank < 2; ++rank) {
    auto variables = rankVariables(rank, 2, port);
    if (rank < static_cast<int>(extra.size()))
      for (const auto& [name, value] : extra[size_t(rank)]) variables[name] = value;
    processes.push_back(startWorker(arguments, variables));
  }
  std::vector<Finished> results;
  for (QProcess* process : processes) results.push_back(finish(process, 4 * kTimeoutSeconds));
  return results;
}

/// A socket listening on 127.0.0.1 (another program holding the port); closed on destruction.
struct PortOccupant {
  int socket = -1;
  int port = 0;
  PortOccupant() {
    socket = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (::bind(socket, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
        ::listen(socket, 4) == 0 &&
        ::getsockname(socket, reinterpret_cast<sockaddr*>(&address), &length) == 0)
      port = ntohs(address.sin_port);
  }
  ~PortOccupant() { ::close(socket); }
};

std::vector<float> readParameters(const QString& path) {
  std::ifstream in(path.toStdString(), std::ios::binary);
  std::vector<float> values;
  float value = 0;
  while (in.read(reinterpret_cast<char*>(&value), sizeof value)) values.push_back(value);
  return values;
}

/// Per step, the image sums one process trained on.
std::vector<std::vector<std::string>> readRows(const QString& path) {
  std::ifstream in(path.toStdString());
  std::vector<std::vector<std::string>> steps;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream words(line);
    steps.emplace_back(std::istream_iterator<std::string>(words),
                       std::istream_iterator<std::string>());
  }
  return steps;
}

double maxAbsDifference(const std::vector<float>& a, const std::vector<float>& b) {
  double worst = 0;
  for (size_t i = 0; i < a.size(); ++i) worst = std::max(worst, double(std::abs(a[i] - b[i])));
  return worst;
}

void requireSuccess(const std::vector<Finished>& results) {
  for (size_t rank = 0; rank < results.size(); ++rank)
    QVERIFY2(results[rank].exitCode == 0, qPrintable(QString("rank %1 exit %2: %3")
                                                         .arg(rank)
                                                         .arg(results[rank].exitCode)
                                                         .arg(results[rank].errors)));
}

}  // namespace

class TestDistributed : public QObject {
  Q_OBJECT

  /// Two ranks with 32 images each vs one process with the global batch of 64: the same
  /// parameters after 20 steps, and each rank trained on its own half of every global batch.
  void compareWithOneProcess(const QString& mode, const QString& general) {
    QTemporaryDir one, two;
    QStringList oneArguments{mode, one.path()}, twoArguments{mode, two.path()};
    if (!general.isEmpty()) oneArguments << general, twoArguments << general;
    QCOMPARE(finish(startWorker(oneArguments, {}), 4 * kTimeoutSeconds).exitCode, 0);
    requireSuccess(runTwoRanks(twoArguments));
    const auto reference = readParameters(one.path() + "/rank0.params");
    const auto rank0 = readParameters(two.path() + "/rank0.params");
    const auto rank1 = readParameters(two.path() + "/rank1.params");
    QVERIFY(!reference.empty());
    QCOMPARE(rank0.size(), reference.size());
    QVERIFY2(rank0 == rank1, "the two ranks hold different parameters");
    const double difference = maxAbsDifference(rank0, reference);
    qInfo("%s: max |2 ranks - 1 process| = %.3g", qPrintable(mode), difference);
    QVERIFY2(difference < 1e-4, qPrintable(QString("differs by %1").arg(difference)));

    const auto all = readRows(one.path() + "/rank0.rows");
    const auto first = readRows(two.path() + "/rank0.rows");
    const auto second = readRows(two.path() + "/rank1.rows");
    QCOMPARE(all.size(), size_t{20});
    QCOMPARE(first.size(), all.size());
    QCOMPARE(second.size(), all.size());
    for (size_t step = 0; step < all.size(); ++step) {
      QCOMPARE(first[step].size(), size_t{32});  // a disjoint half each ...
      QCOMPARE(second[step].size(), size_t{32});
      std::vector<std::string> together = first[step];
      together.insert(together.end(), second[step].begin(), second[step].end());
      QVERIFY(together == all[step]);  // ... which together are the global batch, in order
    }
  }

 private Q_SLOTS:
  void shardsCoverTheBatch() {
    int64_t covered = 0;
    for (int rank = 0; rank < 3; ++rank) {
      const auto [begin, end] = shardRange(10, rank, 3);
      QCOMPARE(begin, covered);
      QVERIFY(end - begin == 3 || end - begin == 4);
      covered = end;
    }
    QCOMPARE(covered, int64_t{10});
  }

  void maximumLikelihoodMatchesOneProcess() { compareWithOneProcess("ml", {}); }

  // The same Trainer path for the second model family: its gradients are averaged and its
  // batches sharded like a Glow's.
  void pixelCnnMatchesOneProcess() { compareWithOneProcess("pixelcnn", {}); }

  void outlierLossMatchesOneProcess() {
    QTemporaryDir dir;
    const auto general = trainAndSaveModel(dir.path(), "general", 2, true);
    compareWithOneProcess("outlier", QString::fromStdString(general.string()));
  }

  void actNormInitOverTwoRanksEqualsInitOnTheUnion() {
    QTemporaryDir one, two;
    QCOMPARE(finish(startWorker({"init", one.path()}, {}), 4 * kTimeoutSeconds).exitCode, 0);
    requireSuccess(runTwoRanks({"init", two.path()}));
    const auto reference = readParameters(one.path() + "/rank0.params");
    const auto rank1 = readParameters(two.path() + "/rank1.params");
    QCOMPARE(rank1.size(), reference.size());
    const double difference = maxAbsDifference(rank1, reference);
    qInfo("ActNorm init: max |2 ranks - 1 process| = %.3g", difference);
    QVERIFY2(difference < 1e-4, qPrintable(QString("differs by %1").arg(difference)));
  }

  void killedRankStopsTheOtherAndTheRunResumesBitForBit() {
    QTemporaryDir straight, interrupted;
    requireSuccess(runTwoRanks({"run", straight.path()}));

    const std::map<QString, QString> die{{"DIST_DIE_RANK", "1"}, {"DIST_DIE_AT_STEP", "12"}};
    QElapsedTimer clock;
    clock.start();
    const auto killed = runTwoRanks({"run", interrupted.path()}, {die, die});
    // Rank 1 died by SIGKILL (a crash to QProcess); rank 0 failed by itself, within the deadline.
    QCOMPARE(killed[1].exitCode, -1);
    QVERIFY2(killed[0].exitCode > 0, qPrintable(killed[0].errors));
    QVERIFY(clock.elapsed() < (kTimeoutSeconds + 15) * 1000);
    QVERIFY2(killed[0].errors.contains("rank 1") && killed[0].errors.contains("exited"),
             qPrintable(killed[0].errors));
    qInfo("%s", qPrintable(killed[0].errors.trimmed().split('\n').last()));

    const auto checkpoints = listCheckpoints((interrupted.path() + "/run").toStdString());
    QVERIFY(!checkpoints.empty());
    const TrainingCheckpoint last = loadTrainingCheckpoint(checkpoints.back());
    QCOMPARE(last.step, int64_t{10});

    const std::map<QString, QString> resume{{"DIST_RESUME", "1"}};
    requireSuccess(runTwoRanks({"run", interrupted.path()}, {resume, resume}));
    const auto expected = readParameters(straight.path() + "/rank0.params");
    QVERIFY(!expected.empty());
    QVERIFY2(readParameters(interrupted.path() + "/rank0.params") == expected,
             "the resumed run differs from the uninterrupted one");
    QVERIFY(readParameters(interrupted.path() + "/rank1.params") == expected);
  }

  void busyPortIsAClearError() {
    const PortOccupant occupant;
    QVERIFY(occupant.port > 0);
    QTemporaryDir dir;
    const auto result = finish(
        startWorker({"init", dir.path()}, rankVariables(0, 2, occupant.port)), 4 * kTimeoutSeconds);
    QVERIFY2(result.exitCode > 0, qPrintable(result.errors));
    QVERIFY2(result.errors.contains("MASTER_PORT") && result.errors.contains("in use"),
             qPrintable(result.errors));
    qInfo("%s", qPrintable(result.errors.trimmed()));
  }

  void wrongWorldSizeIsAClearError() {
    QTemporaryDir dir;
    const auto results = runTwoRanks({"init", dir.path()}, {{}, {{"WORLD_SIZE", "3"}}});
    for (const Finished& result : results) {
      QVERIFY2(result.exitCode > 0, qPrintable(result.errors));
      QVERIFY2(result.errors.contains("same WORLD_SIZE") && result.errors.contains("WORLD_SIZE=") &&
                   result.errors.contains("2") && result.errors.contains("3"),
               qPrintable(result.errors));
      qInfo("%s", qPrintable(result.errors.trimmed()));
    }
  }

  void missingVariableIsAClearError() {
    QTemporaryDir dir;
    auto variables = rankVariables(0, 2, freeLoopbackPort());
    variables.erase("MASTER_PORT");
    const auto result = finish(startWorker({"init", dir.path()}, variables), kTimeoutSeconds);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.errors.contains("MASTER_PORT is not set"), qPrintable(result.errors));
    variables = rankVariables(2, 2, freeLoopbackPort());
    const auto outOfRange = finish(startWorker({"init", dir.path()}, variables), kTimeoutSeconds);
    QCOMPARE(outOfRange.exitCode, 2);
    QVERIFY2(outOfRange.errors.contains("RANK=2"), qPrintable(outOfRange.errors));
  }
};

QTEST_GUILESS_MAIN(TestDistributed)
#include "tst_distributed.moc"
