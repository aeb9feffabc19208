#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "core/analysis/task_control.h"
#include "core/data/image_set.h"

namespace glowscope::analysis {

/// How the real-valued mixed image returns to 8 bits (see docs/analysis.md).
enum class MixQuantisation {
  ClipRound,     ///< k = clamp(round(v), 0, 255): keeps the intensity scale (default)
  RescaleRound,  ///< per image, min..max of v mapped linearly to 0..255, then rounded
};

struct FourierMixOptions {
  MixQuantisation quantisation = MixQuantisation::ClipRound;
};

/// |DFT| of one real plane (height x width, row-major), same layout; OpenCV's unscaled forward DFT.
std::vector<double> fourierAmplitudes(std::span<const double> plane, int height, int width);

/// The spectrum shown beside a mixed image: log(1 + |DFT|) of image `index`, averaged over its
/// channels, with frequency 0 moved to (height/2, width/2) as numpy.fft.fftshift does;
/// row-major height x width.
std::vector<double> centredLogAmplitudeSpectrum(const ImageSet& images, int64_t index);

/// The real mixed image, before quantisation, in grey levels: per channel
/// Re(IDFT(|DFT(a)| * exp(i * arg DFT(b)))) of image `amplitudeIndex` of `amplitudeSources` and
/// image `phaseIndex` of `phaseSources` (equal C, H, W). Layout C x H x W.
std::vector<double> mixAmplitudePhaseUnquantised(const ImageSet& amplitudeSources,
                                                 int64_t amplitudeIndex,
                                                 const ImageSet& phaseSources, int64_t phaseIndex);

struct FourierMixResult {
  ImageSet mixed;  ///< image i = amplitudes of amplitudeSources[i], phases of phaseSources[i]
  double clippedFraction = 0.0;  ///< share of sub-pixels outside [0, 255] before quantisation
};

/// Mixes image i of one set with image i of the other, for all i; the sets must have equal
/// count, channels, height and width (ConfigError otherwise).
FourierMixResult mixAmplitudePhase(const ImageSet& amplitudeSources, const ImageSet& phaseSources,
                                   const FourierMixOptions& options = {},
                                   const TaskControl& control = {});

/// Supp. S3: Fourier mixing evaluated under a model (evaluateFourierMixing in correlations.h;
/// scoreFourierMixing in mixing_scores.h for torch-free callers). Per pair i: log p (nats) of the
/// amplitude source, of the phase source and of their mix.
struct FourierLikelihoodResult {
  FourierMixResult mix;  ///< image i = amplitudes of amplitudeSources[i], phases of phaseSources[i]
  std::vector<double> amplitudeSourceLogLikelihoodNats;
  std::vector<double> phaseSourceLogLikelihoodNats;
  std::vector<double> mixedLogLikelihoodNats;
  double spearmanWithAmplitudeSource = 0.0;  ///< rho(mixed, amplitude source)
  double spearmanWithPhaseSource = 0.0;      ///< rho(mixed, phase source)
};

}  // namespace glowscope::analysis
