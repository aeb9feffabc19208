#include "widgets/views/figure_options_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>

namespace glowscope {
namespace {

QDoubleSpinBox* millimetreBox() {
  auto* box = new QDoubleSpinBox;
  box->setRange(10, 1000);
  box->setDecimals(1);
  box->setSuffix(QStringLiteral(" mm"));
  return box;
}

}  // namespace

FigureOptionsDialog::FigureOptionsDialog(const FigureOptions& options, QWidget* parent)
    : QDialog(parent),
      preset_(new QComboBox),
      width_(millimetreBox()),
      height_(millimetreBox()),
      dpi_(new QSpinBox),
      summary_(new QLabel) {
  setWindowTitle(tr("Figure size"));
  preset_->addItems(
      {tr("Custom"), tr("Single column (85 × 60 mm)"), tr("Double column (174 × 100 mm)")});
  dpi_->setRange(36, 2400);
  dpi_->setSuffix(QStringLiteral(" dpi"));
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
  auto* form = new QFormLayout(this);
  form->addRow(tr("Preset:"), preset_);
  form->addRow(tr("Width:"), width_);
  form->addRow(tr("Height:"), height_);
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
  return {width_->value(), height_->value(), dpi_->value()};
}

void FigureOptionsDialog::setOptions(const FigureOptions& options) {
  width_->setValue(options.widthMm);
  height_->setValue(options.heightMm);
  dpi_->setValue(options.dpi);
  updateSummary();
}

void FigureOptionsDialog::applyPreset(int preset) {
  if (preset == 1) setOptions({85, 60, dpi_->value()});
  if (preset == 2) setOptions({174, 100, dpi_->value()});
  preset_->setCurrentIndex(preset);
}

void FigureOptionsDialog::updateSummary() {
  const FigureOptions current = options();
  summary_->setText(tr("%1 × %2 in; PNG %3 × %4 px")
                        .arg(current.widthMm / 25.4, 0, 'f', 2)
                        .arg(current.heightMm / 25.4, 0, 'f', 2)
                        .arg(current.pixelWidth())
                        .arg(current.pixelHeight()));
}

}  // namespace glowscope
