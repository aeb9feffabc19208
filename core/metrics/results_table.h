#pragma once
// One metric over (OOD set × score) as a paper-style table: CSV, Markdown or LaTeX (booktabs or
// plain rules; wide, transposed or split to fit a column), with the best cell of each row in bold.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/metrics/ood_metrics.h"

namespace glowscope {

/// One cell: a value (a fraction such as an AUROC when the metric is shown as a percentage),
/// with the sample sd across seeds when there were several.
struct TableCell {
  TableCell() = default;
  TableCell(double cellValue, std::optional<double> cellSd = std::nullopt)  // NOLINT: implicit
      : value(cellValue), sd(cellSd) {}

  double value = 0;
  std::optional<double> sd;
  /// Shown in brackets after the value (e.g. "2 non-finite" beside a mean bits/dim); its own
  /// "<column>_note" column in CSV.
  std::string note;

  /// Mean ± sample sd (n - 1) of per-seed values; no sd for a single seed.
  static TableCell fromSeeds(std::span<const double> perSeedValues);
};

/// What the numbers are and how to show them.
struct MetricDescription {
  std::string name = "AUROC";
  bool higherIsBetter = true;  ///< false for e.g. FPR at 95% TPR.
  bool asPercent = true;       ///< Show value·100 (the paper's "AUCs in %").
  int decimals = 1;
};

/// What a metric table of an experiment is about, as data: the files write it as an English
/// caption (ResultsTable::caption), a user interface composes its own, translated, sentence.
struct TableSubject {
  std::string experiment;      ///< the experiment's name
  std::string inDistribution;  ///< the in-distribution set
  std::vector<std::uint64_t> seeds;
};

/// How toLatex lays a table out.
struct LatexOptions {
  /// \label{...}; empty: "tab:" and the metric's name in lower case ("tab:auroc").
  std::string label;
  /// \toprule/\midrule/\bottomrule (needs \usepackage{booktabs}) or plain \hline.
  bool booktabs = true;
  /// Value columns that fit one column of a two-column paper at the table's font size.
  std::size_t maxColumns = 6;
  enum class Layout {
    Auto,        ///< Wide when it fits, else Transposed when that fits, else Split
    Wide,        ///< rows = OOD sets, columns = scores
    Transposed,  ///< rows = scores, columns = OOD sets; the best of each set still bold
    Split,       ///< the scores in blocks of maxColumns, one tabular each, in one float
  };
  Layout layout = Layout::Auto;
};

/// Rows are OOD sets, columns are score names, in order of first appearance.
class ResultsTable {
 public:
  explicit ResultsTable(MetricDescription metric = {});

  /// Free text; wins over the caption composed from setSubject.
  void setCaption(std::string caption) { caption_ = std::move(caption); }
  /// The caption becomes "<metric> (%) of <experiment>, <set> as in-distribution, seeds 0, 1".
  void setSubject(TableSubject subject) { subject_ = std::move(subject); }
  /// How the scores were read; its describe() text is printed with the caption in every format.
  void setConvention(ScoreConvention convention) { convention_ = convention; }
  void setRowHeader(std::string header) { rowHeader_ = std::move(header); }

  /// The English caption the files carry: setCaption's text, else one composed from the
  /// subject, else empty.
  std::string caption() const;
  const std::optional<TableSubject>& subject() const { return subject_; }
  const std::optional<ScoreConvention>& convention() const { return convention_; }

  std::size_t addRow(const std::string& name);     ///< Index of the row, added if new.
  std::size_t addColumn(const std::string& name);  ///< Index of the column, added if new.
  /// Adds the row and column if needed. Throws ConfigError on a non-finite value or sd.
  void set(const std::string& row, const std::string& column, TableCell cell);

