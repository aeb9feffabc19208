#pragma once
#include <QObject>
#include <QString>
#include <memory>

namespace spdlog::sinks {
class sink;
}

namespace glowscope {

/// Carries Glowscope's spdlog records into Qt as a signal. spdlog may log from any thread (the
/// training worker, OpenCV's pool), and its qt_sink writes straight into a widget that may be gone;
/// a long-lived QObject with a queued signal is safe in both respects.
class LogBridge : public QObject {
  Q_OBJECT

 public:
  /// Attaches a sink to glowscope::logger(); detaches it again in the destructor.
  explicit LogBridge(QObject* parent = nullptr);
  ~LogBridge() override;

  /// Called by the sink on the logging thread; emits recordLogged.
  void publish(int level, const QString& text);

 Q_SIGNALS:
  /// level is spdlog's level enum value (0 trace .. 6 off).
  void recordLogged(int level, const QString& text);

 private:
  std::shared_ptr<spdlog::sinks::sink> sink_;
};

}  // namespace glowscope
