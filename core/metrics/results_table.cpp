#include "core/metrics/results_table.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cctype>
#include <cstdlib>
#include <sstream>
#include <string_view>

#include "core/metrics/statistics.h"
#include "core/util/errors.h"

namespace glowscope {
namespace {

std::string shortestRoundTrip(double value) {
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

std::string joined(const std::vector<std::string>& parts, const std::string& separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? separator : "") + parts[i];
  return out;
}

std::string replaceAll(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t pos = text.find(from); pos != std::string::npos;
       pos = text.find(from, pos + to.size())) {
    text.replace(pos, from.size(), to);
  }
  return text;
}

}  // namespace

TableCell TableCell::fromSeeds(std::span<const double> perSeedValues) {
  const MeanSd summary = meanAndSampleSd(perSeedValues);
  TableCell cell{summary.mean, std::nullopt};
  if (summary.hasSd()) cell.sd = summary.sd;
  return cell;
}

ResultsTable::ResultsTable(MetricDescription metric) : metric_(std::move(metric)) {
  if (metric_.decimals < 0 || metric_.decimals > 12) {
    throw ConfigError("decimals", "must lie in [0, 12]");
  }
}

std::size_t ResultsTable::addRow(const std::string& name) {
  const auto it = std::find(rows_.begin(), rows_.end(), name);
  if (it != rows_.end()) return static_cast<std::size_t>(it - rows_.begin());
  rows_.push_back(name);
  rowNotes_.emplace_back();
  cells_.emplace_back(columns_.size());
  return rows_.size() - 1;
}

std::size_t ResultsTable::addColumn(const std::string& name) {
  const auto it = std::find(columns_.begin(), columns_.end(), name);
  if (it != columns_.end()) return static_cast<std::size_t>(it - columns_.begin());
  columns_.push_back(name);
  for (auto& row : cells_) row.emplace_back();
  return columns_.size() - 1;
}

void ResultsTable::set(const std::string& row, const std::string& column, TableCell cell) {
  if (!std::isfinite(cell.value)) throw ConfigError(row + "/" + column, "value is not finite");
  if (cell.sd && !(std::isfinite(*cell.sd) && *cell.sd >= 0)) {
    throw ConfigError(row + "/" + column, "sd must be finite and non-negative");
  }
  const std::size_t r = addRow(row);
  const std::size_t c = addColumn(column);
  cells_[r][c] = cell;
}

std::optional<TableCell> ResultsTable::cell(std::size_t row, std::size_t column) const {
  if (row >= rows_.size() || column >= columns_.size()) return std::nullopt;
  return cells_[row][column];
}

bool ResultsTable::anySd() const {
  for (const auto& row : cells_) {
    for (const auto& c : row) {
      if (c && c->sd) return true;
    }
  }
  return false;
}

bool ResultsTable::anyNote() const {
  for (const auto& row : cells_)
    for (const auto& c : row)
      if (c && !c->note.empty()) return true;
  return false;
}

std::string ResultsTable::formatValue(double value) const {
  const double shown = shownValue(value);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", metric_.decimals, shown);
  std::string text(buffer);
  // "-0.0" would read as a real negative number in a paper table.
  if (text.front() == '-' && text.find_first_not_of("-0.") == std::string::npos) {
    text.erase(0, 1);
  }
  return text;
}

void ResultsTable::setRowNote(const std::string& row, std::string note) {
  rowNotes_[addRow(row)] = std::move(note);
}

std::string ResultsTable::rowLabel(std::size_t row) const {
  const std::string& note = rowNotes_.at(row);
  return note.empty() ? rows_.at(row) : rows_.at(row) + " \u2014 " + note;
}

bool ResultsTable::rowRanked(std::size_t row) const { return rowNotes_.at(row).empty(); }

std::vector<std::size_t> ResultsTable::bestColumns(std::size_t row) const {
  // Compare what the reader sees, so two cells that print the same are both bold.
  std::vector<std::size_t> best;
  if (!rowRanked(row)) return best;
  double bestShown = 0;
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    const auto& cell = cells_.at(row)[c];
    if (!cell) continue;
    const double shown = std::strtod(formatValue(cell->value).c_str(), nullptr);
    const bool better = metric_.higherIsBetter ? shown > bestShown : shown < bestShown;
    if (best.empty() || better) {
      best = {c};
      bestShown = shown;
    } else if (shown == bestShown) {
      best.push_back(c);
    }
  }
  return best;
}

std::string ResultsTable::formatCell(const TableCell& cell, const std::string& plusMinus) const {
  std::string text = formatValue(cell.value);
  if (cell.sd) text += plusMinus + formatValue(*cell.sd);
  if (!cell.note.empty()) text += " (" + cell.note + ")";
  return text;
}

