#include "core/util/errors.h"

namespace glowscope {

FileError::FileError(std::string path, const std::string& reason)
    : Error(path + ": " + reason), path_(std::move(path)), reason_(reason) {}

ConfigError::ConfigError(std::string field, const std::string& reason)
    : Error("config field '" + field + "': " + reason), field_(std::move(field)) {}

}  // namespace glowscope
