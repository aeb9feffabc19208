#include "widgets/theme.h"

#include <QApplication>
#include <QPainter>
#include <QPalette>
#include <QProxyStyle>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleOption>

namespace glowscope {
namespace {

constexpr auto kThemeKey = "View/theme";

QPalette darkPalette() {
  QPalette palette;
  const QColor window(45, 45, 48), base(30, 30, 32), text(225, 225, 225), highlight(42, 130, 218);
  palette.setColor(QPalette::Window, window);
  palette.setColor(QPalette::WindowText, text);
  palette.setColor(QPalette::Base, base);
  palette.setColor(QPalette::AlternateBase, window);
  palette.setColor(QPalette::ToolTipBase, base);
  palette.setColor(QPalette::ToolTipText, text);
  palette.setColor(QPalette::Text, text);
  palette.setColor(QPalette::Button, window);
  palette.setColor(QPalette::ButtonText, text);
  palette.setColor(QPalette::BrightText, Qt::red);
  palette.setColor(QPalette::Link, highlight.lighter());
  palette.setColor(QPalette::Highlight, highlight);
  palette.setColor(QPalette::HighlightedText, Qt::white);
  palette.setColor(QPalette::PlaceholderText, QColor(140, 140, 140));
  const QColor disabled(120, 120, 120);
  palette.setColor(QPalette::Disabled, QPalette::Text, disabled);
  palette.setColor(QPalette::Disabled, QPalette::ButtonText, disabled);
  palette.setColor(QPalette::Disabled, QPalette::WindowText, disabled);
  return palette;
}

// Fusion outlines check boxes and radio buttons with the window colour darkened: on a dark
// window the outline of an unchecked box (the LaTeX options menu, the wizard's set lists)
// all but vanishes. This redraws the outline in a light grey where the window is dark.
class VisibleIndicatorStyle : public QProxyStyle {
 public:
  explicit VisibleIndicatorStyle(QStyle* base) : QProxyStyle(base) {}

  void drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter,
                     const QWidget* widget) const override {
    QProxyStyle::drawPrimitive(element, option, painter, widget);
    const bool box = element == PE_IndicatorCheckBox;
    if ((!box && element != PE_IndicatorRadioButton) ||
        option->palette.color(QPalette::Window).lightness() >= 128)
      return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, !box);
    painter->setPen(QPen(QColor(150, 150, 150), 1));
    painter->setBrush(Qt::NoBrush);
    const QRectF rect = QRectF(option->rect).adjusted(0.5, 0.5, -0.5, -0.5);
    if (box)
      painter->drawRect(rect);
    else
      painter->drawEllipse(rect);
    painter->restore();
  }
};

}  // namespace

QString themeName(Theme theme) { return theme == Theme::Dark ? "dark" : "light"; }

Theme themeFromName(const QString& name) {
  return name.compare("dark", Qt::CaseInsensitive) == 0 ? Theme::Dark : Theme::Light;
}

void applyTheme(Theme theme) {
  if (QStyle* fusion = QStyleFactory::create("Fusion"))
    QApplication::setStyle(new VisibleIndicatorStyle(fusion));
  QApplication::setPalette(theme == Theme::Dark ? darkPalette()
                                                : QApplication::style()->standardPalette());
  QSettings().setValue(kThemeKey, themeName(theme));
}

Theme storedTheme() { return themeFromName(QSettings().value(kThemeKey).toString()); }

}  // namespace glowscope
