// SPDX-License-Identifier: MIT
// Article-ready figures: PNG pixel sizes, SVG and PDF as vector drawings (curves as paths, text as
// text, fonts embedded), themes and curve colours, margins, and the binary's figure options.
#include "figureexporter.h"
#include "filesupport.h"
#include "testsupport.h"

#include <QDebug>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

using testsupport::contentsOf;
using testsupport::entriesOf;

namespace {

struct Run
{
    int exitCode = -1; ///< -1 when the process crashed, hung or did not start
    QByteArray out, err;
};

// Headless: no display and no QT_QPA_PLATFORM, so the binary has to manage on its own.
Run run(const QString &program, const QStringList &arguments)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &name : {u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s, u"QT_QPA_PLATFORM"_s})
        environment.remove(name);
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    const bool finished = process.waitForFinished(120'000); // a hang fails, it does not stall
    if (!finished)
        process.kill();
    process.waitForFinished();
    const bool normal = finished && process.exitStatus() == QProcess::NormalExit;
    return {normal ? process.exitCode() : -1, process.readAllStandardOutput(),
            process.readAllStandardError()};
}

Run runBinary(const QStringList &arguments)
{
    return run(QStringLiteral(ELU_EXPLORER_BINARY), arguments);
}

// A poppler-utils tool's output; empty when it is missing or fails.
QString poppler(const QString &tool, const QStringList &arguments)
{
    const QString program = QStandardPaths::findExecutable(tool);
    const Run result = program.isEmpty() ? Run{} : run(program, arguments);
    return result.exitCode == 0 ? QString::fromUtf8(result.out) : QString();
}
const char popplerMissing[] = "poppler-utils missing or failing (scripts/install-deps.sh)";

