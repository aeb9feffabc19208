#pragma once
#include <QWidget>

class QPlainTextEdit;

namespace glowscope {

/// The log panel: shows records from LogBridge, newest last, capped so a long run cannot grow
/// memory without bound.
class LogPanel : public QWidget {
  Q_OBJECT

 public:
  explicit LogPanel(QWidget* parent = nullptr);

  QString plainText() const;
  int lineCount() const;

 public Q_SLOTS:
  void appendRecord(int level, const QString& text);
  void clear();

 private:
  QPlainTextEdit* view_;
};

}  // namespace glowscope
