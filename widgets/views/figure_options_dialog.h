#pragma once
// Asks for a figure's physical size (mm, with journal column presets) and PNG resolution.
#include <QDialog>

#include "widgets/views/plot_export.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;

namespace glowscope {

class FigureOptionsDialog : public QDialog {
  Q_OBJECT
 public:
  explicit FigureOptionsDialog(const FigureOptions& options, QWidget* parent = nullptr);
  FigureOptions options() const;
  void setOptions(const FigureOptions& options);
  /// Presets: 0 = custom, 1 = single column (85 mm), 2 = double column (174 mm).
  void applyPreset(int preset);

 private:
  void updateSummary();

  QComboBox* preset_;
  QDoubleSpinBox* width_;
  QDoubleSpinBox* height_;
  QSpinBox* dpi_;
  QLabel* summary_;
};

}  // namespace glowscope