QStringList words(const QString &text)
{
    return text.split(u' ');
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// The largest channel difference, alpha included, of two unpremultiplied pixels.
int difference(QRgb a, QRgb b)
{
    return std::max({std::abs(qAlpha(a) - qAlpha(b)), std::abs(qRed(a) - qRed(b)),
                     std::abs(qGreen(a) - qGreen(b)), std::abs(qBlue(a) - qBlue(b))});
}

template<class Visit> void forEachPixel(const QImage &argb, const QRect &area, Visit visit)
{
    for (int y = area.top(); y <= area.bottom(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(argb.constScanLine(y));
        for (int x = area.left(); x <= area.right(); ++x)
            visit(x, y, line[x]);
    }
}

QImage rasterise(const QString &path, FigureFormat format, const QSize &size)
{
    if (format == FigureFormat::Pdf) { // at 72 dpi one point, one figure pixel, is one pixel
        poppler(u"pdftoppm"_s, words(u"-png -r 72 -singlefile"_s) << path << path);
        return QImage(path + u".png"_s).convertToFormat(QImage::Format_ARGB32);
    }
    QImage image(size, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    QSvgRenderer(path).render(&painter);
    return image;
}

// Whether `path` holds one complete, readable figure of `format` and nothing else.
bool isCompleteFigure(const QString &path, FigureFormat format)
{
    const QByteArray bytes = contentsOf(path);
    if (format == FigureFormat::Png)
        return bytes.startsWith("\x89PNG") && !QImage::fromData(bytes, "png").isNull();
    if (format == FigureFormat::Pdf)
        return bytes.startsWith("%PDF-") && bytes.trimmed().endsWith("%%EOF")
               && poppler(u"pdfinfo"_s, {path}).contains(u"Pages:"_s);
    QXmlStreamReader xml(bytes);
    while (!xml.atEnd())
        xml.readNext();
    return !xml.hasError() && QSvgRenderer(bytes).isValid();
}

const QStringList figureTexts{u"ELU(x), α = 0.5"_s, u"ELU′(x), α = 0.5"_s, u"ELU(x), ELU′(x)"_s};
const QColor blue(0x00, 0x72, 0xB2), vermillion(0xD5, 0x5E, 0x00); // Okabe & Ito (2008)
const QColor skyBlue(0x56, 0xB4, 0xE9), orange(0xE6, 0x9F, 0x00);

} // namespace

class TestFigures : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void allFiveFilesInOneHeadlessRun();
    void pngHasRequestedPixels_data();
    void pngHasRequestedPixels();
    void svgIsVectorWithTextAndLineStyles();
    void pdfIsOnePageVectorWithEmbeddedFonts();
    void themes_data();
    void themes();
    void nothingClipped_data();
    void nothingClipped();
    void badFigureOptionsWriteNothing_data();
    void badFigureOptionsWriteNothing();
    void writesWholeFileOrNothing_data();
    void writesWholeFileOrNothing();
    void oneNumberConventionWhateverTheLocale();

private:
    QTemporaryDir m_run; ///< the files of one headless run that asked for all five
    Run m_runResult;
};

void TestFigures::initTestCase()
{
    QStringList arguments = words(u"--alpha 0.5 --width 640 --height 480 --scale 1"_s);
    for (const QString &format : {u"json"_s, u"csv"_s, u"png"_s, u"svg"_s, u"pdf"_s})
        arguments << u"--"_s + format << m_run.filePath(u"a."_s + format);
    m_runResult = runBinary(arguments);
}

void TestFigures::allFiveFilesInOneHeadlessRun()
{
    QVERIFY2(m_runResult.exitCode == 0, m_runResult.err);
    QCOMPARE(entriesOf(m_run.path()), words(u"a.csv a.json a.pdf a.png a.svg"_s));
    const QJsonObject json =
        QJsonDocument::fromJson(contentsOf(m_run.filePath(u"a.json"_s))).object();
    QCOMPARE(json.value(u"x"_s).toArray().size(), 1000);
    QCOMPARE(json.value(u"alpha"_s).toDouble(), 0.5);
    QVERIFY(contentsOf(m_run.filePath(u"a.csv"_s)).startsWith("x,y,yp\n"));
    QCOMPARE(QImage(m_run.filePath(u"a.png"_s)).size(), QSize(640, 480));
}

void TestFigures::pngHasRequestedPixels_data()
{
    QTest::addColumn<bool>("defaults");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<double>("scale");
    QTest::addColumn<QSize>("pixels");
    QTest::newRow("defaults: 800x600 at 2") << true << 800 << 600 << 2.0 << QSize(1600, 1200);
    QTest::newRow("800x600 at 3") << false << 800 << 600 << 3.0 << QSize(2400, 1800);
    QTest::newRow("800x600 at 1") << false << 800 << 600 << 1.0 << QSize(800, 600);
    QTest::newRow("smallest: 200x200 at 1") << false << 200 << 200 << 1.0 << QSize(200, 200);
    QTest::newRow("1000x400 at 0.5") << false << 1000 << 400 << 0.5 << QSize(500, 200);
    QTest::newRow("640x480 at 1.5") << false << 640 << 480 << 1.5 << QSize(960, 720);
    QTest::newRow("tall 300x1000 at 2.5") << false << 300 << 1000 << 2.5 << QSize(750, 2500);
}

void TestFigures::pngHasRequestedPixels()
{
    QFETCH(bool, defaults);
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(double, scale);
    QFETCH(QSize, pixels);
    QTemporaryDir dir;
    QStringList arguments{u"--png"_s, dir.filePath(u"binary.png"_s)};
    elu::FigureOptions options; // left at its defaults for the defaults row
    if (!defaults) {
        arguments << u"--width"_s << QString::number(width) << u"--height"_s
                  << QString::number(height) << u"--scale"_s << QString::number(scale);
        options = {width, height, scale, elu::FigureTheme::Light};
    }
    const Run result = runBinary(arguments);
    QVERIFY2(result.exitCode == 0, result.err);
    QCOMPARE(QImage(dir.filePath(u"binary.png"_s)).size(), pixels);
    FigureExporter exporter({}, options);
    QVERIFY(!exporter.save(dir.filePath(u"direct.png"_s), FigureFormat::Png));
    QCOMPARE(QImage(dir.filePath(u"direct.png"_s)).size(), pixels);
    QCOMPARE(exporter.image().size(), pixels);
}

void TestFigures::svgIsVectorWithTextAndLineStyles()
{
    const QString path = m_run.filePath(u"a.svg"_s);
    QSvgRenderer renderer(path);
    QVERIFY(renderer.isValid());
    QCOMPARE(renderer.viewBoxF(), QRectF(0, 0, 640, 480));
    const QSizeF shown = renderer.defaultSize();
    QVERIFY(std::abs(shown.width() / shown.height() - 640.0 / 480) < 0.01);

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QStringList texts, solidCurves, dashedCurves;
    QXmlStreamAttributes group; // QSvgGenerator strokes each drawing through its own <g>
    int images = 0;
    QString svgWidth, svgHeight;
    static const QRegularExpression number(u"[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?"_s);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QString name = xml.name().toString();
        const QString width = xml.attributes().value(u"width"_s).toString();
        if (name == u"svg") {
            svgWidth = width;
            svgHeight = xml.attributes().value(u"height"_s).toString();
        }
        images += name == u"image";
        if (name == u"g")
            group = xml.attributes();
        if (name == u"text")
            texts << xml.readElementText(QXmlStreamReader::IncludeChildElements);
        if (name != u"polyline" && name != u"path")
            continue;
        int numbers = 0;
        const auto geometry = xml.attributes().value(name == u"path" ? u"d"_s : u"points"_s);
        for (auto it = number.globalMatch(geometry); it.hasNext(); it.next())
            ++numbers;
        if (numbers < 6) // fewer than three vertices: a grid line, tick or legend icon
            continue;
        const QStringView dashes = group.value(u"stroke-dasharray"_s);
        (dashes.isEmpty() || dashes == u"none" ? solidCurves : dashedCurves)
            << group.value(u"stroke"_s).toString().toLower();
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(images, 0);
    // A 640×480 figure is 640×480 CSS pixels on a web page (unitless SVG lengths are pixels).
    QCOMPARE(svgWidth, u"640"_s);
    QCOMPARE(svgHeight, u"480"_s);
    // As in the window: ELU solid blue, ELU′ dashed vermillion.
    QVERIFY2(solidCurves.contains(blue.name()), qPrintable(solidCurves.join(u' ')));
    QVERIFY2(dashedCurves.contains(vermillion.name()), qPrintable(dashedCurves.join(u' ')));
    const QString allText = texts.join(QString()); // Qt splits a run of text at the Greek α
    for (const QString &expected : figureTexts)
        QVERIFY2(allText.contains(expected), qPrintable(expected + u" not in "_s + allText));
    QVERIFY(texts.contains(u"x"_s));
}

void TestFigures::pdfIsOnePageVectorWithEmbeddedFonts()
{
    const QString path = m_run.filePath(u"a.pdf"_s);
    const QString info = poppler(u"pdfinfo"_s, {path});
    QVERIFY2(!info.isEmpty(), popplerMissing);
    const auto multiline = QRegularExpression::MultilineOption;
    QVERIFY2(info.contains(QRegularExpression(u"^Pages:\\s+1$"_s, multiline)), qPrintable(info));
    // One figure pixel is one point.
    QVERIFY2(info.contains(
                 QRegularExpression(u"^Page size:\\s+640(\\.0+)? x 480(\\.0+)? pts"_s, multiline)),
             qPrintable(info));
    const QString text = poppler(u"pdftotext"_s, words(u"-enc UTF-8"_s) << path << u"-"_s);
    for (const QString &expected : figureTexts)
        QVERIFY2(text.contains(expected), qPrintable(expected + u" not in "_s + text));

    // pdffonts: two header lines, then one row per font ending in emb, sub, uni, object, ID.
    const QStringList fonts = poppler(u"pdffonts"_s, {path}).split(u'\n', Qt::SkipEmptyParts);
    QVERIFY2(fonts.size() >= 3 && fonts.at(0).contains(u" emb sub uni "_s), popplerMissing);
    for (const QString &font : fonts.mid(2)) {
        const QStringList cells = font.split(u' ', Qt::SkipEmptyParts);
        QVERIFY2(cells.size() > 5 && cells.at(cells.size() - 5) == u"yes", qPrintable(font));
    }
    // No raster image stands in for the drawing: pdfimages lists its two header lines only.
    const QString images = poppler(u"pdfimages"_s, {u"-list"_s, path});
    QCOMPARE(images.split(u'\n', Qt::SkipEmptyParts).size(), 2);
}

void TestFigures::themes_data()
{
    QTest::addColumn<QString>("theme");
    QTest::addColumn<int>("cornerAlpha");
    QTest::addColumn<double>("minLightness"); // of the opaque corners
    QTest::addColumn<double>("maxLightness");
    QTest::addColumn<bool>("darkInk");
    QTest::addColumn<QColor>("eluColour");
    QTest::addColumn<QColor>("derivativeColour");
    QTest::newRow("light") << u"light"_s << 255 << 0.95 << 1.0 << true << blue << vermillion;
    QTest::newRow("dark") << u"dark"_s << 255 << 0.0 << 0.2 << false << skyBlue << orange;
    QTest::newRow("transparent") << u"transparent"_s << 0 << 0.0 << 1.0 << true << blue
                                 << vermillion;
}

void TestFigures::themes()
{
    QFETCH(QString, theme);
    QFETCH(int, cornerAlpha);
    QFETCH(double, minLightness);
    QFETCH(double, maxLightness);
    QFETCH(bool, darkInk);
    QFETCH(QColor, eluColour);
    QFETCH(QColor, derivativeColour);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"figure.png"_s);
    const Run result = runBinary({u"--theme"_s, theme, u"--png"_s, path}); // α = 1, scale 2
    QVERIFY2(result.exitCode == 0, result.err);
    FigureExporter exporter({}, {800, 600, 2.0, elu::themeFromName(theme).value()});
    for (const QImage &image : {QImage(path), exporter.image()}) {
        const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
        QCOMPARE(argb.size(), QSize(1600, 1200));
        for (const QPoint corner :
             {QPoint(0, 0), QPoint(1599, 0), QPoint(0, 1199), QPoint(1599, 1199)}) {
            const QColor colour = argb.pixelColor(corner);
            QCOMPARE(colour.alpha(), cornerAlpha);
            QVERIFY2(
                cornerAlpha == 0
                    || (colour.lightnessF() >= minLightness && colour.lightnessF() <= maxLightness),
                qPrintable(colour.name()));
        }
        // The ink: the pixel most unlike the background among the y-axis label and tick labels.
        QRgb ink = argb.pixel(0, 0);
        forEachPixel(argb, QRect(0, 0, 80, 1200), [&](int, int, QRgb pixel) {
            if (difference(pixel, argb.pixel(0, 0)) > difference(ink, argb.pixel(0, 0)))
                ink = pixel;
        });
        const QColor inkColour = QColor::fromRgba(ink);
        QCOMPARE(inkColour.alpha(), 255);
        QVERIFY2(darkInk ? inkColour.lightnessF() < 0.3 : inkColour.lightnessF() > 0.7,
                 qPrintable(inkColour.name()));
        // Right of the legend ELU climbs to 2 while ELU′ stays at 1, far below: the topmost
        // opaque pixel of each colour, within antialiasing tolerance.
        int tops[2] = {argb.height(), argb.height()}, counts[2] = {0, 0};
        forEachPixel(argb, QRect(800, 0, 800, 1200), [&](int, int y, QRgb pixel) {
            for (int curve : {0, 1}) {
                if (difference(pixel, (curve ? derivativeColour : eluColour).rgba()) <= 16) {
                    tops[curve] = std::min(tops[curve], y);
                    ++counts[curve];
                }
            }
        });
        QString found;
        QDebug(&found) << "pixels" << counts[0] << counts[1] << "tops" << tops[0] << tops[1];
        QVERIFY2(counts[0] > 500 && counts[1] > 500 && tops[0] + 120 < tops[1], qPrintable(found));
    }
}

