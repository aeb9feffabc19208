#include "core/analysis/fourier_mixing.h"

#include <algorithm>
#include <cmath>
#include <opencv2/core.hpp>
#include <string>

#include "core/util/errors.h"

namespace glowscope::analysis {
namespace {

cv::Mat complexSpectrum(const cv::Mat& plane) {
  cv::Mat spectrum;
  cv::dft(plane, spectrum, cv::DFT_COMPLEX_OUTPUT);
  return spectrum;  // CV_64FC2
}

// Re(IDFT(|A| * B / |B|)); a bin where B is 0 has no phase and keeps phase 0.
cv::Mat mixPlanes(const cv::Mat& amplitudePlane, const cv::Mat& phasePlane) {
  const cv::Mat amplitudeSpectrum = complexSpectrum(amplitudePlane);
  const cv::Mat phaseSpectrum = complexSpectrum(phasePlane);
  cv::Mat mixedSpectrum(amplitudeSpectrum.size(), CV_64FC2);
  for (int y = 0; y < mixedSpectrum.rows; ++y) {
    for (int x = 0; x < mixedSpectrum.cols; ++x) {
      const cv::Vec2d a = amplitudeSpectrum.at<cv::Vec2d>(y, x);
      const cv::Vec2d b = phaseSpectrum.at<cv::Vec2d>(y, x);
      const double amplitude = std::hypot(a[0], a[1]);
      const double phaseNorm = std::hypot(b[0], b[1]);
      mixedSpectrum.at<cv::Vec2d>(y, x) =
          phaseNorm > 0.0 ? cv::Vec2d(amplitude * b[0] / phaseNorm, amplitude * b[1] / phaseNorm)
                          : cv::Vec2d(amplitude, 0.0);
    }
  }
  cv::Mat complexImage;
  cv::dft(mixedSpectrum, complexImage, cv::DFT_INVERSE | cv::DFT_SCALE | cv::DFT_COMPLEX_OUTPUT);
  cv::Mat realAndImaginary[2];
  cv::split(complexImage, realAndImaginary);
  return realAndImaginary[0];
}

cv::Mat planeOf(const ImageSet& images, int64_t index, int64_t channel) {
  const cv::Mat bytes(
      static_cast<int>(images.height), static_cast<int>(images.width), CV_8UC1,
      const_cast<uint8_t*>(images.image(index) + channel * images.height * images.width));
  cv::Mat plane;
  bytes.convertTo(plane, CV_64F);
  return plane;
}

void validatePair(const ImageSet& a, int64_t ia, const ImageSet& b, int64_t ib) {
  if (a.channels != b.channels || a.height != b.height || a.width != b.width) {
    throw ConfigError("images", "amplitude and phase sources must have the same C, H and W");
  }
  if (ia < 0 || ia >= a.count || ib < 0 || ib >= b.count) {
    throw ConfigError("index", "image index out of range for Fourier mixing");
  }
  if (static_cast<int64_t>(a.pixels.size()) != a.count * a.imageBytes() ||
      static_cast<int64_t>(b.pixels.size()) != b.count * b.imageBytes()) {
    throw ConfigError("images", "pixel buffer size does not match count x C x H x W");
  }
}

void quantiseInto(const std::vector<double>& values, MixQuantisation mode, uint8_t* out,
                  int64_t& clipped) {
  double offset = 0.0, scale = 1.0;
  if (mode == MixQuantisation::RescaleRound) {
    const auto [lowest, highest] = std::minmax_element(values.begin(), values.end());
    offset = *lowest;
    scale = *highest > *lowest ? 255.0 / (*highest - *lowest) : 0.0;
  }
  for (size_t i = 0; i < values.size(); ++i) {
    const double v = std::round((values[i] - offset) * scale);
    if (v < 0.0 || v > 255.0) ++clipped;
    out[i] = static_cast<uint8_t>(std::clamp(v, 0.0, 255.0));
  }
}

}  // namespace

std::vector<double> fourierAmplitudes(std::span<const double> plane, int height, int width) {
  if (height < 1 || width < 1 || static_cast<int64_t>(plane.size()) != int64_t{height} * width) {
    throw ConfigError("plane", "size does not match height x width");
  }
  const cv::Mat input(height, width, CV_64F, const_cast<double*>(plane.data()));
  const cv::Mat spectrum = complexSpectrum(input);
  std::vector<double> amplitudes;
  amplitudes.reserve(plane.size());
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      const cv::Vec2d z = spectrum.at<cv::Vec2d>(y, x);
      amplitudes.push_back(std::hypot(z[0], z[1]));
    }
  }
  return amplitudes;
}

