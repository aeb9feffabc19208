#include "core/scoring/model_scores.h"

#include <ATen/ATen.h>
#include <c10/core/InferenceMode.h>

#include <algorithm>
#include <cmath>

#include "core/data/tensor_batches.h"
#include "core/flows/bits_per_dim.h"
#include "core/models/flow_likelihood.h"
#include "core/scoring/model_input.h"
#include "core/util/errors.h"

namespace glowscope {
namespace {

void appendColumn(std::vector<double>& column, const at::Tensor& values) {
  const at::Tensor cpu = values.detach().to(at::kCPU, at::kDouble).contiguous();
  const double* data = cpu.data_ptr<double>();
  column.insert(column.end(), data, data + cpu.numel());
}

}  // namespace

std::vector<double> ModelScores::bitsPerDim() const {
  std::vector<double> bits(logLikelihoodNats.size());
  std::transform(logLikelihoodNats.begin(), logLikelihoodNats.end(), bits.begin(),
                 [this](double nats) { return glowscope::bitsPerDim(nats, dimsPerImage); });
  return bits;
}

double ModelScores::meanBitsPerDim() const {
  double sum = 0;
  std::size_t finite = 0;
  for (double bits : bitsPerDim()) {
    if (!std::isfinite(bits)) continue;
    sum += bits;
    ++finite;
  }
  return finite == 0 ? std::nan("") : sum / static_cast<double>(finite);
}

std::size_t ModelScores::nonFiniteCount() const {
  return static_cast<std::size_t>(std::count_if(logLikelihoodNats.begin(), logLikelihoodNats.end(),
                                                [](double nats) { return !std::isfinite(nats); }));
}

ModelScores scoreImages(LikelihoodModelImpl& model, const ImageSet& images,
                        const ScoringOptions& options) {
  if (options.batchSize <= 0) throw ConfigError("batchSize", "must be positive");
  const ImageShape shape = model.imageShape();
  const ImageSet prepared = prepareImagesForModel(images, shape);
  const at::Tensor all = toUint8Tensor(prepared);
  // Noise is drawn on the CPU, then the input moves to the model: the same scores on any device.
  const LikelihoodOptions input{options.mode, at::detail::createCPUGenerator(options.noiseSeed)};
  c10::InferenceMode inference;  // no autograd records, no version counters: faster than no-grad
  const bool wasTraining = model.is_training();
  model.eval();
  ModelScores scores;
  scores.dimsPerImage = shape.dims();
  const std::int64_t total = prepared.count;
  for (std::int64_t start = 0; start < total; start += options.batchSize) {
    if (options.cancel != nullptr && options.cancel->load()) throw CancelledError();
    const std::int64_t end = std::min(total, start + options.batchSize);
    const at::Tensor x = model.inputFromPixels(all.slice(0, start, end), input);
    const LikelihoodOutput output = model.logLikelihoodOfInput(x.to(model.device()));
    appendColumn(scores.logLikelihoodNats, output.logLikelihoodNats);
    scores.scaleLogLikelihoodNats.resize(output.scaleLogLikelihoodNats.size());
    for (std::size_t scale = 0; scale < output.scaleLogLikelihoodNats.size(); ++scale)
      appendColumn(scores.scaleLogLikelihoodNats[scale], output.scaleLogLikelihoodNats[scale]);
    if (options.progress) options.progress(end, total);
  }
  model.train(wasTraining);
  return scores;
}

ModelScores scoreImages(FlowModelImpl& model, const ImageSet& images,
                        const ScoringOptions& options) {
  const bool wasTraining = model.is_training();
  FlowLikelihoodModelImpl adapter(std::dynamic_pointer_cast<FlowModelImpl>(model.shared_from_this()));
  adapter.train(wasTraining);  // so that the call restores the flow's own state
  return scoreImages(adapter, images, options);
}

}  // namespace glowscope
