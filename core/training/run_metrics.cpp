#include "core/training/run_metrics.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <sstream>

#include "core/project/project_file.h"
#include "core/util/atomic_file.h"
#include "core/util/errors.h"
#include "core/util/log.h"

namespace glowscope {
namespace {

using nlohmann::json;

json number(double value) { return std::isfinite(value) ? json(value) : json(nullptr); }

double numberFrom(const json& object, const char* key) {
  const auto found = object.find(key);
  if (found == object.end() || found->is_null()) return kNotComputed;
  return found->get<double>();
}

json scoresToJson(const std::map<std::string, double>& scores) {
  json object = json::object();
  for (const auto& [name, value] : scores) object[name] = number(value);
  return object;
}

std::map<std::string, double> scoresFromJson(const json& object, const char* key) {
  std::map<std::string, double> scores;
  if (const auto found = object.find(key); found != object.end())
    for (const auto& [name, value] : found->items())
      scores[name] = value.is_null() ? kNotComputed : value.get<double>();
  return scores;
}

NanEvent::Kind eventKindFromName(const std::string& name) {
  for (const NanEvent::Kind kind : {NanEvent::Kind::DroppedSamples, NanEvent::Kind::SkippedStep,
                                    NanEvent::Kind::Rollback})
    if (nanEventKindName(kind) == name) return kind;
  return NanEvent::Kind::SkippedStep;
}

/// Drops the records after `step`, all of them for step 0: a run starting (again) at `step`
/// recomputes what came after it.
void keepUpTo(std::vector<TrainingProgress>& records, int64_t step) {
  if (step <= 0) records.clear();
  std::erase_if(records, [step](const TrainingProgress& record) { return record.step > step; });
}

}  // namespace

std::string nanEventKindName(NanEvent::Kind kind) {
  switch (kind) {
    case NanEvent::Kind::DroppedSamples:
      return "dropped samples";
    case NanEvent::Kind::SkippedStep:
      return "skipped step";
    case NanEvent::Kind::Rollback:
      return "rollback";
  }
  return "?";
}

std::filesystem::path runMetricsPath(const std::filesystem::path& outputDir) {
  return outputDir / kRunMetricsFileName;
}

json progressToJson(const TrainingProgress& p) {
  json events = json::array();
  for (const NanEvent& event : p.newEvents)
    events.push_back(
        {{"kind", nanEventKindName(event.kind)}, {"step", event.step}, {"detail", event.detail}});
  json line = {{"v", kRunMetricsFormatVersion},
               {"time", utcTimestamp()},
               {"step", p.step},
               {"totalSteps", p.totalSteps},
               {"epoch", p.epoch},
               {"loss", number(p.loss)},
               {"likelihoodLoss", number(p.likelihoodLoss)},
               {"outlierLoss", number(p.outlierLoss)},
               {"marginLoss", number(p.marginLoss)},
               {"supervisedLoss", number(p.supervisedLoss)},
               {"trainBitsPerDim", number(p.trainBitsPerDim)},
               {"learningRate", number(p.learningRate)},
               {"imagesPerSecond", number(p.imagesPerSecond)},
               {"processes", p.processes},
               {"etaSeconds", number(p.etaSeconds)},
               {"skippedSteps", p.skippedSteps},
               {"droppedSamples", p.droppedSamples},
               {"rollbacks", p.rollbacks},
               {"events", events}};
  if (p.evaluated) {
    line["evaluated"] = true;
    line["testBitsPerDim"] = number(p.testBitsPerDim);
    line["testNonFiniteCount"] = p.testNonFiniteCount;
    line["testBitsPerDimTrainedWeights"] = number(p.testBitsPerDimTrainedWeights);
    line["aurocByOodSet"] = scoresToJson(p.aurocByOodSet);
    line["ratioAurocByOodSet"] = scoresToJson(p.ratioAurocByOodSet);
  }
  for (const auto& [key, flag] : {std::pair{"started", p.started}, {"paused", p.paused},
                                  {"finished", p.finished}, {"cancelled", p.cancelled},
                                  {"failed", p.failed}})
    if (flag) line[key] = true;
  if (!p.message.empty()) line["message"] = p.message;
  return line;
}

TrainingProgress progressFromJson(const json& line) {
  TrainingProgress p;
  p.step = line.value("step", int64_t{0});
  p.totalSteps = line.value("totalSteps", int64_t{0});
  p.epoch = line.value("epoch", int64_t{0});
  p.loss = numberFrom(line, "loss");
  p.likelihoodLoss = numberFrom(line, "likelihoodLoss");
  p.outlierLoss = numberFrom(line, "outlierLoss");
  p.marginLoss = numberFrom(line, "marginLoss");
  p.supervisedLoss = numberFrom(line, "supervisedLoss");
  p.trainBitsPerDim = numberFrom(line, "trainBitsPerDim");
  p.learningRate = line.contains("learningRate") ? numberFrom(line, "learningRate") : 0.0;
  const double speed = numberFrom(line, "imagesPerSecond");
  p.imagesPerSecond = std::isfinite(speed) ? speed : 0.0;
  p.processes = line.value("processes", 1);
  p.etaSeconds = numberFrom(line, "etaSeconds");
  p.skippedSteps = line.value("skippedSteps", int64_t{0});
  p.droppedSamples = line.value("droppedSamples", int64_t{0});
  p.rollbacks = line.value("rollbacks", int64_t{0});
  if (const auto events = line.find("events"); events != line.end())
    for (const json& event : *events)
      p.newEvents.push_back({eventKindFromName(event.value("kind", "")),
                             event.value("step", int64_t{0}), event.value("detail", "")});
  p.evaluated = line.value("evaluated", false);
  p.testBitsPerDim = numberFrom(line, "testBitsPerDim");
  p.testNonFiniteCount = line.value("testNonFiniteCount", int64_t{0});
  p.testBitsPerDimTrainedWeights = numberFrom(line, "testBitsPerDimTrainedWeights");
  p.aurocByOodSet = scoresFromJson(line, "aurocByOodSet");
  p.ratioAurocByOodSet = scoresFromJson(line, "ratioAurocByOodSet");
  p.started = line.value("started", false);
  p.paused = line.value("paused", false);
  p.finished = line.value("finished", false);
  p.cancelled = line.value("cancelled", false);
  p.failed = line.value("failed", false);
  p.message = line.value("message", "");
  return p;
}

RunEnd RunMetrics::end() const {
  if (records.empty()) return RunEnd::None;
  const TrainingProgress& last = records.back();
  if (last.failed) return RunEnd::Failed;
  if (last.finished) return RunEnd::Finished;
  if (last.cancelled) return RunEnd::Cancelled;
  return RunEnd::Interrupted;
}

std::string RunMetrics::failureMessage() const {
  return end() == RunEnd::Failed ? records.back().message : std::string();
}

RunMetrics parseRunMetrics(const std::string& text) {
  RunMetrics metrics;
  std::istringstream stream(text);
  std::string line;
  while (std::getline(stream, line)) {
    if (line.empty()) continue;
    TrainingProgress record;
    try {
      const json object = json::parse(line);
      if (!object.is_object()) throw std::invalid_argument("not an object");
      record = progressFromJson(object);
    } catch (const std::exception&) {
      ++metrics.ignoredLines;  // a torn line of a kill, or garbage: the others still count
      continue;
    }
    if (record.started) keepUpTo(metrics.records, record.step);
    metrics.records.push_back(std::move(record));
  }
  // A torn last line without its newline parses as garbage above; a last line that happens to
  // be complete JSON without the newline is a complete record (write(2) wrote it whole).
  return metrics;
}

RunMetrics readRunMetrics(const std::filesystem::path& outputDir) {
  const std::filesystem::path path = runMetricsPath(outputDir);
  std::error_code error;
  if (!std::filesystem::exists(path, error)) return {};
  return parseRunMetrics(readWholeFile(path));
}

bool runFolderHasCheckpoint(const std::filesystem::path& outputDir) {
  std::error_code error;
  for (std::filesystem::directory_iterator it(outputDir / "checkpoints", error), end;
       !error && it != end; it.increment(error)) {
    const std::string name = it->path().filename().string();
    if (name.starts_with("step-") && name.ends_with(".ckpt")) return true;
  }
  return false;
}

void recordRunFailure(const std::filesystem::path& outputDir, const std::string& message) {
  RunMetrics history;
  try {
    history = readRunMetrics(outputDir);
  } catch (const Error&) {
    // Unreadable: the failure record starts a new history.
  }
  const int64_t step = history.records.empty() ? 0 : history.records.back().step;
  RunMetricsWriter writer(outputDir, step);
  TrainingProgress failed;
  failed.step = step;
  failed.failed = true;
  failed.message = message;
  writer.append(failed);
}

RunMetricsWriter::RunMetricsWriter(const std::filesystem::path& outputDir, int64_t startStep)
    : path_(runMetricsPath(outputDir)) {
  try {
    std::error_code ignored;
    std::filesystem::create_directories(outputDir, ignored);
    std::string kept;
    if (startStep > 0 && std::filesystem::exists(path_, ignored)) {
      RunMetrics history = readRunMetrics(outputDir);
      keepUpTo(history.records, startStep);
      for (const TrainingProgress& record : history.records)
        kept += progressToJson(record).dump() + "\n";
    }
    // Rewritten whole, atomically: a kill now leaves the old history or the new one.
    writeFileAtomically(path_, kept);
  } catch (const Error& error) {
    reportProblem(error.what());
  }
  fd_ = ::open(path_.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) reportProblem(std::strerror(errno));
}

RunMetricsWriter::~RunMetricsWriter() {
  if (fd_ >= 0) ::close(fd_);
}

void RunMetricsWriter::append(const TrainingProgress& progress) {
  if (fd_ < 0) return;
  const std::string line = progressToJson(progress).dump() + "\n";
  // One write of the whole line (O_APPEND): another reader sees whole lines, a kill leaves at
  // most this one torn. Short writes happen only on a full disk; the rest is then dropped.
  const ssize_t written = ::write(fd_, line.data(), line.size());
  if (written != static_cast<ssize_t>(line.size())) {
    reportProblem(written < 0 ? std::strerror(errno) : "the disk is full");
    return;
  }
  if (progress.started || progress.finished || progress.cancelled || progress.failed)
    ::fdatasync(fd_);
}

void RunMetricsWriter::reportProblem(const std::string& what) {
  if (problemReported_) return;
  problemReported_ = true;
  logger()->warn("cannot write the run's metrics to {} ({}); training goes on without them",
                 path_.string(), what);
}

}  // namespace glowscope
