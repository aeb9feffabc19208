#pragma once
// Which images an experiment scores. One definition for the runner and the result views, so the
// thumbnails behind a histogram bin are exactly the images whose scores it counts. Torch-free.
#include <string>

#include "core/data/dataset_registry.h"
#include "core/data/image_set.h"

namespace glowscope {

struct ExperimentSpec;

/// The options every set of `spec` is loaded with: at most imagesPerSet images (0 = all) as a
/// random subset with seed 0 (the same images for every run seed and model), kept in file order,
/// at the set's own size (scoring brings them to each model's size). Row i of a results folder's
/// scores/<set>-seed<s>.csv belongs to image i of the set loaded so.
LoadOptions experimentLoadOptions(const ExperimentSpec& spec);

/// loadDataset(setName, experimentLoadOptions(spec)); throws what loadDataset throws.
ImageSet loadExperimentSet(const std::string& setName, const ExperimentSpec& spec);

}  // namespace glowscope
