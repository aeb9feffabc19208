#pragma once
// Core speaks std::string (UTF-8); views speak QString. The conversions, in one place.
#include <QString>
#include <QStringList>
#include <string>
#include <vector>

namespace glowscope {

inline QString toQString(const std::string& text) { return QString::fromStdString(text); }

inline QStringList toQStringList(const std::vector<std::string>& texts) {
  QStringList list;
  for (const std::string& text : texts) list << QString::fromStdString(text);
  return list;
}

}  // namespace glowscope