void TestFigures::nothingClipped_data()
{
    QTest::addColumn<FigureFormat>("format");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("zoomed");
    QTest::addColumn<int>("curves"); // 1: ELU α = 0.5; 8: a mix, with the legend beside
    QTest::addColumn<bool>("stacked");
    QTest::newRow("png smallest 200x200") << FigureFormat::Png << QSize(200, 200) << false << 1 << false;
    QTest::newRow("png wide 1600x300") << FigureFormat::Png << QSize(1600, 300) << false << 1 << false;
    QTest::newRow("png tall 300x900") << FigureFormat::Png << QSize(300, 900) << false << 1 << false;
    for (const auto &[name, format] :
         {std::pair{"png", FigureFormat::Png}, std::pair{"svg", FigureFormat::Svg},
          std::pair{"pdf", FigureFormat::Pdf}}) {
        QTest::addRow("%s 800x600 fitted", name) << format << QSize(800, 600) << false << 1 << false;
        QTest::addRow("%s 800x600 zoomed", name) << format << QSize(800, 600) << true << 1 << false;
        QTest::addRow("%s 800x600 8 curves", name) << format << QSize(800, 600) << false << 8 << false;
        QTest::addRow("%s 800x600 8 curves stacked", name)
            << format << QSize(800, 600) << false << 8 << true;
    }
    QTest::newRow("png 400x300 8 curves stacked") << FigureFormat::Png << QSize(400, 300) << false << 8 << true;
}

