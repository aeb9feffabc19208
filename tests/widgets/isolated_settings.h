#pragma once
// Widget tests keep their QSettings (recent projects, workspace, window state) in a temporary
// folder of their own, so they neither read nor change the user's settings.
#include <QCoreApplication>
#include <QSettings>
#include <QString>

namespace glowscope::testing {

inline void useIsolatedSettings(const char* applicationName, const QString& folder) {
  QCoreApplication::setOrganizationName("GlowscopeTest");
  QCoreApplication::setApplicationName(applicationName);
  QSettings::setDefaultFormat(QSettings::IniFormat);
  QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, folder);
}

}  // namespace glowscope::testing
