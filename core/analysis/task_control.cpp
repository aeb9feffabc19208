#include "core/analysis/task_control.h"

#include <algorithm>

#include "core/util/errors.h"

namespace glowscope::analysis {

void TaskControl::throwIfCancelled() const {
  if (cancelRequested != nullptr && cancelRequested->load(std::memory_order_relaxed)) {
    throw CancelledError();
  }
}

void TaskControl::checkpoint(double fraction, const std::string& stage) const {
  throwIfCancelled();
  if (onProgress) onProgress(std::clamp(fraction, 0.0, 1.0), stage);
}

}  // namespace glowscope::analysis
