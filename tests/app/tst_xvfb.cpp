// SPDX-License-Identifier: MIT
// The real binary in a real X server: Xvfb, through xvfb-run.
#include <QColor>
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

QTEST_GUILESS_MAIN(TestXvfb)
#include "tst_xvfb.moc"
