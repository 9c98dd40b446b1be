// SPDX-License-Identifier: MIT
// The real binary in a real X server: Xvfb, through xvfb-run.
#include <QColor>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

// Pixels within a small distance of `colour` (antialiasing blends the edges of a line).
int pixelsNear(const QImage &image, const QColor &colour)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor pixel = image.pixelColor(x, y);
            if (std::abs(pixel.red() - colour.red()) + std::abs(pixel.green() - colour.green())
                    + std::abs(pixel.blue() - colour.blue())
                < 40)
                ++count;
        }
    }
    return count;
}

// An X window dump (xwd -out) of a TrueColor screen as an image; null if it is not one. Its
// header is big-endian; the pixels are 3 or 4 bytes (xwd may say 24 bits for 4-byte pixels, so
// the stride decides), in the byte order the header gives.
QImage readXwd(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray data = file.readAll();
    if (data.size() < 100)
        return {};
    auto field = [&](int index) {
        const auto *p = reinterpret_cast<const uchar *>(data.constData()) + 4 * index;
        return quint32(p[0]) << 24 | quint32(p[1]) << 16 | quint32(p[2]) << 8 | quint32(p[3]);
    };
    const quint32 headerSize = field(0), format = field(2), width = field(4), height = field(5),
                  byteOrder = field(7), bytesPerLine = field(12), redMask = field(14),
                  greenMask = field(15), blueMask = field(16), colours = field(19);
    if (format != 2 || width == 0 || height == 0 || width > 10000 || height > 10000
        || redMask != 0xff0000 || greenMask != 0xff00 || blueMask != 0xff)
        return {};
    const quint32 bytesPerPixel = bytesPerLine / width;
    const qint64 pixels = qint64(headerSize) + 12 * qint64(colours);
    if ((bytesPerPixel != 3 && bytesPerPixel != 4)
        || data.size() < pixels + qint64(bytesPerLine) * height)
        return {};
    QImage image(int(width), int(height), QImage::Format_RGB32);
    for (quint32 y = 0; y < height; ++y) {
        const auto *row =
            reinterpret_cast<const uchar *>(data.constData()) + pixels + qint64(y) * bytesPerLine;
        for (quint32 x = 0; x < width; ++x) {
            const uchar *p = row + x * bytesPerPixel;
            quint32 value = 0;
            for (quint32 b = 0; b < bytesPerPixel; ++b) {
                const quint32 byte = byteOrder == 0 ? p[b] : p[bytesPerPixel - 1 - b];
                value |= byte << (8 * b);
            }
            image.setPixel(int(x), int(y), 0xff000000u | (value & 0xffffffu));
        }
    }
    return image;
}

// Pixels that differ between two images of one size, within `area`.
int pixelsChanged(const QImage &a, const QImage &b, const QRect &area)
{
    int count = 0;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x)
            count += a.pixel(x, y) != b.pixel(x, y);
    return count;
}

} // namespace

class TestXvfb : public QObject
{
    Q_OBJECT

private slots:
    void windowRendersCurves_data();
    void windowRendersCurves();
    void sessionWithFourStackedCurves();
    void spaceOnThePlotPlaysAndPauses();
};

void TestXvfb::windowRendersCurves_data()
{
    QTest::addColumn<QString>("screen");
    QTest::newRow("1280x800") << "1280x800x24";
    QTest::newRow("1920x1080") << "1920x1080x24";
}