void TestFigures::nothingClipped()
{
    QFETCH(FigureFormat, format);
    QFETCH(QSize, size);
    QFETCH(bool, zoomed);
    QFETCH(int, curves);
    QFETCH(bool, stacked);
    using Id = elu::ActivationId;
    elu::Session session;
    session.spec = testsupport::eluSpec(0.5, -2, 2, 1000);
    if (curves == 8) {
        session.spec.curves = {{Id::Elu, 0.5}, {Id::Elu, 2.0},   {Id::Relu, 0.0}, {Id::LeakyRelu, 0.1},
                               {Id::Gelu, 0.0}, {Id::Silu, 0.0}, {Id::Mish, 0.0}, {Id::Softplus, 3.0}};
        session.appearance.clear();
        for (int slot = 0; slot < 8; ++slot)
            session.appearance.push_back({slot, std::nullopt, true});
    }
    session.layout = stacked ? elu::PlotLayout::Stacked : elu::PlotLayout::Overlaid;
    session.figure = {size.width(), size.height(), 1.0, elu::FigureTheme::Light};
    FigureExporter exporter(session);
    if (zoomed) // ELU′ jumps out through the top of this view at 0, ELU leaves through its bottom
        exporter.setView(-0.5, 0.5, 0.2, 0.8);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"figure"_s);
    QImage argb = exporter.image().convertToFormat(QImage::Format_ARGB32);
    if (format != FigureFormat::Png) {
        QVERIFY(!exporter.save(path, format));
        argb = rasterise(path, format, size);
    }
    QCOMPARE(argb.size(), size);
    // Everything, labels included, inside a margin of background; and that margin is tight.
    QRect box;
    forEachPixel(argb, argb.rect(), [&](int x, int y, QRgb pixel) {
        if (difference(pixel, argb.pixel(0, 0)) > 24)
            box |= QRect(x, y, 1, 1);
    });
    QString content;
    QDebug(&content) << "content" << box;
    const QByteArray where = content.toUtf8();
    QVERIFY2(box.left() >= 2 && box.top() >= 2 && box.right() < size.width() - 2
                 && box.bottom() < size.height() - 2,
             where);
    // The margin is tight: a twentieth of the side, or 16 px on the smallest figures, where a
    // tick label's half height and the axis padding alone take 11 to 14 px.
    const int xSlack = std::max(size.width() / 20, 16), ySlack = std::max(size.height() / 20, 16);
    QVERIFY2(box.left() <= xSlack && box.right() >= size.width() - xSlack && box.top() <= ySlack
                 && box.bottom() >= size.height() - ySlack,
             where);
}

