#include "core/runtime/core_share.h"

#include <algorithm>

namespace glowscope {
namespace {

thread_local const CoreShare::Seat* tCurrentSeat = nullptr;

}  // namespace

CoreShare::CoreShare(int totalThreads) : totalThreads_(std::max(1, totalThreads)) {}

int CoreShare::threadsEach() const {
  return std::max(1, totalThreads_ / std::max(1, running_.load()));
}

CoreShare::Seat::Seat(CoreShare* share, bool growable)
    : share_(share), outer_(tCurrentSeat), growable_(growable) {
  if (share_ == nullptr) return;
  share_->running_.fetch_add(1);
  tCurrentSeat = this;
}

CoreShare::Seat::~Seat() {
  if (share_ == nullptr) return;
  share_->running_.fetch_sub(1);
  tCurrentSeat = outer_;
}

int sharedThreadsForThisThread() {
  const CoreShare::Seat* seat = tCurrentSeat;
  if (seat == nullptr || !seat->growable_) return 0;
  return seat->share_->threadsEach();
}

}  // namespace glowscope
