#pragma once
// A one-line label that never asks for more width than it is given: a long text (an error with
// a path, a long data set spec) is elided in the middle and shown whole in the tooltip, so it
// cannot widen the main window past the screen.
#include <QLabel>

namespace glowscope {

class ElidedLabel : public QLabel {
  Q_OBJECT

 public:
  explicit ElidedLabel(const QString& text = {}, QWidget* parent = nullptr);

  void setFullText(const QString& text);
  QString fullText() const { return fullText_; }
  /// Small: the layout may shrink the label to a few characters; the text is elided to fit.
  QSize minimumSizeHint() const override;
  QSize sizeHint() const override;

 protected:
  void resizeEvent(QResizeEvent* event) override;

 private:
  void elide();

  QString fullText_;
};

}  // namespace glowscope