void TestXvfb::windowRendersCurves()
{
    QFETCH(QString, screen);
    const QString xvfbRun = QStandardPaths::findExecutable(QStringLiteral("xvfb-run"));
    QVERIFY2(!xvfbRun.isEmpty(), "xvfb-run is missing: scripts/install-deps.sh test installs it");
    QTemporaryDir dir;
    const QString shot = dir.filePath(QStringLiteral("window.png"));
    QProcess app;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("QT_QPA_PLATFORM")); // the real xcb platform
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    app.setProcessEnvironment(environment);
    app.start(xvfbRun,
              {QStringLiteral("-a"), QStringLiteral("-s"), QStringLiteral("-screen 0 ") + screen,
               QStringLiteral(ELU_EXPLORER_BINARY), QStringLiteral("--alpha"),
               QStringLiteral("0.5"), QStringLiteral("--screenshot"), shot});
    QVERIFY(app.waitForFinished(60000));
    QVERIFY2(app.exitCode() == 0, app.readAllStandardError().constData());

    const QImage image(shot);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= 800 && image.height() >= 600);
    // Not blank: both curves drawn in their colours, and many colours in all.
    QVERIFY2(pixelsNear(image, QColor(0x00, 0x72, 0xB2)) > 300, "ELU's blue curve is missing");
    QVERIFY2(pixelsNear(image, QColor(0xD5, 0x5E, 0x00)) > 150,
             "ELU′'s vermillion curve is missing");
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    QVERIFY(colours.size() > 50);
}

void TestXvfb::sessionWithFourStackedCurves()
{
    // A session file as the desktop would open it: four curves, one recoloured, stacked.
    const QString xvfbRun = QStandardPaths::findExecutable(QStringLiteral("xvfb-run"));
    QVERIFY2(!xvfbRun.isEmpty(), "xvfb-run is missing: scripts/install-deps.sh test installs it");
    QTemporaryDir dir;
    const QString session = dir.filePath(QStringLiteral("four.elusession"));
    QFile file(session);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"format": "elu-explorer-session", "version": 1,
 "curves": [{"activation": "elu", "alpha": 1, "colour_slot": 0},
            {"activation": "relu", "colour_slot": 1},
            {"activation": "leaky_relu", "negative_slope": 0.1, "colour_slot": 2},
            {"activation": "gelu", "colour_slot": 3, "colour": "#8800ff"}],
 "layout": "stacked"})");
    file.close();
    const QString shot = dir.filePath(QStringLiteral("window.png"));
    QProcess app;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    app.setProcessEnvironment(environment);
    app.start(xvfbRun, {QStringLiteral("-a"), QStringLiteral("-s"),
                        QStringLiteral("-screen 0 1280x800x24"), QStringLiteral(ELU_EXPLORER_BINARY),
                        session, QStringLiteral("--screenshot"), shot});
    QVERIFY(app.waitForFinished(60000));
    QVERIFY2(app.exitCode() == 0, app.readAllStandardError().constData());
    const QImage image(shot);
    QVERIFY(!image.isNull());
    // Each curve's colour is on screen, GELU's custom purple included.
    QVERIFY2(pixelsNear(image, QColor(0x00, 0x72, 0xB2)) > 150, "ELU's blue is missing");
    QVERIFY2(pixelsNear(image, QColor(0xD5, 0x5E, 0x00)) > 100, "ReLU's vermillion is missing");
    QVERIFY2(pixelsNear(image, QColor(0x00, 0x9E, 0x73)) > 100, "Leaky ReLU's green is missing");
    QVERIFY2(pixelsNear(image, QColor(0x88, 0x00, 0xFF)) > 100, "GELU's purple is missing");
    // Stacked: the upper panel shows f (ELU's blue solid line runs through its lower half),
    // the lower one f′ — so blue appears in both the top and the bottom half of the plot area.
    const QImage top = image.copy(0, 0, image.width() * 3 / 4, image.height() * 2 / 5);
    const QImage bottom = image.copy(0, image.height() * 2 / 5, image.width() * 3 / 4,
                                     image.height() * 2 / 5);
    QVERIFY(pixelsNear(top, QColor(0x00, 0x72, 0xB2)) > 50);
    QVERIFY(pixelsNear(bottom, QColor(0x00, 0x72, 0xB2)) > 50);
}

