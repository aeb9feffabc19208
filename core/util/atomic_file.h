#pragma once
#include <filesystem>
#include <functional>
#include <ostream>
#include <string_view>

namespace glowscope {

/// Writes a file so that readers see either the old content or the complete new one, never a
/// partial file: the data goes to a temporary file in the same folder, is fsync'ed, then renamed
/// over the target, and the folder is fsync'ed. Throws FileError on any failure and leaves the
/// previous file untouched.
void writeFileAtomically(const std::filesystem::path& target, std::string_view bytes);

/// Same guarantee for content produced by a stream writer (e.g. torch::save into an ostream).
void writeFileAtomically(const std::filesystem::path& target,
                         const std::function<void(std::ostream&)>& writeContent);

/// Reads a whole file; throws FileError naming the file when it is missing or unreadable.
std::string readWholeFile(const std::filesystem::path& path);

}  // namespace glowscope
