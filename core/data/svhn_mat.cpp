#include <matio.h>

#include <cmath>
#include <memory>
#include <mutex>

#include "core/data/loaders.h"
#include "core/util/log.h"

namespace glowscope {
namespace {

// matio prints to stderr by default; route it to our logger once.
void routeMatioLog() {
  static std::once_flag once;
  std::call_once(once, [] {
    Mat_LogInitFunc("glowscope", [](int level, char* message) {
      if (level <= 1)
        logger()->warn("matio: {}", message);
      else
        logger()->debug("matio: {}", message);
    });
  });
}

struct MatCloser {
  void operator()(mat_t* mat) const { Mat_Close(mat); }
};
struct VarFreer {
  void operator()(matvar_t* var) const { Mat_VarFree(var); }
};
using MatPtr = std::unique_ptr<mat_t, MatCloser>;
using VarPtr = std::unique_ptr<matvar_t, VarFreer>;

VarPtr readVariable(mat_t* mat, const char* name, const std::string& source, uint64_t maxElements) {
  VarPtr info(Mat_VarReadInfo(mat, name));
  if (!info) throw DataError(source, std::string("no variable '") + name + "' in the .mat file");
  uint64_t elements = 1;
  for (int d = 0; d < info->rank; ++d) {
    if (info->dims[d] != 0 && elements > maxElements / info->dims[d]) {
      throw DataError(source, std::string("variable '") + name + "' has absurd dimensions");
    }
    elements *= info->dims[d];
  }
  if (elements > maxElements) {
    throw DataError(source, std::string("variable '") + name + "' is larger than the file allows");
  }
  VarPtr var(Mat_VarRead(mat, name));
  if (!var || !var->data || var->isComplex) {
    throw DataError(source, std::string("cannot read variable '") + name + "' (truncated?)");
  }
  return var;
}

double numericAt(const matvar_t* var, size_t i) {
  switch (var->data_type) {
    case MAT_T_DOUBLE:
      return static_cast<const double*>(var->data)[i];
    case MAT_T_SINGLE:
      return static_cast<const float*>(var->data)[i];
    case MAT_T_UINT8:
      return static_cast<const uint8_t*>(var->data)[i];
    case MAT_T_INT8:
      return static_cast<const int8_t*>(var->data)[i];
    case MAT_T_UINT16:
      return static_cast<const uint16_t*>(var->data)[i];
    case MAT_T_INT16:
      return static_cast<const int16_t*>(var->data)[i];
    case MAT_T_UINT32:
      return static_cast<const uint32_t*>(var->data)[i];
    case MAT_T_INT32:
      return static_cast<const int32_t*>(var->data)[i];
    default:
      return NAN;
  }
}

size_t elementSize(const matvar_t* var) { return size_t(Mat_SizeOf(var->data_type)); }

}  // namespace

ImageSet loadSvhnMat(const std::filesystem::path& file) {
  routeMatioLog();
  const std::string source = file.string();
  std::error_code ec;
  const uint64_t fileSize = std::filesystem::file_size(file, ec);
  if (ec) throw DataError(source, "cannot read: " + ec.message());
  MatPtr mat(Mat_Open(source.c_str(), MAT_ACC_RDONLY));
  if (!mat) throw DataError(source, "not a MATLAB .mat file libmatio can open");
  // zlib cannot expand by more than ~1032:1: a bound that needs no allocation.
  const uint64_t maxElements = std::min<uint64_t>(fileSize * 1032, uint64_t(1) << 34);
  VarPtr x = readVariable(mat.get(), "X", source, maxElements);
  if (x->rank != 4 || x->dims[0] != 32 || x->dims[1] != 32 || x->dims[2] != 3 ||
      x->data_type != MAT_T_UINT8) {
    throw DataError(source, "X must be a 32x32x3xN uint8 array");
  }
  const int64_t count = int64_t(x->dims[3]);
  if (x->nbytes != size_t(count) * 3072) throw DataError(source, "X holds the wrong byte count");
  VarPtr y = readVariable(mat.get(), "y", source, maxElements);
  const size_t yCount = y->nbytes / std::max<size_t>(1, elementSize(y.get()));
  if (y->rank != 2 || std::min(y->dims[0], y->dims[1]) != 1 || yCount != size_t(count)) {
    throw DataError(source, "y must be an Nx1 array with one label per image in X (" +
                                std::to_string(count) + ")");
  }
  ImageSet set;
  set.name = "svhn:" + source;
  set.count = count;
  set.channels = 3;
  set.height = set.width = 32;
  set.numClasses = 10;
  set.pixels.resize(size_t(count) * 3072);
  set.labels.resize(size_t(count));
  const auto* xData = static_cast<const uint8_t*>(x->data);
  for (int64_t n = 0; n < count; ++n) {
    for (int64_t c = 0; c < 3; ++c) {
      const uint8_t* plane = xData + (n * 3 + c) * 1024;  // MATLAB column-major: [col][row]
      uint8_t* out = set.image(n) + c * 1024;
      for (int64_t row = 0; row < 32; ++row)
        for (int64_t col = 0; col < 32; ++col) out[row * 32 + col] = plane[col * 32 + row];
    }
    const double label = numericAt(y.get(), size_t(n));
    if (!(label >= 0 && label <= 10) || label != std::floor(label)) {
      throw DataError(source, "label " + std::to_string(n) + " is not an integer in 0..10");
    }
    set.labels[size_t(n)] = int32_t(label) % 10;  // SVHN stores digit 0 as 10
  }
  return set;
}

}  // namespace glowscope