void TestFigures::badFigureOptionsWriteNothing_data()
{
    QTest::addColumn<QString>("arguments"); // DIR stands for the test's folder
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("named"); // the option and what it accepts, or the path
    QTest::newRow("width 100") << u"--width 100"_s << 2 << u"--width 200 10000"_s;
    QTest::newRow("width abc") << u"--width abc"_s << 2 << u"--width 200 10000"_s;
    QTest::newRow("height 10001") << u"--height 10001"_s << 2 << u"--height 200 10000"_s;
    QTest::newRow("scale 0") << u"--scale 0"_s << 2 << u"--scale 0.5 8"_s;
    QTest::newRow("scale 9") << u"--scale 9"_s << 2 << u"--scale 0.5 8"_s;
    QTest::newRow("scale inf") << u"--scale inf"_s << 2 << u"--scale 0.5 8"_s;
    QTest::newRow("scale nan") << u"--scale nan"_s << 2 << u"--scale 0.5 8"_s;
    QTest::newRow("over 100 million pixels")
        << u"--width 10000 --height 10000 --scale 8"_s << 2 << u"--scale million"_s;
    QTest::newRow("theme purple") << u"--theme purple"_s << 2
                                  << u"--theme light dark transparent"_s;
    QTest::newRow("png parent is a file")
        << u"--png DIR/blocker/figure.png"_s << 1 << u"DIR/blocker/figure.png"_s;
}

