#include "widgets/elided_label.h"

#include <QFontMetrics>
#include <QResizeEvent>

namespace glowscope {

ElidedLabel::ElidedLabel(const QString& text, QWidget* parent) : QLabel(parent) {
  setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
  setFullText(text);
}

void ElidedLabel::setFullText(const QString& text) {
  fullText_ = text;
  elide();
  updateGeometry();
}

QSize ElidedLabel::minimumSizeHint() const {
  return {fontMetrics().horizontalAdvance(QStringLiteral("M…M")),
          QLabel::minimumSizeHint().height()};
}

QSize ElidedLabel::sizeHint() const {
  // The whole text's width while it fits the screen's share a layout gives; never more.
  return {std::min(fontMetrics().horizontalAdvance(fullText_) + 8, 400),
          QLabel::sizeHint().height()};
}

void ElidedLabel::resizeEvent(QResizeEvent* event) {
  QLabel::resizeEvent(event);
  elide();
}

void ElidedLabel::elide() {
  const QString shown = fontMetrics().elidedText(fullText_, Qt::ElideMiddle, width());
  QLabel::setText(shown);
  setToolTip(shown == fullText_ ? QString() : fullText_);
}

}  // namespace glowscope
