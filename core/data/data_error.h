#pragma once
#include <string>

#include "core/util/errors.h"

namespace glowscope {

/// A data file (or folder) is missing, truncated, malformed or inconsistent. path() names the
/// file, reason() says what is wrong with it; the message is "<path>: <reason>".
class DataError : public FileError {
 public:
  using FileError::FileError;
};

}  // namespace glowscope
