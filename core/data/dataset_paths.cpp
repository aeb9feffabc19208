#include "core/data/dataset_paths.h"

#include <algorithm>
#include <cctype>

namespace glowscope {
namespace {

namespace fs = std::filesystem;

// Absolute and normalised, without a trailing separator (as the loaders' specs are written).
std::string cleanPath(const fs::path& path) {
  std::error_code error;
  fs::path absolute = fs::absolute(path, error).lexically_normal();
  std::string text = absolute.string();
  while (text.size() > 1 && text.back() == '/') text.pop_back();
  return text;
}

bool endsWithIgnoringCase(const std::string& text, const std::string& suffix) {
  if (text.size() < suffix.size()) return false;
  return std::equal(suffix.rbegin(), suffix.rend(), text.rbegin(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) ==
           std::tolower(static_cast<unsigned char>(b));
  });
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  if (const auto at = text.find(from); at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

std::string idxSpec(const fs::path& imageFile) {
  const std::string images = cleanPath(imageFile);
  const fs::path folder = fs::path(images).parent_path();
  std::string labelName = imageFile.filename().string();
  labelName =
      replaced(replaced(labelName, "images-idx3", "labels-idx1"), "images.idx3", "labels.idx1");
  std::error_code error;
  if (labelName != imageFile.filename().string() && fs::is_regular_file(folder / labelName, error))
    return "idx:" + images + "," + (folder / labelName).string();
  return "idx:" + images;
}

}  // namespace

std::string datasetSpecForPath(const fs::path& path) {
  std::error_code error;
  if (fs::is_directory(path, error)) {
    const std::string folder = cleanPath(path);
    if (fs::exists(path / "data_batch_1", error)) return "cifar10:" + folder;
    if (fs::exists(path / "train", error) && fs::exists(path / "meta", error))
      return "cifar100:" + folder;
    return "folder:" + folder;
  }
  if (!fs::is_regular_file(path, error)) return {};
  const std::string name = path.filename().string();
  if (name.starts_with("data_batch_") || name == "test_batch")
    return "cifar10:" + fs::path(cleanPath(path)).parent_path().string();
  if (endsWithIgnoringCase(name, ".mat")) return "svhn:" + cleanPath(path);
  if (name.find("idx3-ubyte") != std::string::npos) return idxSpec(path);
  return {};
}

}  // namespace glowscope
