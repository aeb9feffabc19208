#include "core/models/gated_resnet.h"

#include "core/flows/flow_layer.h"
#include "core/util/errors.h"

namespace glowscope {
namespace {

ConvShape blockConv(const GatedResnetOptions& o, int outChannels, double initScale) {
  const bool down = o.kind == ShiftKind::Down;
  return ConvShape{2 * o.filters, outChannels, 2, down ? 3 : 2, initScale};
}

}  // namespace

GatedResnetImpl::GatedResnetImpl(const GatedResnetOptions& options, at::Generator& generator)
    : options_(options) {
  conv1_ = register_module(
      "conv1", ShiftedConv2d(options.kind, blockConv(options, options.filters, 1.0), 1, generator));
  if (options.skipChannels > 0)
    skipNin_ = register_module(
        "skip", NetworkInNetwork(2 * options.skipChannels, options.filters, generator));
  conv2_ = register_module(
      "conv2",
      ShiftedConv2d(options.kind, blockConv(options, 2 * options.filters, 0.1), 1, generator));
}

at::Tensor GatedResnetImpl::forward(const at::Tensor& x, const at::Tensor& skip,
                                    const std::optional<at::Generator>& dropoutGenerator) {
  at::Tensor c1 = conv1_->forward(concatElu(x));
  if (options_.skipChannels > 0) {
    if (!skip.defined()) throw Error("GatedResnet: the block needs its skip input");
    c1 = c1 + skipNin_->forward(concatElu(skip));
  }
  c1 = concatElu(c1);
  if (is_training() && options_.dropout > 0.0) {
    const double keep = 1.0 - options_.dropout;
    at::Tensor mask = at::empty_like(c1).bernoulli_(keep, toC10Generator(dropoutGenerator));
    c1 = c1 * mask / keep;
  }
  at::Tensor c2 = conv2_->forward(c1);
  return x + c2.narrow(1, 0, options_.filters) *
                 at::sigmoid(c2.narrow(1, options_.filters, options_.filters));
}

}  // namespace glowscope