  const MetricDescription& metric() const { return metric_; }
  const std::vector<std::string>& rows() const { return rows_; }
  const std::vector<std::string>& columns() const { return columns_; }
  std::optional<TableCell> cell(std::size_t row, std::size_t column) const;
  bool anySd() const;
  bool anyNote() const;
  /// "93.9", "93.9 ± 0.4" or "3.38 (2 non-finite)": value, sd and note as every format shows them.
  std::string formatCell(const TableCell& cell, const std::string& plusMinus = " ± ") const;

  /// Marks a row that is shown for reference but is not a contest (e.g. held-out images of the
  /// general distribution, which is no OOD set): its label gets " — <note>" and it has no best
  /// cell, so nothing in it is ever bold. Adds the row if needed.
  void setRowNote(const std::string& row, std::string note);
  /// The row's name, with " — <note>" for a row marked by setRowNote.
  std::string rowLabel(std::size_t row) const;
  /// False for rows marked by setRowNote.
  bool rowRanked(std::size_t row) const;
  /// The note of a row marked by setRowNote; empty for a ranked row.
  const std::string& rowNote(std::size_t row) const { return rowNotes_.at(row); }

  /// Columns whose displayed value is the best of the row (several on a displayed tie); none
  /// for a row that is not ranked.
  std::vector<std::size_t> bestColumns(std::size_t row) const;
  /// "93.9" or "93.9 ± 0.4" (plain text; LaTeX uses $\pm$).
  std::string formatValue(double value) const;
  /// The number formatValue prints, before rounding: value·100 for a percentage metric. For a
  /// view that prints it in its own locale with metric().decimals.
  double shownValue(double value) const { return metric_.asPercent ? 100.0 * value : value; }

  /// CSV with RFC 4180 quoting and "\n" line ends. With commentHeader, "# caption" and "#
  /// convention: ..." lines come first (and "# not ranked: <row> — <note>" per noted row). Columns:
  /// <row header>, then per score "<score>" (and
  /// "<score>_sd" when any cell has an sd), then "best" (the best scores of the row,
  /// ';'-separated). Values are the raw numbers (fractions, not percent) in shortest round-trip
  /// form; an empty field = no value.
  std::string toCsv(bool commentHeader = true) const;
  /// GitHub Markdown: caption paragraph, table, best cells as **x**.
  std::string toMarkdown() const;
  /// A table float: a comment naming the packages it needs, caption, \label, the tabular(s) in
  /// options' layout; best cells as \textbf{x}; score names through latexScoreName.
  std::string toLatex(const LatexOptions& options) const;
  /// toLatex with the default options and this label.
  std::string toLatex(const std::string& label = {}) const;

 private:
  /// The caption with the metric, its unit and direction, without repeating the metric's name
  /// when the caption already starts with it.
  std::string fullCaption() const;
  std::string latexTabular(const std::vector<std::size_t>& columns, bool transposed,
                           bool booktabs) const;
  bool isBest(std::size_t row, std::size_t column) const;
  std::string latexCell(std::size_t row, std::size_t column) const;

  MetricDescription metric_;
  std::string caption_;
  std::optional<TableSubject> subject_;
  std::optional<ScoreConvention> convention_;
  std::string rowHeader_ = "OOD set";
  std::vector<std::string> rows_;
  std::vector<std::string> columns_;
  std::vector<std::vector<std::optional<TableCell>>> cells_;  // [row][column]
  std::vector<std::string> rowNotes_;                         // [row]; empty = ranked
};

/// Escapes LaTeX's special characters (& % $ # _ { } ~ ^ \) for text mode.
std::string escapeLatex(const std::string& text);
/// A score or set name as LaTeX text: specials escaped, per-scale contributions as math (c_3 ->
/// $c_{3}$, c_L -> $c_{L}$), patch sizes as 4$\times$4, † as $^\dagger$, " — " as " --- ".
std::string latexScoreName(const std::string& name);
/// Escapes the characters that would break a Markdown table cell or add emphasis.
std::string escapeMarkdown(const std::string& text);
/// Quotes a CSV field when it holds a comma, quote, CR or LF (quotes doubled).
std::string escapeCsv(const std::string& field);

}  // namespace glowscope
