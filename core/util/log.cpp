#include "core/util/log.h"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <algorithm>
#include <mutex>

namespace glowscope {
namespace {

std::mutex& sinkMutex() {
  static std::mutex mutex;
  return mutex;
}

spdlog::sink_ptr& consoleSink() {
  static spdlog::sink_ptr sink = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
  return sink;
}

}  // namespace

std::shared_ptr<spdlog::logger> logger() {
  static std::shared_ptr<spdlog::logger> instance = [] {
    auto created = std::make_shared<spdlog::logger>("glowscope", consoleSink());
    created->set_level(spdlog::level::info);
    created->set_pattern("[%H:%M:%S.%e] [%^%l%$] %v");
    return created;
  }();
  return instance;
}

void addLogSink(const spdlog::sink_ptr& sink) {
  std::lock_guard lock(sinkMutex());
  logger()->sinks().push_back(sink);
}

void removeLogSink(const spdlog::sink_ptr& sink) {
  std::lock_guard lock(sinkMutex());
  auto& sinks = logger()->sinks();
  sinks.erase(std::remove(sinks.begin(), sinks.end(), sink), sinks.end());
}

void setConsoleLogLevel(spdlog::level::level_enum level) { consoleSink()->set_level(level); }

}  // namespace glowscope
