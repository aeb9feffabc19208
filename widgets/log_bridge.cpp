#include "widgets/log_bridge.h"

#include <spdlog/sinks/base_sink.h>
#include <mutex>

#include "core/util/log.h"

namespace glowscope {
namespace {

class BridgeSink : public spdlog::sinks::base_sink<std::mutex> {
 public:
  explicit BridgeSink(LogBridge* bridge) : bridge_(bridge) {}
  void detach() {
    std::lock_guard lock(mutex_);
    bridge_ = nullptr;
  }

 protected:
  void sink_it_(const spdlog::details::log_msg& message) override {
    if (bridge_ == nullptr) return;
    spdlog::memory_buf_t formatted;
    formatter_->format(message, formatted);
    QString text = QString::fromUtf8(formatted.data(), static_cast<int>(formatted.size()));
    bridge_->publish(static_cast<int>(message.level), text.trimmed());
  }
  void flush_() override {}

 private:
  LogBridge* bridge_;
};

}  // namespace

LogBridge::LogBridge(QObject* parent) : QObject(parent) {
  auto sink = std::make_shared<BridgeSink>(this);
  sink->set_pattern("%H:%M:%S  %l  %v");
  sink_ = sink;
  addLogSink(sink_);
}

LogBridge::~LogBridge() {
  removeLogSink(sink_);
  std::static_pointer_cast<BridgeSink>(sink_)->detach();
}

void LogBridge::publish(int level, const QString& text) { Q_EMIT recordLogged(level, text); }

}  // namespace glowscope
