#pragma once
#include <spdlog/logger.h>
#include <spdlog/sinks/sink.h>
#include <memory>

namespace glowscope {

/// The one logger every Glowscope module writes to ("glowscope"). It starts with a console sink
/// on stderr; front ends add their own sinks (the GUI's log panel, a file).
std::shared_ptr<spdlog::logger> logger();

/// Adds a sink to the Glowscope logger; safe to call from any thread.
void addLogSink(const spdlog::sink_ptr& sink);
void removeLogSink(const spdlog::sink_ptr& sink);

/// Silences the console sink (e.g. for a CLI writing a progress bar to stderr).
void setConsoleLogLevel(spdlog::level::level_enum level);

}  // namespace glowscope