void TestFigures::badFigureOptionsWriteNothing()
{
    QFETCH(QString, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, named);
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(u"blocker"_s), "keep"));
    QStringList command = words(arguments.replace(u"DIR"_s, dir.path()));
    if (exitCode == 2) { // good paths too: a refused option writes none of them
        for (const QString &format : {u"json"_s, u"png"_s, u"svg"_s, u"pdf"_s})
            command << u"--"_s + format << dir.filePath(u"out."_s + format);
    }
    const Run result = runBinary(command);
    QCOMPARE(result.exitCode, exitCode);
    const QString message = QString::fromUtf8(result.err);
    for (const QString &expected :
         words(named.replace(u"DIR"_s, QDir::toNativeSeparators(dir.path()))))
        QVERIFY2(message.contains(expected), qPrintable(expected + u" not in "_s + message));
    QCOMPARE(entriesOf(dir.path()), QStringList{u"blocker"_s});
    QCOMPARE(contentsOf(dir.filePath(u"blocker"_s)), QByteArray("keep"));
}

void TestFigures::oneNumberConventionWhateverTheLocale()
{
    // A German desktop: tick labels must still read "0.5", like the legend's "α = 0.5".
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    elu::PlotSpec spec = testsupport::eluSpec(0.5, -1.5, 1.5, 1000);
    FigureExporter exporter(spec, {800, 600, 1.0, elu::FigureTheme::Light});
    QTemporaryDir dir;
    const QString path = dir.filePath(u"de.svg"_s);
    const elu::WriteResult failed = exporter.save(path, FigureFormat::Svg);
    QLocale::setDefault(before);
    QVERIFY(!failed);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QStringList texts;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == u"text")
            texts << xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
    }
    QVERIFY2(texts.contains(u"0.5"_s), qPrintable(texts.join(u" | "_s)));
    for (const QString &text : texts)
        QVERIFY2(!text.contains(QRegularExpression(u"\\d,\\d"_s)), qPrintable(text));
}

void TestFigures::writesWholeFileOrNothing_data()
{
    QTest::addColumn<FigureFormat>("format");
    QTest::newRow("png") << FigureFormat::Png;
    QTest::newRow("svg") << FigureFormat::Svg;
    QTest::newRow("pdf") << FigureFormat::Pdf;
}

void TestFigures::writesWholeFileOrNothing()
{
    QFETCH(FigureFormat, format);
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(u"blocker"_s), "keep"));
    QVERIFY(QDir(dir.path()).mkdir(u"folder"_s));
    FigureExporter exporter({}, {});
    // A failure (parent a file, target a folder) names the path and leaves all as it was.
    for (const QString &name : {u"blocker/figure"_s, u"folder"_s}) {
        const QString target = dir.filePath(name);
        const elu::WriteResult result = exporter.save(target, format);
        QVERIFY(result.has_value());
        QVERIFY2(result->message().contains(QDir::toNativeSeparators(target))
                     && !result->reason.isEmpty(),
                 qPrintable(result->message()));
        QCOMPARE(entriesOf(dir.path()), words(u"blocker folder"_s));
        QCOMPARE(contentsOf(dir.filePath(u"blocker"_s)), QByteArray("keep"));
        QVERIFY(entriesOf(dir.filePath(u"folder"_s)).isEmpty());
    }
    // Replacing a file far longer than the figure: a write that kept its tail would show it.
    const QString path = dir.filePath(u"figure"_s);
    QVERIFY(writeFile(path, QByteArray(4 << 20, 'x')));
    QVERIFY(!isCompleteFigure(path, format));
    QVERIFY(!exporter.save(path, format));
    QVERIFY(QFileInfo(path).size() < 4 << 20 && !contentsOf(path).contains("xxxxxxxx"));
    QVERIFY(isCompleteFigure(path, format));
    QCOMPARE(entriesOf(dir.path()), words(u"blocker figure folder"_s));
}

QTEST_MAIN(TestFigures)
#include "tst_figures.moc"
