// The model scheduler: references respected, at most `parallel` at once, failures and cancel
// stop the others and surface once every thread has finished.
#include <QtTest>

#include <algorithm>
#include <chrono>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "core/experiments/model_scheduler.h"
#include "core/util/errors.h"

using namespace glowscope;

namespace {

ExperimentModel model(const std::string& id, const std::string& initFrom = "",
                      const std::string& general = "") {
  ExperimentModel m;
  m.id = id;
  m.training = nlohmann::json::object();
  if (!initFrom.empty()) m.training["initFrom"] = "@" + initFrom;
  if (!general.empty()) m.training["generalModel"] = "@" + general;
  return m;
}

std::vector<const ExperimentModel*> pointers(const std::vector<ExperimentModel>& models) {
  std::vector<const ExperimentModel*> result;
  for (const auto& m : models) result.push_back(&m);
  return result;
}

/// Records which obtainers ran, when, and how many overlapped.
struct Recorder {
  std::mutex mutex;
  std::vector<std::string> started, finished;
  int running = 0, maxRunning = 0;
  std::map<std::string, std::map<std::string, std::filesystem::path>> knownAtStart;
  std::set<std::thread::id> threads;

  /// Each obtainer sleeps `duration`, or its entry in `durations`.
  ModelObtainer obtainer(std::chrono::milliseconds duration,
                         std::map<std::string, std::chrono::milliseconds> durations = {}) {
    return [this, duration, durations](const ExperimentModel& m, const auto& known,
                                       const std::atomic<bool>*) {
      {
        const std::lock_guard lock(mutex);
        started.push_back(m.id);
        knownAtStart[m.id] = known;
        threads.insert(std::this_thread::get_id());
        maxRunning = std::max(maxRunning, ++running);
      }
      std::this_thread::sleep_for(durations.count(m.id) ? durations.at(m.id) : duration);
      const std::lock_guard lock(mutex);
      --running;
      finished.push_back(m.id);
      return std::filesystem::path(m.id + ".glow");
    };
  }
  bool finishedBeforeStarted(const std::string& first, const std::string& second) {
    const auto end = std::find(finished.begin(), finished.end(), first);
    const auto start = std::find(started.begin(), started.end(), second);
    if (end == finished.end() || start == started.end()) return false;
    // `second` started after `first` finished: it saw `first` among the known models.
    return knownAtStart[second].count(first) == 1;
  }
};

/// Waits (at most 5 s) until its cancel flag rises, then reports the cancellation.
std::filesystem::path waitForCancel(const std::atomic<bool>* cancel) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (!cancel->load() && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  throw CancelledError();
}

}  // namespace

class TestModelScheduler : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void referencesAreRespectedAndTwoRunAtOnce() {
    // general and conv are independent; outlier needs general; shared needs general too.
    const std::vector<ExperimentModel> models{model("general"), model("conv"),
                                              model("outlier", "general", "general"),
                                              model("dense"), model("shared", "general")};
    Recorder recorder;
    std::map<std::string, std::filesystem::path> files;
    // conv finishes long before general: its lane must pass over outlier (not ready) to dense.
    obtainModels(pointers(models), 2,
                 recorder.obtainer(std::chrono::milliseconds(30),
                                   {{"general", std::chrono::milliseconds(200)}}),
                 files, nullptr);
    QCOMPARE(files.size(), size_t{5});
    QCOMPARE(files.at("outlier"), std::filesystem::path("outlier.glow"));
    QCOMPARE(recorder.maxRunning, 2);
    QVERIFY(recorder.finishedBeforeStarted("general", "outlier"));
    QVERIFY(recorder.finishedBeforeStarted("general", "shared"));
    // The list's order first: both lanes start at once, so which one records first is up to
    // the threads; the third start is the first model whose lane is free and that is ready.
    const std::set<std::string> firstTwo{recorder.started[0], recorder.started[1]};
    QCOMPARE(firstTwo, (std::set<std::string>{"general", "conv"}));
    QCOMPARE(recorder.started[2], std::string("dense"));
  }

  void oneAtATimeRunsInOrderOnTheCallingThread() {
    const std::vector<ExperimentModel> models{model("a"), model("b", "a"), model("c")};
    Recorder recorder;
    std::map<std::string, std::filesystem::path> files;
    obtainModels(pointers(models), 1, recorder.obtainer(std::chrono::milliseconds(1)), files,
                 nullptr);
    QCOMPARE(recorder.started, (std::vector<std::string>{"a", "b", "c"}));
    QCOMPARE(recorder.maxRunning, 1);
    QCOMPARE(recorder.threads, (std::set<std::thread::id>{std::this_thread::get_id()}));
  }

  void modelsAlreadyThereAreNotObtainedAgain() {
    const std::vector<ExperimentModel> models{model("general"), model("tuned", "general")};
    Recorder recorder;
    std::map<std::string, std::filesystem::path> files{{"general", "cached.glow"}};
    obtainModels(pointers(models), 2, recorder.obtainer(std::chrono::milliseconds(1)), files,
                 nullptr);
    QCOMPARE(recorder.started, std::vector<std::string>{"tuned"});
    QCOMPARE(recorder.knownAtStart["tuned"].at("general"), std::filesystem::path("cached.glow"));
  }

  void firstFailureStopsTheOthersAndIsRethrown() {
    const std::vector<ExperimentModel> models{model("broken"), model("long"),
                                              model("after", "broken")};
    std::atomic<bool> longSawCancel{false}, afterStarted{false};
    const ModelObtainer obtain = [&](const ExperimentModel& m, const auto&,
                                     const std::atomic<bool>* cancel) -> std::filesystem::path {
      if (m.id == "broken") {
        std::this_thread::sleep_for(std::chrono::milliseconds(30));
        throw Error("broken on purpose");
      }
      if (m.id == "after") afterStarted = true;
      try {
        return waitForCancel(cancel);
      } catch (const CancelledError&) {
        longSawCancel = true;
        throw;
      }
    };
    std::map<std::string, std::filesystem::path> files;
    try {
      obtainModels(pointers(models), 2, obtain, files, nullptr);
      QFAIL("no exception");
    } catch (const CancelledError&) {
      QFAIL("the cancellation it caused hid the failure");
    } catch (const Error& error) {
      QCOMPARE(QString(error.what()), QString("broken on purpose"));
    }
    QVERIFY(longSawCancel);
    QVERIFY(!afterStarted);
    QVERIFY(files.empty());
  }

  void cancelEndsEveryTrainingInCancelledError() {
    const std::vector<ExperimentModel> models{model("a"), model("b"), model("c")};
    std::atomic<int> started{0};
    const ModelObtainer obtain = [&](const ExperimentModel&, const auto&,
                                     const std::atomic<bool>* cancel) -> std::filesystem::path {
      ++started;
      return waitForCancel(cancel);
    };
    std::atomic<bool> cancel{false};
    std::thread canceller([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      cancel = true;
    });
    std::map<std::string, std::filesystem::path> files;
    QVERIFY_THROWS_EXCEPTION(CancelledError,
                             obtainModels(pointers(models), 2, obtain, files, &cancel));
    canceller.join();
    QCOMPARE(started.load(), 2);  // the third never started
  }
};

QTEST_GUILESS_MAIN(TestModelScheduler)
#include "tst_model_scheduler.moc"