void TestXvfb::spaceOnThePlotPlaysAndPauses()
{
    // The real window, as a person uses it: a click into the plot, Space, and the curves move;
    // Space again, and they stay. xdotool clicks and types, xwd dumps the screen.
    const QString xvfbRun = QStandardPaths::findExecutable(QStringLiteral("xvfb-run"));
    QVERIFY2(!xvfbRun.isEmpty(), "xvfb-run is missing: scripts/install-deps.sh test installs it");
    for (const char *tool : {"xdotool", "xwd"}) {
        QVERIFY2(
            !QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty(),
            qPrintable(QStringLiteral("%1 is missing: scripts/install-deps.sh test installs it")
                           .arg(QString::fromLatin1(tool))));
    }
    QTemporaryDir dir;
    QFile script(dir.filePath(QStringLiteral("play.sh")));
    QVERIFY(script.open(QIODevice::WriteOnly));
    // Shots: still (after the click), still again, playing, playing later, paused, paused later.
    script.write(R"sh(set -e
cd "$2"
"$1" &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
window=$(xdotool search --sync --onlyvisible --name 'ELU' | head -1)
sleep 1
eval "$(xdotool getwindowgeometry --shell "$window")"
echo "window $X $Y $WIDTH $HEIGHT"
xdotool mousemove --sync $((X + WIDTH / 3)) $((Y + HEIGHT / 3)) click 1
sleep 0.5
xwd -root -silent -out still1.xwd
sleep 0.4
xwd -root -silent -out still2.xwd
xdotool key space
sleep 0.4
xwd -root -silent -out playing1.xwd
sleep 0.4
xwd -root -silent -out playing2.xwd
xdotool key space
sleep 1
xwd -root -silent -out paused1.xwd
sleep 0.4
xwd -root -silent -out paused2.xwd
)sh");
    script.close();
    QProcess run;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    run.setProcessEnvironment(environment);
    run.start(xvfbRun, {QStringLiteral("-a"), QStringLiteral("-s"),
                        QStringLiteral("-screen 0 1280x800x24"), QStringLiteral("sh"),
                        script.fileName(), QStringLiteral(ELU_EXPLORER_BINARY), dir.path()});
    QVERIFY(run.waitForFinished(60000));
    QVERIFY2(run.exitCode() == 0, run.readAllStandardError().constData());

    const QRegularExpressionMatch window =
        QRegularExpression(QStringLiteral("window (\\d+) (\\d+) (\\d+) (\\d+)"))
            .match(QString::fromLatin1(run.readAllStandardOutput()));
    QVERIFY(window.hasMatch());
    const QRect frame(window.captured(1).toInt(), window.captured(2).toInt(),
                      window.captured(3).toInt(), window.captured(4).toInt());
    // Inside the plot, which fills the window's upper left (the controls and the curve list
    // are elsewhere, and so is the status bar's readout).
    const QRect plot(frame.x() + frame.width() / 10, frame.y() + frame.height() / 10,
                     frame.width() / 2, frame.height() / 2);
    auto shot = [&](const char *name) { return readXwd(dir.filePath(QLatin1String(name))); };
    const QImage still1 = shot("still1.xwd"), still2 = shot("still2.xwd");
    const QImage playing1 = shot("playing1.xwd"), playing2 = shot("playing2.xwd");
    const QImage paused1 = shot("paused1.xwd"), paused2 = shot("paused2.xwd");
    for (const QImage *image : {&still1, &still2, &playing1, &playing2, &paused1, &paused2}) {
        QVERIFY(!image->isNull());
        QVERIFY(image->rect().contains(plot));
    }
    QVERIFY2(pixelsNear(playing1.copy(plot), QColor(0x00, 0x72, 0xB2)) > 100,
             "ELU's blue curve is missing");
    QCOMPARE(pixelsChanged(still1, still2, plot), 0);
    const int moved = pixelsChanged(playing1, playing2, plot);
    QVERIFY2(moved > 500, qPrintable(QStringLiteral("%1 pixels changed while playing").arg(moved)));
    QVERIFY(pixelsChanged(still2, playing1, plot) > 500);
    QCOMPARE(pixelsChanged(paused1, paused2, plot), 0);
}

QTEST_GUILESS_MAIN(TestXvfb)
#include "tst_xvfb.moc"
