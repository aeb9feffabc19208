// The log panel keeps records in order, escapes markup, and caps its length.
#include <QtTest>

#include "widgets/log_panel.h"

namespace glowscope {

class TstLogPanel : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void appendsInOrder() {
    LogPanel panel;
    panel.appendRecord(2, "first");
    panel.appendRecord(4, "second <b>not bold</b>");
    const QString text = panel.plainText();
    QVERIFY(text.indexOf("first") < text.indexOf("second"));
    QVERIFY(text.contains("<b>not bold</b>"));  // shown literally, not interpreted
  }

  void capsLength() {
    LogPanel panel;
    for (int i = 0; i < 6000; ++i) panel.appendRecord(2, QString("line %1").arg(i));
    QCOMPARE(panel.lineCount(), 5000);
    QVERIFY(panel.plainText().endsWith("line 5999"));
    QVERIFY(!panel.plainText().contains("line 999\n"));
  }
};

}  // namespace glowscope

QTEST_MAIN(glowscope::TstLogPanel)
#include "tst_log_panel.moc"