std::vector<double> mixAmplitudePhaseUnquantised(const ImageSet& amplitudeSources,
                                                 int64_t amplitudeIndex,
                                                 const ImageSet& phaseSources, int64_t phaseIndex) {
  validatePair(amplitudeSources, amplitudeIndex, phaseSources, phaseIndex);
  std::vector<double> mixed;
  mixed.reserve(static_cast<size_t>(amplitudeSources.imageBytes()));
  for (int64_t c = 0; c < amplitudeSources.channels; ++c) {
    const cv::Mat plane = mixPlanes(planeOf(amplitudeSources, amplitudeIndex, c),
                                    planeOf(phaseSources, phaseIndex, c));
    for (int y = 0; y < plane.rows; ++y) {
      const double* row = plane.ptr<double>(y);
      mixed.insert(mixed.end(), row, row + plane.cols);
    }
  }
  return mixed;
}

FourierMixResult mixAmplitudePhase(const ImageSet& amplitudeSources, const ImageSet& phaseSources,
                                   const FourierMixOptions& options, const TaskControl& control) {
  if (amplitudeSources.count != phaseSources.count) {
    throw ConfigError("images", "amplitude and phase sources must hold as many images");
  }
  FourierMixResult result;
  result.mixed.name =
      "fourier-mix(amplitude " + amplitudeSources.name + ", phase " + phaseSources.name + ")";
  result.mixed.count = amplitudeSources.count;
  result.mixed.channels = amplitudeSources.channels;
  result.mixed.height = amplitudeSources.height;
  result.mixed.width = amplitudeSources.width;
  result.mixed.pixels.resize(static_cast<size_t>(result.mixed.count * result.mixed.imageBytes()));
  int64_t clipped = 0;
  for (int64_t i = 0; i < amplitudeSources.count; ++i) {
    if (i % 64 == 0) {
      control.checkpoint(
          static_cast<double>(i) / static_cast<double>(amplitudeSources.count),
          "Fourier mixing " + std::to_string(i) + "/" + std::to_string(amplitudeSources.count));
    }
    const std::vector<double> mixed =
        mixAmplitudePhaseUnquantised(amplitudeSources, i, phaseSources, i);
    quantiseInto(mixed, options.quantisation, result.mixed.image(i), clipped);
  }
  const int64_t total = result.mixed.count * result.mixed.imageBytes();
  result.clippedFraction =
      total > 0 ? static_cast<double>(clipped) / static_cast<double>(total) : 0;
  control.checkpoint(1.0, "Fourier mixing done");
  return result;
}

std::vector<double> centredLogAmplitudeSpectrum(const ImageSet& images, int64_t index) {
  const int height = int(images.height), width = int(images.width);
  const std::size_t plane = std::size_t(height) * std::size_t(width);
  std::vector<double> mean(plane, 0.0);
  for (std::int64_t c = 0; c < images.channels; ++c) {
    const std::uint8_t* pixels = images.image(index) + std::size_t(c) * plane;
    const std::vector<double> values(pixels, pixels + plane);
    const std::vector<double> amplitudes = fourierAmplitudes(values, height, width);
    for (std::size_t i = 0; i < plane; ++i)
      mean[i] += std::log1p(amplitudes[i]) / double(images.channels);
  }
  // fftshift: frequency 0 moves to (height/2, width/2), as numpy.fft.fftshift.
  std::vector<double> shifted(plane);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      shifted[std::size_t((y + height / 2) % height) * std::size_t(width) +
              std::size_t((x + width / 2) % width)] =
          mean[std::size_t(y) * std::size_t(width) + std::size_t(x)];
  return shifted;
}

}  // namespace glowscope::analysis
