#include "widgets/views/figure_options_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QDoubleValidator>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <cmath>

namespace glowscope {
namespace {

QDoubleSpinBox* millimetreBox() {
  auto* box = new QDoubleSpinBox;
  box->setRange(10, 1000);
  box->setDecimals(1);
  box->setSuffix(QStringLiteral(" mm"));
  return box;
}

// An axis limit: empty = the plot's own.
QLineEdit* limitEdit() {
  auto* edit = new QLineEdit;
  edit->setPlaceholderText(QObject::tr("auto"));
  edit->setValidator(new QDoubleValidator(edit));
  return edit;
}

double limitOf(const QLineEdit* edit) {
  bool ok = false;
  const double value = QLocale().toDouble(edit->text(), &ok);
  return ok ? value : qQNaN();
}

void setLimit(QLineEdit* edit, double value) {
  edit->setText(std::isfinite(value) ? QLocale().toString(value, 'g', 8) : QString());
}

QHBoxLayout* pair(QWidget* a, QWidget* b) {
  auto* row = new QHBoxLayout;
  row->addWidget(a);
  row->addWidget(new QLabel(QObject::tr("to")));
  row->addWidget(b);
  return row;
}

struct Preset {
  double widthMm, heightMm, fontPt;
};
constexpr Preset kPresets[] = {{0, 0, 0}, {85, 60, 8}, {120, 80, 8}, {175, 110, 9}};

}  // namespace

FigureOptionsDialog::FigureOptionsDialog(const FigureOptions& options, QWidget* parent)
    : QDialog(parent),
      preset_(new QComboBox),
      width_(millimetreBox()),
      height_(millimetreBox()),
      font_(new QDoubleSpinBox),
      legend_(new QComboBox),
      title_(new QCheckBox(tr("Show the title line"))),
      xLow_(limitEdit()),
      xHigh_(limitEdit()),
      yLow_(limitEdit()),
      yHigh_(limitEdit()),
      logX_(new QCheckBox(tr("Logarithmic x"))),
      logY_(new QCheckBox(tr("Logarithmic y"))),
      dark_(new QCheckBox(tr("Dark canvas (as the dark theme; papers want light)"))),
      dpi_(new QSpinBox),
      summary_(new QLabel) {
  setWindowTitle(tr("Figure"));
  preset_->addItems({tr("Custom"), tr("Single column (85 × 60 mm, 8 pt)"),
                     tr("1.5 column (120 × 80 mm, 8 pt)"),
                     tr("Double column (175 × 110 mm, 9 pt)")});
  font_->setRange(4, 24);
  font_->setDecimals(1);
  font_->setSingleStep(0.5);
  font_->setSuffix(QStringLiteral(" pt"));
  legend_->addItems({tr("Automatic (inside where it covers no data, else below)"),
                     tr("Inside (fewest data covered)"), tr("Below the plot"),
                     tr("Right of the plot"), tr("Off")});
  dpi_->setRange(36, 2400);
  dpi_->setSuffix(QStringLiteral(" dpi"));
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
  auto* form = new QFormLayout(this);
  form->addRow(tr("Preset:"), preset_);
  form->addRow(tr("Width:"), width_);
  form->addRow(tr("Height:"), height_);
  form->addRow(tr("Font (labels; ticks and legend 1 pt less):"), font_);
  form->addRow(tr("Legend:"), legend_);
  form->addRow(QString(), title_);
  form->addRow(tr("x axis from:"), pair(xLow_, xHigh_));
  form->addRow(tr("y axis from:"), pair(yLow_, yHigh_));
  auto* logs = new QHBoxLayout;
  logs->addWidget(logX_);
  logs->addWidget(logY_);
  form->addRow(QString(), logs);
  form->addRow(QString(), dark_);
  form->addRow(tr("PNG resolution:"), dpi_);
  form->addRow(summary_);
  form->addRow(buttons);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(preset_, &QComboBox::activated, this, &FigureOptionsDialog::applyPreset);
  for (QDoubleSpinBox* box : {width_, height_})
    connect(box, &QDoubleSpinBox::valueChanged, this, &FigureOptionsDialog::updateSummary);
  connect(dpi_, &QSpinBox::valueChanged, this, &FigureOptionsDialog::updateSummary);
  setOptions(options);
}

FigureOptions FigureOptionsDialog::options() const {
  FigureOptions options;
  options.widthMm = width_->value();
  options.heightMm = height_->value();
  options.dpi = dpi_->value();
  options.fontPt = font_->value();
  options.legend = static_cast<LegendPlacement>(legend_->currentIndex());
  options.title = title_->isChecked();
  options.xLow = limitOf(xLow_);
  options.xHigh = limitOf(xHigh_);
  options.yLow = limitOf(yLow_);
  options.yHigh = limitOf(yHigh_);
  options.logX = logX_->isChecked();
  options.logY = logY_->isChecked();
  options.dark = dark_->isChecked();
  return options;
}

void FigureOptionsDialog::setOptions(const FigureOptions& options) {
  width_->setValue(options.widthMm);
  height_->setValue(options.heightMm);
  dpi_->setValue(options.dpi);
  font_->setValue(options.fontPt);
  legend_->setCurrentIndex(static_cast<int>(options.legend));
  title_->setChecked(options.title);
  setLimit(xLow_, options.xLow);
  setLimit(xHigh_, options.xHigh);
  setLimit(yLow_, options.yLow);
  setLimit(yHigh_, options.yHigh);
  logX_->setChecked(options.logX);
  logY_->setChecked(options.logY);
  dark_->setChecked(options.dark);
  updateSummary();
}

void FigureOptionsDialog::applyPreset(int preset) {
  if (preset > 0 && preset < static_cast<int>(std::size(kPresets))) {
    FigureOptions current = options();
    current.widthMm = kPresets[preset].widthMm;
    current.heightMm = kPresets[preset].heightMm;
    current.fontPt = kPresets[preset].fontPt;
    setOptions(current);
  }
  preset_->setCurrentIndex(preset);
}

void FigureOptionsDialog::updateSummary() {
  const FigureOptions current = options();
  summary_->setText(tr("%L1 × %L2 in; PNG %L3 × %L4 px")
                        .arg(current.widthMm / 25.4, 0, 'f', 2)
                        .arg(current.heightMm / 25.4, 0, 'f', 2)
                        .arg(current.pixelWidth())
                        .arg(current.pixelHeight()));
}

}  // namespace glowscope
