#pragma once
#include <stdexcept>
#include <string>

namespace glowscope {

/// Base of every error Glowscope reports to users: the message is meant to be shown as is.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A file could not be read or written, or its content is not what it should be.
class FileError : public Error {
 public:
  FileError(std::string path, const std::string& reason);
  const std::string& path() const { return path_; }
  const std::string& reason() const { return reason_; }

 private:
  std::string path_;
  std::string reason_;
};

/// A configuration (JSON or flags) names an unknown field or holds a bad value.
class ConfigError : public Error {
 public:
  ConfigError(std::string field, const std::string& reason);
  const std::string& field() const { return field_; }

 private:
  std::string field_;
};

/// The user asked to stop a long task; thrown from progress checkpoints.
class CancelledError : public Error {
 public:
  CancelledError() : Error("cancelled") {}
};

}  // namespace glowscope
