// Publication export: PNG/SVG/PDF files of the requested physical size, CSV data beside them,
// the plot style's persistence.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QRegularExpression>
#include <QSettings>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>
#include <cmath>

#include "core/util/errors.h"
#include "widgets/qcustomplot_include.h"
#include "widgets/views/figure_options_dialog.h"
#include "widgets/views/plot_export.h"

using namespace glowscope;

class TestPlotExport : public QObject {
  Q_OBJECT

 private:
  // A graph with 3 points and 2 bars: 5 data rows in the CSV.
  static void fillPlot(QCustomPlot& plot) {
    QCPGraph* graph = plot.addGraph();
    graph->setName("line, with comma");
    graph->setData({0.0, 1.0, 2.0}, {1.5, 2.5, -0.25});
    auto* bars = new QCPBars(plot.xAxis, plot.yAxis);
    bars->setName("bars");
    bars->setData({0.5, 1.5}, {3.0, 4.0});
    plot.rescaleAxes();
    plot.resize(300, 200);  // the window size must not matter
  }

  static double svgMillimetres(const QString& attribute) {
    if (!attribute.endsWith("mm")) return -1;
    return attribute.chopped(2).toDouble();
  }

 private Q_SLOTS:
  void initTestCase() { QCoreApplication::setOrganizationName("GlowscopeTest"); }

  void pngHasRequestedPixelSize() {
    QTemporaryDir dir;
    QCustomPlot plot;
    fillPlot(plot);
    const FigureOptions options{85, 60, 300};
    const QString path = dir.filePath("figure.png");
    exportFigure(&plot, path, options);
    QImage image(path);
    QVERIFY(!image.isNull());
    QCOMPARE(image.width(), static_cast<int>(std::lround(85 / 25.4 * 300)));
    QCOMPARE(image.height(), static_cast<int>(std::lround(60 / 25.4 * 300)));
    QVERIFY(std::abs(image.dotsPerMeterX() - 300 / 0.0254) < 2);
    // Something was drawn: not every pixel is white.
    bool anyDark = false;
    for (int y = 0; y < image.height() && !anyDark; y += 3)
      for (int x = 0; x < image.width() && !anyDark; x += 3)
        anyDark = qGray(image.pixel(x, y)) < 128;
    QVERIFY(anyDark);
  }

  void pngSizeInInches() {
    QTemporaryDir dir;
    QCustomPlot plot;
    fillPlot(plot);
    const QString path = dir.filePath("inches.png");
    exportFigure(&plot, path, FigureOptions::fromInches(3.5, 2.0, 150));
    const QImage image(path);
    QCOMPARE(image.width(), 525);
    QCOMPARE(image.height(), 300);
  }

  void svgParsesWithRequestedSize() {
    QTemporaryDir dir;
    QCustomPlot plot;
    fillPlot(plot);
    const QString path = dir.filePath("figure.svg");
    exportFigure(&plot, path, FigureOptions{120, 80, 300});
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QVERIFY(xml.readNextStartElement());
    QCOMPARE(xml.name().toString(), QString("svg"));
    // QSvgGenerator writes whole logical pixels at 96 dpi: within 0.27 mm of the request.
    QVERIFY(std::abs(svgMillimetres(xml.attributes().value("width").toString()) - 120) < 0.27);
    QVERIFY(std::abs(svgMillimetres(xml.attributes().value("height").toString()) - 80) < 0.27);
    while (!xml.atEnd()) xml.readNext();
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QSvgRenderer renderer(path);
    QVERIFY(renderer.isValid());
  }

