// SPDX-License-Identifier: MIT
// The real binary in a real X server: Xvfb, through xvfb-run.
#include <QColor>
#include <QFile>
#include <QImage>
#include <QProcess>
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

} // namespace

class TestXvfb : public QObject
{
    Q_OBJECT

private slots:
    void windowRendersCurves_data();
    void windowRendersCurves();
    void sessionWithFourStackedCurves();
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

QTEST_GUILESS_MAIN(TestXvfb)
#include "tst_xvfb.moc"
