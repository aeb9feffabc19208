#include "core/experiments/model_scheduler.h"

#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>

#include "core/util/errors.h"

namespace glowscope {
namespace {

bool cancelled(const std::atomic<bool>* cancel) { return cancel != nullptr && cancel->load(); }

void obtainInOrder(const std::vector<const ExperimentModel*>& models, const ModelObtainer& obtain,
                   std::map<std::string, std::filesystem::path>& files,
                   const std::atomic<bool>* cancel) {
  for (const ExperimentModel* model : models) {
    if (files.count(model->id)) continue;
    if (cancelled(cancel)) throw CancelledError();
    files[model->id] = obtain(*model, files, cancel);
  }
}

/// The shared state of a parallel run; every member is guarded by `mutex` except `stop`.
class ParallelObtainer {
 public:
  ParallelObtainer(const ModelObtainer& obtain, std::map<std::string, std::filesystem::path>& files)
      : obtain_(obtain), files_(files) {}

  void run(const std::vector<const ExperimentModel*>& models, int parallel,
           const std::atomic<bool>* cancel) {
    for (const ExperimentModel* model : models)
      if (!files_.count(model->id)) waiting_.push_back(model);
    std::unique_lock lock(mutex_);
    while (true) {
      if (cancelled(cancel)) stop_ = true;
      if (!stop_) startReady(parallel);
      if (running_ == 0 && (stop_ || waiting_.empty())) break;
      if (running_ == 0) {  // the spec checks references; this guards against a cycle anyway
        failure_ = std::make_exception_ptr(
            Error("model '" + waiting_.front()->id + "' refers to a model that is never trained"));
        break;
      }
      changed_.wait_for(lock, std::chrono::milliseconds(100));  // also polls `cancel`
    }
    lock.unlock();
    for (std::thread& worker : workers_) worker.join();
    if (failure_) std::rethrow_exception(failure_);
    if (stop_) throw CancelledError();
  }

 private:
  bool ready(const ExperimentModel& model) const {
    for (const std::string& id : model.references())
      if (!files_.count(id)) return false;
    return true;
  }

  void startReady(int parallel) {
    for (auto it = waiting_.begin(); it != waiting_.end() && running_ < parallel;) {
      if (!ready(**it)) {
        ++it;
        continue;
      }
      try {
        workers_.emplace_back(&ParallelObtainer::work, this, *it, files_);
      } catch (...) {  // no thread to be had: stop like a failed training, let the others end
        if (!failure_) failure_ = std::current_exception();
        stop_ = true;
        return;
      }
      ++running_;
      it = waiting_.erase(it);
    }
  }

  void work(const ExperimentModel* model, std::map<std::string, std::filesystem::path> known) {
    std::filesystem::path file;
    std::exception_ptr error;
    try {
      file = obtain_(*model, known, &stop_);
    } catch (...) {
      error = std::current_exception();
    }
    const std::lock_guard lock(mutex_);
    if (error) {
      if (!failure_) failure_ = error;  // the first failure, not the cancellations it caused
      stop_ = true;
    } else {
      files_[model->id] = file;
    }
    --running_;
    changed_.notify_all();
  }

  const ModelObtainer& obtain_;
  std::map<std::string, std::filesystem::path>& files_;
  std::vector<const ExperimentModel*> waiting_;
  std::vector<std::thread> workers_;
  int running_ = 0;
  std::exception_ptr failure_;
  std::atomic<bool> stop_{false};
  std::mutex mutex_;
  std::condition_variable changed_;
};

}  // namespace

void obtainModels(const std::vector<const ExperimentModel*>& models, int parallel,
                  const ModelObtainer& obtain, std::map<std::string, std::filesystem::path>& files,
                  const std::atomic<bool>* cancel) {
  if (parallel <= 1) {
    obtainInOrder(models, obtain, files, cancel);
    return;
  }
  ParallelObtainer(obtain, files).run(models, parallel, cancel);
}

}  // namespace glowscope
