#pragma once
// The one strict reader for the JSON documents Glowscope reads (training config, model config,
// project file, experiment spec, score definitions): fields are read by name, a value of the
// wrong type is refused, and a field nobody read is reported as unknown (usually a typo), always
// as a ConfigError naming the field's full path ("optimizer.learningRate", "models[1].id").
#include <concepts>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "core/util/errors.h"

namespace glowscope {

/// The JSON document in `path`. FileError naming the file when it cannot be read or is not JSON.
nlohmann::json readJsonFile(const std::filesystem::path& path);

/// "prefix.key", or "key" at the document root (empty prefix).
std::string jsonFieldPath(const std::string& prefix, const std::string& key);

class JsonObjectReader {
 public:
  /// `objectPath` names the object in messages: empty for the document root, else e.g.
  /// "losses" or "models[2]". ConfigError when `object` is not a JSON object.
  JsonObjectReader(const nlohmann::json& object, std::string objectPath);

  /// The full path of field `key` of this object.
  std::string path(const std::string& key) const { return jsonFieldPath(objectPath_, key); }
  /// The field's value, or null when absent; either way the field counts as known.
  const nlohmann::json* find(const std::string& key);

  // Each read leaves `value` as it is when the field is absent and throws ConfigError when the
  // value has the wrong type (or, for integers, does not fit `value`).
  void read(const std::string& key, bool& value);
  void read(const std::string& key, double& value);
  void read(const std::string& key, std::string& value);
  void read(const std::string& key, std::filesystem::path& value);
  void read(const std::string& key, std::vector<std::string>& value);
  void read(const std::string& key, std::vector<std::uint64_t>& value);
  /// An object whose values are all strings.
  void read(const std::string& key, std::map<std::string, std::string>& value);
  template <std::integral Integer>
  void read(const std::string& key, Integer& value);
  /// An object value, kept as JSON (read later by its own reader, e.g. a nested config).
  void readObject(const std::string& key, nlohmann::json& value);

  /// As read(), but the field must be present ("is required" otherwise).
  template <typename T>
  void require(const std::string& key, T& value) {
    if (!object_.contains(key)) throw ConfigError(path(key), "is required");
    read(key, value);
  }
  /// Calls `readItem(item, "key[i]")` for each item of an array field (absent: no call).
  void forEach(
      const std::string& key,
      const std::function<void(const nlohmann::json& item, const std::string& itemPath)>& readItem);

  /// ConfigError for the first field that was never looked up ("unknown field (misspelt?)").
  void finish() const;

 private:
  [[noreturn]] void wrongType(const std::string& key, const std::string& expected,
                              const nlohmann::json& got) const;
  void readInteger(const std::string& key, std::int64_t minimum, std::uint64_t maximum,
                   const std::function<void(const nlohmann::json&)>& store);

  const nlohmann::json& object_;
  std::string objectPath_;
  std::set<std::string> known_;
};

template <std::integral Integer>
void JsonObjectReader::read(const std::string& key, Integer& value) {
  readInteger(key, static_cast<std::int64_t>(std::numeric_limits<Integer>::min()),
              static_cast<std::uint64_t>(std::numeric_limits<Integer>::max()),
              [&value](const nlohmann::json& json) { value = json.get<Integer>(); });
}

}  // namespace glowscope
