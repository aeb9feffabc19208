#pragma once
// 64-bit FNV-1a: a fast, stable content fingerprint for cache keys (photo-crop caches, score
// caches). Not cryptographic; stable across runs and platforms, which is what cache files need.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace glowscope {

inline constexpr std::uint64_t kFnv1aOffset = 0xcbf29ce484222325ull;

inline std::uint64_t fnv1a(const void* data, std::size_t size, std::uint64_t hash = kFnv1aOffset) {
  const auto* bytes = static_cast<const unsigned char*>(data);
  for (std::size_t i = 0; i < size; ++i) hash = (hash ^ bytes[i]) * 0x100000001b3ull;
  return hash;
}

inline std::uint64_t fnv1a(std::string_view text, std::uint64_t hash = kFnv1aOffset) {
  return fnv1a(text.data(), text.size(), hash);
}

}  // namespace glowscope
