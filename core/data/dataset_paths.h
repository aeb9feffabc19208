#pragma once
// Which loader reads a file or folder a user points at (the dataset browser's "Add from disk"
// and drops).
#include <filesystem>
#include <string>

namespace glowscope {

/// The loadDataset spec for a path: a CIFAR-10 folder (data_batch_1 inside) or one of its batch
/// files -> "cifar10:<folder>"; a folder with "train" and "meta" -> "cifar100:<folder>"; any
/// other folder -> "folder:<folder>"; a .mat file -> "svhn:<file>"; an IDX image file
/// (*idx3-ubyte*) -> "idx:<file>[,<labels>]" with its labels file when one lies beside it.
/// Paths are absolute. Empty when the path is neither a readable file nor a folder.
std::string datasetSpecForPath(const std::filesystem::path& path);

}  // namespace glowscope