  void pdfHasPageSize() {
    QTemporaryDir dir;
    QCustomPlot plot;
    fillPlot(plot);
    const QString path = dir.filePath("figure.pdf");
    exportFigure(&plot, path, FigureOptions{100, 50, 300});
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("%PDF"));
    const QRegularExpression mediaBox(R"(/MediaBox\s*\[\s*0\s+0\s+([0-9.]+)\s+([0-9.]+)\s*\])");
    const QRegularExpressionMatch match = mediaBox.match(QString::fromLatin1(bytes));
    QVERIFY(match.hasMatch());
    QVERIFY(std::abs(match.captured(1).toDouble() - 100 / 25.4 * 72) < 0.5);
    QVERIFY(std::abs(match.captured(2).toDouble() - 50 / 25.4 * 72) < 0.5);
  }

  void csvBesideParsesBack() {
    QTemporaryDir dir;
    QCustomPlot plot;
    fillPlot(plot);
    exportFigure(&plot, dir.filePath("data.pdf"), FigureOptions{});
    QCOMPARE(csvPathBeside(dir.filePath("data.pdf")), dir.filePath("data.csv"));
    QFile file(dir.filePath("data.csv"));
    QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
    const QStringList lines = QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 6);
    QCOMPARE(lines[0], QString("series,key,value"));
    QCOMPARE(lines[1], QString("\"line, with comma\",0,1.5"));
    QCOMPARE(lines[3], QString("\"line, with comma\",2,-0.25"));
    const QStringList lastBar = lines[5].split(',');
    QCOMPARE(lastBar.size(), 3);
    QCOMPARE(lastBar[0], QString("bars"));
    QCOMPARE(lastBar[1].toDouble(), 1.5);
    QCOMPARE(lastBar[2].toDouble(), 4.0);
  }

  void unknownSuffixIsRejected() {
    QCustomPlot plot;
    fillPlot(plot);
    QVERIFY_THROWS_EXCEPTION(ConfigError, exportFigure(&plot, "figure.bmp", FigureOptions{}));
  }

  void unwritablePathThrowsFileError() {
    QCustomPlot plot;
    fillPlot(plot);
    QVERIFY_THROWS_EXCEPTION(FileError,
                             exportFigure(&plot, "/nonexistent-dir/x/figure.png", FigureOptions{}));
  }

  void styleRoundTripsThroughSettings() {
    QTemporaryDir dir;
    QSettings settings(dir.filePath("style.ini"), QSettings::IniFormat);
    PlotStyle style;
    style.fontFamily = "Liberation Serif";
    style.labelPointSize = 11;
    style.lineWidthPt = 2.25;
    style.palette = {QColor("#112233"), QColor("#445566")};
    style.save(settings);
    const PlotStyle loaded = PlotStyle::load(settings);
    QCOMPARE(loaded.fontFamily, style.fontFamily);
    QCOMPARE(loaded.labelPointSize, 11.0);
    QCOMPARE(loaded.lineWidthPt, 2.25);
    QCOMPARE(loaded.palette, style.palette);
    QCOMPARE(loaded.color(3), QColor("#445566"));
  }

  void defaultPaletteIsOkabeIto() {
    const PlotStyle style;
    QCOMPARE(style.palette.size(), 8);
    QCOMPARE(style.color(1), QColor(230, 159, 0));
    QCOMPARE(style.color(8), QColor(0, 0, 0));
  }

  void optionsDialogRoundTripsAndAppliesPresets() {
    FigureOptionsDialog dialog(FigureOptions{100, 70, 600});
    QCOMPARE(dialog.options().widthMm, 100.0);
    QCOMPARE(dialog.options().dpi, 600);
    dialog.applyPreset(3);
    QCOMPARE(dialog.options().widthMm, 175.0);
    QCOMPARE(dialog.options().heightMm, 110.0);
    QCOMPARE(dialog.options().fontPt, 9.0);
    QCOMPARE(dialog.options().dpi, 600);
    dialog.applyPreset(1);
    QCOMPARE(dialog.options().widthMm, 85.0);
    QCOMPARE(dialog.options().fontPt, 8.0);
    // The layout choices round-trip; an empty limit is the plot's own (NaN).
    FigureOptions chosen{120, 80, 300};
    chosen.legend = LegendPlacement::Right;
    chosen.title = false;
    chosen.yHigh = 0.5;
    chosen.logY = true;
    dialog.setOptions(chosen);
    QCOMPARE(dialog.options().legend, LegendPlacement::Right);
    QVERIFY(!dialog.options().title);
    QCOMPARE(dialog.options().yHigh, 0.5);
    QVERIFY(std::isnan(dialog.options().yLow));
    QVERIFY(dialog.options().logY);
  }

  void figureOptionsPersist() {
    QTemporaryDir dir;
    QSettings settings(dir.filePath("export.ini"), QSettings::IniFormat);
    FigureOptions saved{91.5, 44, 1200};
    saved.fontPt = 7;
    saved.legend = LegendPlacement::Below;
    saveFigureOptions(settings, saved);
    const FigureOptions loaded = loadFigureOptions(settings);
    QCOMPARE(loaded.fontPt, 7.0);
    QCOMPARE(loaded.legend, LegendPlacement::Below);
    QCOMPARE(loaded.widthMm, 91.5);
    QCOMPARE(loaded.heightMm, 44.0);
    QCOMPARE(loaded.dpi, 1200);
  }

  // The export dialog starts in the last export's folder with a name from the title.
  void suggestedPathFollowsTheTitleAndTheLastFolder() {
    QTemporaryDir dir;
    QSettings settings(dir.filePath("export.ini"), QSettings::IniFormat);
    settings.setValue("PlotExport/folder", dir.path());
    QCustomPlot plot;
    plot.plotLayout()->insertRow(0);
    plot.plotLayout()->addElement(0, 0, new QCPTextElement(&plot, "Loss parts (selected run) — ρ"));
    QCOMPARE(suggestedFigurePath(&plot, settings, "pdf"),
             QDir(dir.path()).filePath("loss-parts-selected-run.pdf"));
    QCustomPlot untitled;
    QCOMPARE(QFileInfo(suggestedFigurePath(&untitled, settings, "png")).fileName(),
             QString("figure.png"));
    untitled.setObjectName("histogram");
    untitled.xAxis->setLabel("Raw (dense)");
    QCOMPARE(QFileInfo(suggestedFigurePath(&untitled, settings, "png")).fileName(),
             QString("histogram-raw-dense.png"));
  }

  void styleIsAppliedToAxes() {
    QCustomPlot plot;
    PlotStyle style;
    style.tickPointSize = 13;
    style.applyTo(&plot);
    QCOMPARE(plot.xAxis->tickLabelFont().pointSizeF(), 13.0);
  }
};

QTEST_MAIN(TestPlotExport)
#include "tst_plot_export.moc"
