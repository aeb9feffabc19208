#pragma once
// Asks for a figure's physical size (mm, with journal column presets), font size, legend
// placement, title, axis limits, log axes, canvas and PNG resolution: everything layoutFigure
// takes (figure_layout.h).
#include <QDialog>

#include "widgets/views/plot_export.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace glowscope {

class FigureOptionsDialog : public QDialog {
  Q_OBJECT
 public:
  explicit FigureOptionsDialog(const FigureOptions& options, QWidget* parent = nullptr);
  FigureOptions options() const;
  void setOptions(const FigureOptions& options);
  /// Presets: 0 = custom, 1 = single column (85 × 60 mm, 8 pt), 2 = 1.5 column (120 × 80 mm,
  /// 8 pt), 3 = double column (175 × 110 mm, 9 pt). The resolution and the rest stay.
  void applyPreset(int preset);

 private:
  void updateSummary();

  QComboBox* preset_;
  QDoubleSpinBox* width_;
  QDoubleSpinBox* height_;
  QDoubleSpinBox* font_;
  QComboBox* legend_;
  QCheckBox* title_;
  QLineEdit* xLow_;
  QLineEdit* xHigh_;
  QLineEdit* yLow_;
  QLineEdit* yHigh_;
  QCheckBox* logX_;
  QCheckBox* logY_;
  QCheckBox* dark_;
  QSpinBox* dpi_;
  QLabel* summary_;
};

}  // namespace glowscope
