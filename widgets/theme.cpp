#include "widgets/theme.h"

#include <QApplication>
#include <QPalette>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

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

}  // namespace

QString themeName(Theme theme) { return theme == Theme::Dark ? "dark" : "light"; }

Theme themeFromName(const QString& name) {
  return name.compare("dark", Qt::CaseInsensitive) == 0 ? Theme::Dark : Theme::Light;
}

void applyTheme(Theme theme) {
  if (QStyle* fusion = QStyleFactory::create("Fusion")) QApplication::setStyle(fusion);
  QApplication::setPalette(theme == Theme::Dark ? darkPalette()
                                                : QApplication::style()->standardPalette());
  QSettings().setValue(kThemeKey, themeName(theme));
}

Theme storedTheme() { return themeFromName(QSettings().value(kThemeKey).toString()); }

}  // namespace glowscope
