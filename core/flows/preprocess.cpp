#include "core/flows/preprocess.h"

#include <cmath>

#include "core/flows/flow_layer.h"
#include "core/flows/profile_scope.h"
#include "core/util/errors.h"

namespace glowscope {

at::Tensor preprocessImages(const at::Tensor& images, PreprocessMode mode,
                            std::optional<at::Generator> generator) {
  GLOWSCOPE_PROFILE_SCOPE("preprocess");
  if (images.dim() != 4) throw Error("preprocessImages: expected a (B,C,H,W) tensor");
  if (images.scalar_type() != at::kByte && !at::isFloatingType(images.scalar_type()))
    throw Error("preprocessImages: expected uint8 pixels (or floating pixel values 0..255)");
  at::Tensor x = images.to(at::kFloat) / 256.0 - 0.5;
  switch (mode) {
    case PreprocessMode::TrainingNoise:
      return x + at::rand(x.sizes(), toC10Generator(generator), x.options()) / 256.0;
    case PreprocessMode::PaperEvaluation:
      return x + 1.0 / 512.0;
    case PreprocessMode::NoOffset:
      return x;
  }
  return x;
}

at::Tensor imagesToUint8(const at::Tensor& x) {
  return ((x + 0.5) * 256.0).floor().clamp(0.0, 255.0).to(at::kByte);
}

double bitsPerDimPerNat(std::int64_t dimsPerImage) {
  return -1.0 / (static_cast<double>(dimsPerImage) * std::log(2.0));
}

double bitsPerDim(double logLikelihoodNats, std::int64_t dimsPerImage) {
  return kUniformBitsPerDim + logLikelihoodNats * bitsPerDimPerNat(dimsPerImage);
}

at::Tensor bitsPerDim(const at::Tensor& logLikelihoodNats, std::int64_t dimsPerImage) {
  return logLikelihoodNats * bitsPerDimPerNat(dimsPerImage) + kUniformBitsPerDim;
}

}  // namespace glowscope
