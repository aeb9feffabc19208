// ResultsTable::toLatex and the LaTeX form of score names (the rest of the table is in
// results_table.cpp).
#include <algorithm>
#include <regex>
#include <sstream>

#include "core/metrics/results_table.h"

namespace glowscope {
namespace {

std::string labelFor(const std::string& metricName) {
  std::string slug;
  for (char c : metricName) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (keep)
      slug += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    else if (!slug.empty() && slug.back() != '-')
      slug += '-';
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return "tab:" + (slug.empty() ? std::string("results") : slug);
}

struct Rules {
  const char* top;
  const char* middle;
  const char* bottom;
};

Rules rules(bool booktabs) {
  if (booktabs) return {"\\toprule", "\\midrule", "\\bottomrule"};
  return {"\\hline", "\\hline", "\\hline"};
}

// The blocks of at most maxColumns value columns that Split lays out one under the other.
std::vector<std::vector<std::size_t>> columnBlocks(std::size_t columns, std::size_t maxColumns) {
  std::vector<std::vector<std::size_t>> blocks;
  const std::size_t perBlock = std::max<std::size_t>(1, maxColumns);
  for (std::size_t c = 0; c < columns; ++c) {
    if (c % perBlock == 0) blocks.emplace_back();
    blocks.back().push_back(c);
  }
  if (blocks.empty()) blocks.emplace_back();
  return blocks;
}

}  // namespace

std::string latexScoreName(const std::string& name) {
  // Per-scale contributions (c_1, c_L), patch sizes (4x4, 8x8) and the dagger of Diff†.
  // The UTF-8 bytes of † and " — " are matched as plain characters.
  static const std::regex special(std::string(R"((\bc_(\d+|[A-Za-z])\b)|(\b(\d+)x(\d+)\b)|()") +
                                  "\xE2\x80\xA0" + ")|( " + "\xE2\x80\x94" + " )");
  std::string out;
  auto begin = std::sregex_iterator(name.begin(), name.end(), special);
  std::size_t done = 0;
  for (auto match = begin; match != std::sregex_iterator(); ++match) {
    out += escapeLatex(name.substr(done, static_cast<std::size_t>(match->position()) - done));
    if ((*match)[1].matched)
      out += "$c_{" + (*match)[2].str() + "}$";
    else if ((*match)[3].matched)
      out += (*match)[4].str() + "$\\times$" + (*match)[5].str();
    else if ((*match)[6].matched)
      out += "$^\\dagger$";
    else
      out += " --- ";
    done = static_cast<std::size_t>(match->position() + match->length());
  }
  return out + escapeLatex(name.substr(done));
}

bool ResultsTable::isBest(std::size_t row, std::size_t column) const {
  const std::vector<std::size_t> best = bestColumns(row);
  return std::find(best.begin(), best.end(), column) != best.end();
}

std::string ResultsTable::latexCell(std::size_t row, std::size_t column) const {
  const auto& cell = cells_[row][column];
  if (!cell) return "--";
  const std::string text = formatCell(*cell, " $\\pm$ ");
  return isBest(row, column) ? "\\textbf{" + text + "}" : text;
}

// One tabular: rows = OOD sets and the given score columns, or transposed (rows = those scores,
// columns = OOD sets).
std::string ResultsTable::latexTabular(const std::vector<std::size_t>& columns, bool transposed,
                                       bool booktabs) const {
  const Rules rule = rules(booktabs);
  const std::size_t across = transposed ? rows_.size() : columns.size();
  std::ostringstream out;
  out << "\\begin{tabular}{l" << std::string(across, 'r') << "}\n" << rule.top << '\n';
  // Transposed, the corner would need a name for what the rows are: left empty.
  out << (transposed ? std::string() : latexScoreName(rowHeader_));
  if (transposed)
    for (std::size_t r = 0; r < rows_.size(); ++r) out << " & " << latexScoreName(rowLabel(r));
  else
    for (std::size_t c : columns) out << " & " << latexScoreName(columns_[c]);
  out << " \\\\\n" << rule.middle << '\n';
  if (transposed) {
    for (std::size_t c : columns) {
      out << latexScoreName(columns_[c]);
      for (std::size_t r = 0; r < rows_.size(); ++r) out << " & " << latexCell(r, c);
      out << " \\\\\n";
    }
  } else {
    for (std::size_t r = 0; r < rows_.size(); ++r) {
      out << latexScoreName(rowLabel(r));
      for (std::size_t c : columns) out << " & " << latexCell(r, c);
      out << " \\\\\n";
    }
  }
  out << rule.bottom << "\n\\end{tabular}\n";
  return out.str();
}

std::string ResultsTable::toLatex(const LatexOptions& options) const {
  using Layout = LatexOptions::Layout;
  Layout layout = options.layout;
  if (layout == Layout::Auto)
    layout = columns_.size() <= options.maxColumns ? Layout::Wide
             : rows_.size() <= options.maxColumns  ? Layout::Transposed
                                                   : Layout::Split;
  std::ostringstream out;
  out << (options.booktabs ? "% Needs \\usepackage{booktabs} (\\toprule, \\midrule, \\bottomrule).\n"
                           : "% Plain LaTeX rules (\\hline): no packages needed.\n");
  out << "\\begin{table}[t]\n\\centering\n";
  std::string caption = latexScoreName(fullCaption());
  if (layout == Layout::Transposed) caption += " Rows: scores; columns: OOD sets.";
  out << "\\caption{" << caption << "}\n";
  out << "\\label{" << (options.label.empty() ? labelFor(metric_.name) : options.label) << "}\n";
  std::vector<std::size_t> all(columns_.size());
  for (std::size_t c = 0; c < all.size(); ++c) all[c] = c;
  if (layout == Layout::Split) {
    const auto blocks = columnBlocks(columns_.size(), options.maxColumns);
    for (std::size_t b = 0; b < blocks.size(); ++b)
      out << (b ? "\\par\\medskip\n" : "") << latexTabular(blocks[b], false, options.booktabs);
  } else {
    out << latexTabular(all, layout == Layout::Transposed, options.booktabs);
  }
  out << "\\end{table}\n";
  return out.str();
}

std::string ResultsTable::toLatex(const std::string& label) const {
  LatexOptions options;
  options.label = label;
  return toLatex(options);
}

}  // namespace glowscope
