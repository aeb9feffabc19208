#pragma once
#include <QString>

namespace glowscope {

/// The two Fusion palettes of View > Theme.
enum class Theme { Light, Dark };

QString themeName(Theme theme);            ///< "light" | "dark"
Theme themeFromName(const QString& name);  ///< unknown names give Light
/// Sets the Fusion style's palette application-wide and remembers the choice (QSettings).
void applyTheme(Theme theme);
/// The theme stored by applyTheme (Light when none).
Theme storedTheme();

}  // namespace glowscope
