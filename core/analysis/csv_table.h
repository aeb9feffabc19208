#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "core/analysis/correlations.h"

namespace glowscope::analysis {

/// A small CSV table (RFC 4180 quoting for cells with commas, quotes or newlines). Numbers are
/// written with 10 significant digits; NaN as "nan", infinities as "inf" / "-inf".
class CsvTable {
 public:
  explicit CsvTable(std::vector<std::string> header);
  /// Throws ConfigError when the row's width differs from the header's.
  void addRow(std::vector<std::string> cells);
  std::string toString() const;
  /// Writes atomically; throws FileError.
  void write(const std::filesystem::path& path) const;
  size_t rowCount() const { return rows_.size(); }

  static std::string number(double value);

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

/// "model,<label 1>,...,<label n>" then one row per label.
CsvTable correlationMatrixTable(const CorrelationMatrix& matrix);

}  // namespace glowscope::analysis
