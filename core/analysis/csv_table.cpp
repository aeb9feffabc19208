#include "core/analysis/csv_table.h"

#include <cmath>
#include <cstdio>
#include <sstream>

#include "core/util/atomic_file.h"
#include "core/util/errors.h"

namespace glowscope::analysis {
namespace {

std::string quoted(const std::string& cell) {
  if (cell.find_first_of(",\"\n\r") == std::string::npos) return cell;
  std::string out = "\"";
  for (const char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void appendLine(std::ostringstream& out, const std::vector<std::string>& cells) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out << ',';
    out << quoted(cells[i]);
  }
  out << '\n';
}

}  // namespace

CsvTable::CsvTable(std::vector<std::string> header) : header_(std::move(header)) {}

void CsvTable::addRow(std::vector<std::string> cells) {
  if (cells.size() != header_.size()) {
    throw ConfigError("csv", "row has " + std::to_string(cells.size()) + " cells, header " +
                                 std::to_string(header_.size()));
  }
  rows_.push_back(std::move(cells));
}

std::string CsvTable::toString() const {
  std::ostringstream out;
  appendLine(out, header_);
  for (const auto& row : rows_) appendLine(out, row);
  return out.str();
}

void CsvTable::write(const std::filesystem::path& path) const {
  writeFileAtomically(path, toString());
}

std::string CsvTable::number(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.10g", value);
  return buffer;
}

CsvTable correlationMatrixTable(const CorrelationMatrix& matrix) {
  std::vector<std::string> header = {"model"};
  header.insert(header.end(), matrix.labels.begin(), matrix.labels.end());
  CsvTable table(header);
  for (size_t row = 0; row < matrix.labels.size(); ++row) {
    std::vector<std::string> cells = {matrix.labels[row]};
    for (const double rho : matrix.values[row]) cells.push_back(CsvTable::number(rho));
    table.addRow(cells);
  }
  return table;
}

}  // namespace glowscope::analysis
