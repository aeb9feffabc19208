#include "widgets/log_panel.h"

#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace glowscope {
namespace {
constexpr int kMaximumLogLines = 5000;
constexpr int kSpdlogWarnLevel = 3;
}  // namespace

LogPanel::LogPanel(QWidget* parent) : QWidget(parent), view_(new QPlainTextEdit(this)) {
  view_->setReadOnly(true);
  view_->setMaximumBlockCount(kMaximumLogLines);
  view_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  view_->setObjectName("logView");
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(view_);
}

QString LogPanel::plainText() const { return view_->toPlainText(); }

int LogPanel::lineCount() const { return view_->document()->blockCount(); }

void LogPanel::appendRecord(int level, const QString& text) {
  if (level >= kSpdlogWarnLevel) {
    view_->appendHtml(
        QStringLiteral("<span style=\"color:#d55e00\">%1</span>").arg(text.toHtmlEscaped()));
  } else {
    view_->appendPlainText(text);
  }
}

void LogPanel::clear() { view_->clear(); }

}  // namespace glowscope
