#include "core/util/json_reader.h"

#include "core/util/atomic_file.h"

namespace glowscope {

using Json = nlohmann::json;

Json readJsonFile(const std::filesystem::path& path) {
  const std::string text = readWholeFile(path);
  try {
    return Json::parse(text);
  } catch (const Json::parse_error& error) {
    throw FileError(path.string(), std::string("not valid JSON: ") + error.what());
  }
}

std::string jsonFieldPath(const std::string& prefix, const std::string& key) {
  return prefix.empty() ? key : prefix + "." + key;
}

JsonObjectReader::JsonObjectReader(const Json& object, std::string objectPath)
    : object_(object), objectPath_(std::move(objectPath)) {
  if (!object_.is_object())
    throw ConfigError(objectPath_.empty() ? "(root)" : objectPath_,
                      std::string("expected a JSON object, got ") + object_.type_name());
}

const Json* JsonObjectReader::find(const std::string& key) {
  known_.insert(key);
  const auto it = object_.find(key);
  return it == object_.end() ? nullptr : &*it;
}

void JsonObjectReader::wrongType(const std::string& key, const std::string& expected,
                                 const Json& got) const {
  throw ConfigError(path(key),
                    "expected " + expected + ", got " + got.type_name() + " " + got.dump());
}

void JsonObjectReader::read(const std::string& key, bool& value) {
  if (const Json* json = find(key)) {
    if (!json->is_boolean()) wrongType(key, "true or false", *json);
    value = json->get<bool>();
  }
}

void JsonObjectReader::read(const std::string& key, double& value) {
  if (const Json* json = find(key)) {
    if (!json->is_number()) wrongType(key, "a number", *json);
    value = json->get<double>();
  }
}

void JsonObjectReader::read(const std::string& key, std::string& value) {
  if (const Json* json = find(key)) {
    if (!json->is_string()) wrongType(key, "a string", *json);
    value = json->get<std::string>();
  }
}

void JsonObjectReader::read(const std::string& key, std::filesystem::path& value) {
  std::string text = value.string();
  read(key, text);
  value = text;
}

void JsonObjectReader::read(const std::string& key, std::vector<std::string>& value) {
  if (const Json* json = find(key)) {
    if (!json->is_array()) wrongType(key, "an array of strings", *json);
    std::vector<std::string> items;
    for (const Json& item : *json) {
      if (!item.is_string()) wrongType(key, "an array of strings", item);
      items.push_back(item.get<std::string>());
    }
    value = std::move(items);
  }
}

void JsonObjectReader::read(const std::string& key, std::vector<std::uint64_t>& value) {
  if (const Json* json = find(key)) {
    if (!json->is_array()) wrongType(key, "an array of non-negative integers", *json);
    std::vector<std::uint64_t> items;
    for (const Json& item : *json) {
      const bool nonNegative =
          item.is_number_unsigned() || (item.is_number_integer() && item.get<std::int64_t>() >= 0);
      if (!nonNegative) wrongType(key, "an array of non-negative integers", item);
      items.push_back(item.get<std::uint64_t>());
    }
    value = std::move(items);
  }
}

void JsonObjectReader::read(const std::string& key, std::map<std::string, std::string>& value) {
  if (const Json* json = find(key)) {
    if (!json->is_object()) wrongType(key, "an object of strings", *json);
    std::map<std::string, std::string> items;
    for (const auto& [name, item] : json->items()) {
      if (!item.is_string()) wrongType(key + "." + name, "a string", item);
      items[name] = item.get<std::string>();
    }
    value = std::move(items);
  }
}

void JsonObjectReader::readInteger(const std::string& key, std::int64_t minimum,
                                   std::uint64_t maximum,
                                   const std::function<void(const Json&)>& store) {
  const Json* json = find(key);
  if (!json) return;
  if (!json->is_number_integer()) wrongType(key, "an integer", *json);
  // Parsed non-negative integers are unsigned; integers set from code may be signed.
  const bool negative = !json->is_number_unsigned() && json->get<std::int64_t>() < 0;
  if (negative && minimum == 0) throw ConfigError(path(key), "must not be negative");
  const bool fits =
      negative ? json->get<std::int64_t>() >= minimum : json->get<std::uint64_t>() <= maximum;
  if (!fits) throw ConfigError(path(key), "is out of range: " + json->dump());
  store(*json);
}

void JsonObjectReader::readObject(const std::string& key, Json& value) {
  if (const Json* json = find(key)) {
    if (!json->is_object()) wrongType(key, "a JSON object", *json);
    value = *json;
  }
}

void JsonObjectReader::forEach(
    const std::string& key,
    const std::function<void(const Json& item, const std::string& itemPath)>& readItem) {
  const Json* json = find(key);
  if (!json) return;
  if (!json->is_array()) wrongType(key, "an array", *json);
  for (std::size_t i = 0; i < json->size(); ++i)
    readItem((*json)[i], path(key) + "[" + std::to_string(i) + "]");
}

void JsonObjectReader::finish() const {
  for (const auto& item : object_.items())
    if (!known_.contains(item.key()))
      throw ConfigError(path(item.key()), "unknown field (misspelt?)");
}

}  // namespace glowscope
