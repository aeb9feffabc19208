#include "core/util/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>

#include "core/util/errors.h"

namespace glowscope {
namespace {

std::string errnoText() { return std::strerror(errno); }

void fsyncPath(const std::filesystem::path& path, int flags) {
  const int fd = ::open(path.c_str(), flags);
  if (fd < 0) throw FileError(path.string(), "cannot open for fsync: " + errnoText());
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) throw FileError(path.string(), "fsync failed: " + errnoText());
}

std::filesystem::path temporarySibling(const std::filesystem::path& target) {
  std::random_device device;
  std::ostringstream name;
  name << "." << target.filename().string() << ".tmp-" << ::getpid() << "-" << device();
  return target.parent_path() / name.str();
}

}  // namespace

void writeFileAtomically(const std::filesystem::path& target,
                         const std::function<void(std::ostream&)>& writeContent) {
  const auto folder =
      target.parent_path().empty() ? std::filesystem::path(".") : target.parent_path();
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec) throw FileError(folder.string(), "cannot create folder: " + ec.message());
  const auto temporary = temporarySibling(folder / target.filename());
  try {
    {
      std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
      if (!out) throw FileError(temporary.string(), "cannot create: " + errnoText());
      writeContent(out);
      out.flush();
      if (!out) throw FileError(temporary.string(), "write failed (disk full?)");
    }
    fsyncPath(temporary, O_RDONLY);
    if (::rename(temporary.c_str(), target.c_str()) != 0)
      throw FileError(target.string(), "cannot replace: " + errnoText());
  } catch (...) {
    std::filesystem::remove(temporary, ec);
    throw;
  }
  fsyncPath(folder, O_RDONLY | O_DIRECTORY);
}

void writeFileAtomically(const std::filesystem::path& target, std::string_view bytes) {
  writeFileAtomically(target, [bytes](std::ostream& out) {
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  });
}

std::string readWholeFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw FileError(path.string(), "cannot open for reading");
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) throw FileError(path.string(), "read failed");
  return content.str();
}

}  // namespace glowscope
