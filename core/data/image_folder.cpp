#include <algorithm>
#include <limits>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "core/data/loaders.h"
#include "core/util/atomic_file.h"

namespace glowscope {
namespace {

bool isImageFile(const std::filesystem::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  static const char* kExtensions[] = {".png",  ".jpg", ".jpeg", ".webp", ".bmp", ".tif",
                                      ".tiff", ".pgm", ".ppm",  ".pbm",  ".pnm"};
  return std::any_of(std::begin(kExtensions), std::end(kExtensions),
                     [&](const char* e) { return ext == e; });
}

std::vector<std::filesystem::path> sortedEntries(const std::filesystem::path& dir, bool folders) {
  std::vector<std::filesystem::path> out;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (folders ? entry.is_directory() : (entry.is_regular_file() && isImageFile(entry.path())))
      out.push_back(entry.path());
  }
  if (ec) throw DataError(dir.string(), "cannot list the folder: " + ec.message());
  std::sort(out.begin(), out.end());
  return out;
}

// Shorter side to `size` (area when shrinking, bilinear when enlarging), then centre crop.
cv::Mat resizeAndCrop(const cv::Mat& rgb, int size) {
  const double scale = double(size) / std::min(rgb.rows, rgb.cols);
  const int rows = std::max(size, int(std::lround(rgb.rows * scale)));
  const int cols = std::max(size, int(std::lround(rgb.cols * scale)));
  cv::Mat resized;
  cv::resize(rgb, resized, cv::Size(cols, rows), 0, 0,
             scale < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
  return resized(cv::Rect((cols - size) / 2, (rows - size) / 2, size, size)).clone();
}

void appendImage(ImageSet& set, const cv::Mat& interleaved) {
  const int64_t plane = set.height * set.width;
  const size_t base = set.pixels.size();
  set.pixels.resize(base + size_t(set.imageBytes()));
  for (int64_t p = 0; p < plane; ++p)
    for (int64_t c = 0; c < set.channels; ++c)
      set.pixels[base + size_t(c * plane + p)] = interleaved.data[p * set.channels + c];
  ++set.count;
}

void appendFile(ImageSet& set, const std::filesystem::path& file) {
  const DecodedImage decoded = decodeImageRgb(readDataFile(file), file.string());
  cv::Mat rgb(int(decoded.height), int(decoded.width), CV_8UC3,
              const_cast<uint8_t*>(decoded.rgb.data()));
  cv::Mat out = resizeAndCrop(rgb, int(set.height));
  if (set.channels == 1) cv::cvtColor(out, out, cv::COLOR_RGB2GRAY);
  appendImage(set, out);
}

}  // namespace

DecodedImage decodeImageRgb(std::string_view encoded, const std::string& source) {
  if (encoded.empty()) throw DataError(source, "empty image file");
  if (encoded.size() > size_t(std::numeric_limits<int>::max()))
    throw DataError(source, "image file larger than 2 GiB");
  cv::Mat buffer(1, int(encoded.size()), CV_8U, const_cast<char*>(encoded.data()));
  cv::Mat bgr;
  try {
    bgr = cv::imdecode(buffer, cv::IMREAD_COLOR);
  } catch (const cv::Exception& e) {
    throw DataError(source, std::string("cannot decode the image: ") + e.what());
  }
  if (bgr.empty()) throw DataError(source, "cannot decode the image (unknown format or corrupt)");
  cv::Mat rgb;
  cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
  DecodedImage out;
  out.height = rgb.rows;
  out.width = rgb.cols;
  out.rgb.assign(rgb.data, rgb.data + rgb.total() * 3);
  return out;
}

ImageSet loadImageFolder(const std::filesystem::path& dir, const ImageFolderOptions& options) {
  if (!std::filesystem::is_directory(dir)) throw DataError(dir.string(), "not a folder");
  if (options.size < 1 || options.size > 4096 || (options.channels != 1 && options.channels != 3))
    throw DataError(dir.string(), "image size must be 1..4096 and channels 1 or 3");
  ImageSet set;
  set.name = "folder:" + dir.string();
  set.channels = options.channels;
  set.height = set.width = options.size;
  const auto classes = sortedEntries(dir, true);
  const auto topFiles = sortedEntries(dir, false);
  if (!classes.empty() && !topFiles.empty()) {
    throw DataError(dir.string(), "mixes images and class sub-folders");
  }
  if (classes.empty()) {
    if (topFiles.empty()) throw DataError(dir.string(), "no images in the folder");
    for (const auto& file : topFiles) appendFile(set, file);
    return set;
  }
  for (size_t label = 0; label < classes.size(); ++label) {
    const auto files = sortedEntries(classes[label], false);
    if (files.empty()) throw DataError(classes[label].string(), "class folder holds no images");
    for (const auto& file : files) {
      appendFile(set, file);
      set.labels.push_back(int32_t(label));
    }
  }
  set.numClasses = int(classes.size());
  return set;
}

}  // namespace glowscope
