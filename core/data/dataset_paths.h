#pragma once
// Which loader reads a file or folder a user points at (the dataset browser's "Add from disk"
// and drops). Files are told apart by their first bytes, never by their names: a user's copy of
// an IDX file may be called anything.
#include <filesystem>
#include <string>

namespace glowscope {

/// What a path holds: the loadDataset spec, or (spec empty) why no loader reads it.
struct DatasetPathGuess {
  std::string spec;
  std::string reason;  ///< one sentence for the user when spec is empty
};

/// The loadDataset spec for a path: a CIFAR-10 folder (data_batch_1 inside) or one of its batch
/// files (a Python pickle) -> "cifar10:<folder>"; a folder with "train" and "meta", or a pickle
/// in it -> "cifar100:<folder>"; any other folder -> "folder:<folder>"; a MATLAB file (header
/// "MATLAB") -> "svhn:<file>"; a uint8 IDX image file, raw or gzip (magic 00 00 08 03) ->
/// "idx:<file>[,<labels>]" with its labels file when one lies beside it under the usual name.
/// Paths are absolute.
DatasetPathGuess identifyDatasetPath(const std::filesystem::path& path);

/// identifyDatasetPath's spec: empty when no loader reads the path.
std::string datasetSpecForPath(const std::filesystem::path& path);

}  // namespace glowscope
