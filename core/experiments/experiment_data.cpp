#include "core/experiments/experiment_data.h"

#include "core/experiments/experiment_spec.h"

namespace glowscope {

LoadOptions experimentLoadOptions(const ExperimentSpec& spec) {
  LoadOptions options;
  options.limit = spec.imagesPerSet;
  options.randomSubset = spec.imagesPerSet > 0;
  options.subsetSeed = 0;
  return options;
}

ImageSet loadExperimentSet(const std::string& setName, const ExperimentSpec& spec) {
  return loadDataset(setName, experimentLoadOptions(spec));
}

}  // namespace glowscope