std::string ResultsTable::caption() const {
  if (!caption_.empty() || !subject_) return caption_;
  std::string seeds;
  for (std::size_t i = 0; i < subject_->seeds.size(); ++i)
    seeds += (i ? ", " : "") + std::to_string(subject_->seeds[i]);
  return metric_.name + (metric_.asPercent ? " (%)" : "") + " of " + subject_->experiment + ", " +
         subject_->inDistribution + " as in-distribution, seeds " + seeds;
}

std::string ResultsTable::fullCaption() const {
  const std::string captionText = caption();
  std::string text = captionText;
  if (!text.empty() && std::string_view(".!?").find(text.back()) == std::string_view::npos)
    text += '.';
  const std::string direction = metric_.higherIsBetter ? "igher is better" : "ower is better";
  const char initial = metric_.higherIsBetter ? 'h' : 'l';
  std::string metric;
  // "AUROC (%) of ..." already names the metric: say it once.
  if (captionText.find(metric_.name) == std::string::npos)
    metric = metric_.name + (metric_.asPercent ? " (%)" : "") + ", " + initial + direction;
  else
    metric = static_cast<char>(std::toupper(initial)) + direction;
  text += (text.empty() ? "" : " ") + metric + "; best per row in bold.";
  if (convention_) text += " Convention: " + convention_->describe() + ".";
  return text;
}

std::string ResultsTable::toCsv(bool commentHeader) const {
  std::ostringstream out;
  const std::string captionText = caption();
  if (commentHeader && !captionText.empty())
    out << "# " << replaceAll(captionText, "\n", " ") << "\n";
  if (commentHeader && convention_) out << "# convention: " << convention_->describe() << "\n";
  for (std::size_t r = 0; commentHeader && r < rows_.size(); ++r)
    if (!rowRanked(r)) out << "# not ranked: " << replaceAll(rowLabel(r), "\n", " ") << "\n";
  const bool withSd = anySd();
  const bool withNote = anyNote();
  out << escapeCsv(rowHeader_);
  for (const std::string& column : columns_) {
    out << ',' << escapeCsv(column);
    if (withSd) out << ',' << escapeCsv(column + "_sd");
    if (withNote) out << ',' << escapeCsv(column + "_note");
  }
  out << ",best\n";
  for (std::size_t r = 0; r < rows_.size(); ++r) {
    out << escapeCsv(rows_[r]);
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      const auto& cell = cells_[r][c];
      out << ',' << (cell ? shortestRoundTrip(cell->value) : "");
      if (withSd) out << ',' << (cell && cell->sd ? shortestRoundTrip(*cell->sd) : "");
      if (withNote) out << ',' << (cell ? escapeCsv(cell->note) : "");
    }
    std::vector<std::string> bestNames;
    for (std::size_t c : bestColumns(r)) bestNames.push_back(columns_[c]);
    out << ',' << escapeCsv(joined(bestNames, ";")) << "\n";
  }
  return out.str();
}

std::string ResultsTable::toMarkdown() const {
  std::ostringstream out;
  out << escapeMarkdown(fullCaption()) << "\n\n| " << escapeMarkdown(rowHeader_) << " |";
  for (const std::string& column : columns_) out << ' ' << escapeMarkdown(column) << " |";
  out << "\n|---|";
  for (std::size_t c = 0; c < columns_.size(); ++c) out << "---:|";
  out << '\n';
  for (std::size_t r = 0; r < rows_.size(); ++r) {
    const std::vector<std::size_t> best = bestColumns(r);
    out << "| " << escapeMarkdown(rowLabel(r)) << " |";
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      const auto& cell = cells_[r][c];
      std::string text = cell ? formatCell(*cell, " ± ") : "–";
      if (cell && std::find(best.begin(), best.end(), c) != best.end()) text = "**" + text + "**";
      out << ' ' << text << " |";
    }
    out << '\n';
  }
  return out.str();
}

std::string escapeLatex(const std::string& text) {
  std::string out;
  for (char ch : text) {
    switch (ch) {
      case '\\':
        out += "\\textbackslash{}";
        break;
      case '~':
        out += "\\textasciitilde{}";
        break;
      case '^':
        out += "\\textasciicircum{}";
        break;
      case '&':
      case '%':
      case '$':
      case '#':
      case '_':
      case '{':
      case '}':
        out += '\\';
        out += ch;
        break;
      default:
        out += ch;
    }
  }
  return out;
}

std::string escapeMarkdown(const std::string& text) {
  std::string out;
  for (char ch : text) {
    if (ch == '\n') {
      out += ' ';
      continue;
    }
    if (std::string_view("\\|*_`[]<>").find(ch) != std::string_view::npos) out += '\\';
    out += ch;
  }
  return out;
}

std::string escapeCsv(const std::string& field) {
  if (field.find_first_of(",\"\n") == std::string::npos) return field;
  return '"' + replaceAll(field, "\"", "\"\"") + '"';
}

}  // namespace glowscope
